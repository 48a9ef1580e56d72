// The session report page: GET /api/v1/sessions/{id}/report with an admin token, drawn as inline SVG charts
// (no chart library). The token comes from the form or from the URL fragment #token=…, which is then removed
// from the address bar; it is only ever sent in the Authorization header and never logged.

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 800;
const HEIGHT = 180;
const PAD = { left: 48, right: 12, top: 10, bottom: 22 };
const COLORS = ['#4da3ff', '#ffb13d', '#3ccf7f', '#c77dff', '#ff6f91', '#2ec4b6'];
const REFRESH_MILLIS = 3000;

const $ = (id) => document.getElementById(id);
const state = { token: null, session: null, timer: null };
globalThis.onairReport = { state: 'idle', error: null, report: null };

function setStatus(s, error) {
  globalThis.onairReport.state = s;
  globalThis.onairReport.error = error || null;
  $('status').textContent = error ? `${s}: ${error}` : s;
  $('status').dataset.state = s;
}

function svg(name, attrs = {}, parent = null) {
  const el = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (parent) parent.appendChild(el);
  return el;
}

function html(name, text, parent, attrs = {}) {
  const el = document.createElement(name);
  if (text !== null && text !== undefined) el.textContent = text;
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (parent) parent.appendChild(el);
  return el;
}

const fmtTime = (ms, t0) => `${Math.round((ms - t0) / 1000)} s`;
const isNum = (v) => typeof v === 'number' && Number.isFinite(v);

/** Points [atMillis, value] of `samples` where `pick` gives a number. */
function points(samples, pick) {
  const out = [];
  for (const s of samples || []) {
    const v = pick(s);
    if (isNum(v) && isNum(s.atMillis)) out.push([s.atMillis, v]);
  }
  return out;
}

function trackLabel(t) {
  return `${t.kind} ${t.direction === 'in' ? '↑' : '↓'} mid ${t.mid}`;
}

/** The time span of everything in the report. */
function span(report) {
  let t0 = Infinity;
  let t1 = -Infinity;
  const see = (list) => {
    for (const s of list || []) {
      if (isNum(s.atMillis)) {
        t0 = Math.min(t0, s.atMillis);
        t1 = Math.max(t1, s.atMillis);
      }
    }
  };
  see(report.samples);
  for (const t of report.tracks || []) { see(t.samples); see(t.client); }
  if (!isFinite(t0)) { t0 = 0; t1 = 1; }
  if (t1 <= t0) t1 = t0 + 1000;
  return { t0, t1 };
}

/**
 * One chart: a titled SVG with a shaded band per impairment period, the y axis from `yMin` to the data's
 * maximum (or `yMax`), and one polyline per series (dashed for the browser's). Each polyline carries
 * data-points (how many points it has) and data-source ("server"/"client").
 */
function chart(id, title, unit, series, ctx, { yMin = 0, yMax = null } = {}) {
  const box = html('div', null, $('charts'), { class: 'chart', id: `chart-${id}` });
  html('h2', `${title} (${unit})`, box);
  const s = svg('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'aria-label': title, 'data-chart': id }, box);
  const { t0, t1 } = ctx.span;
  let max = yMax;
  if (max === null) {
    max = yMin + 1e-9;
    for (const se of series) for (const [, v] of se.points) max = Math.max(max, v);
    max = Math.max(max * 1.1, yMin + 1); // an all-zero series still gets a readable 0..1 axis
  }
  const x = (t) => PAD.left + ((t - t0) / (t1 - t0)) * (WIDTH - PAD.left - PAD.right);
  const y = (v) => HEIGHT - PAD.bottom - ((Math.min(v, max) - yMin) / (max - yMin)) * (HEIGHT - PAD.top - PAD.bottom);
  for (const p of ctx.periods) {
    const from = Math.max(t0, p.fromMillis);
    const until = Math.min(t1, isNum(p.untilMillis) ? p.untilMillis : t1);
    if (until > from) {
      const band = svg('rect', { class: 'band', x: x(from), y: PAD.top, width: Math.max(1, x(until) - x(from)),
        height: HEIGHT - PAD.top - PAD.bottom }, s);
      svg('title', {}, band).textContent = impairmentLabel(p);
    }
  }
  svg('line', { class: 'axis', x1: PAD.left, y1: HEIGHT - PAD.bottom, x2: WIDTH - PAD.right, y2: HEIGHT - PAD.bottom }, s);
  svg('line', { class: 'axis', x1: PAD.left, y1: PAD.top, x2: PAD.left, y2: HEIGHT - PAD.bottom }, s);
  for (const v of [yMin, (yMin + max) / 2, max]) {
    svg('text', { class: 'tick', x: PAD.left - 6, y: y(v) + 4, 'text-anchor': 'end' }, s).textContent =
      v >= 100 ? Math.round(v) : Math.round(v * 10) / 10;
  }
  for (const t of [t0, (t0 + t1) / 2, t1]) {
    svg('text', { class: 'tick', x: x(t), y: HEIGHT - 6, 'text-anchor': 'middle' }, s).textContent = fmtTime(t, t0);
  }
  const keys = html('div', null, box, { class: 'keys' });
  let drawn = 0;
  series.forEach((se, i) => {
    if (se.points.length === 0) return;
    const color = COLORS[i % COLORS.length];
    svg('polyline', {
      class: `series ${se.client ? 'client' : 'server'}`, stroke: color, 'data-points': se.points.length,
      'data-source': se.client ? 'client' : 'server', points: se.points.map(([t, v]) => `${x(t).toFixed(1)},${y(v).toFixed(1)}`).join(' '),
    }, s);
    const key = html('span', se.label, keys);
    key.style.setProperty('--key', color);
    drawn += 1;
  });
  if (drawn === 0) {
    svg('text', { class: 'empty', x: WIDTH / 2, y: HEIGHT / 2, 'text-anchor': 'middle' }, s).textContent = 'no data yet';
  }
}

function impairmentLabel(p) {
  const what = p.preset ? `preset ${p.preset}` : p.scenario ? `scenario ${p.scenario}` : 'impairment';
  return `${what}, seed ${p.seed}, ${p.direction ?? ''}`.replace(/, $/, '');
}

/** The connection tier after each session sample, as coloured blocks. */
function tierTimeline(report, ctx) {
  const box = html('div', null, $('charts'), { class: 'chart', id: 'chart-tier' });
  html('h2', 'Connection tier', box);
  const s = svg('svg', { viewBox: `0 0 ${WIDTH} 40`, role: 'img', 'aria-label': 'Connection tier', 'data-chart': 'tier' }, box);
  const tiers = report.quality?.tiers || [];
  const { t0, t1 } = ctx.span;
  const x = (t) => PAD.left + ((t - t0) / (t1 - t0)) * (WIDTH - PAD.left - PAD.right);
  tiers.forEach((t, i) => {
    const next = i + 1 < tiers.length ? tiers[i + 1].atMillis : t.atMillis + 1000;
    const r = svg('rect', { class: `tier tier-${t.tier}`, x: x(Math.max(t0, t.atMillis - 1000)), y: 6,
      width: Math.max(1, x(Math.min(t1, next)) - x(t.atMillis)), height: 24, 'data-tier': t.tier }, s);
    svg('title', {}, r).textContent = `${fmtTime(t.atMillis, t0)}: ${t.tier}`;
  });
  const keys = html('div', null, box, { class: 'keys' });
  html('span', `now: ${report.quality?.tier ?? 'unknown'}`, keys);
}

function summary(report) {
  const box = $('summary');
  box.replaceChildren();
  box.hidden = false;
  const dl = html('dl', null, box);
  const row = (k, v) => { html('dt', k, dl); html('dd', v ?? '—', dl); };
  row('room', report.room);
  row('identity', report.identity);
  row('kind', report.kind);
  row('state', report.state);
  row('tier', report.quality?.tier);
  row('mean MOS', isNum(report.quality?.meanMos) ? report.quality.meanMos.toFixed(2) : null);
  row('lowest video score', isNum(report.quality?.minVideoScore) ? report.quality.minVideoScore.toFixed(0) : null);
  const withClient = (report.tracks || []).filter((t) => (t.client || []).length > 0).length;
  row('tracks with browser stats', `${withClient} of ${(report.tracks || []).length}`);
}

function impairment(report, periods) {
  const box = $('impairment');
  box.replaceChildren();
  if (!report.impairment && periods.length === 0) {
    box.hidden = true;
    return;
  }
  box.hidden = false;
  html('h2', 'Network lab', box);
  const now = report.impairment;
  html('p', now ? `Active: ${impairmentLabel(now)}.` : 'No impairment active now.', box, { id: 'impairment-now' });
  const ul = html('ul', null, box);
  const t0 = span(report).t0;
  for (const p of periods) {
    html('li', `${impairmentLabel(p)}: from ${fmtTime(p.fromMillis, t0)} ${isNum(p.untilMillis)
      ? `to ${fmtTime(p.untilMillis, t0)}` : 'until now'}`, ul);
  }
}

/** Draws the whole report. */
export function render(report) {
  const periods = report.impairmentPeriods || [];
  const ctx = { span: span(report), periods };
  summary(report);
  impairment(report, periods);
  $('charts').replaceChildren();
  const tracks = report.tracks || [];
  const serverAndClient = (pickServer, pickClient) => tracks.flatMap((t) => [
    { label: `${trackLabel(t)} server`, points: points(t.samples, pickServer), client: false },
    { label: `${trackLabel(t)} browser`, points: pickClient ? points(t.client, pickClient) : [], client: true },
  ]);
  chart('bitrate', 'Bitrate', 'kbit/s', tracks.map((t) => ({
    label: trackLabel(t), points: points(t.samples, (s) => s.bitrateBps / 1000), client: false })), ctx);
  chart('loss', 'Loss', '%', serverAndClient((s) => s.lossPercent, (c) => c.lossPercent), ctx, { yMax: null });
  chart('rtt', 'RTT', 'ms', serverAndClient((s) => s.rttMillis, (c) => c.rttMillis), ctx);
  chart('mos', 'MOS', '1–4.5', tracks.filter((t) => t.kind === 'audio').map((t) => ({
    label: trackLabel(t), points: points(t.scores, (s) => s.mos), client: false })), ctx, { yMin: 1, yMax: 4.5 });
  chart('video', 'Video score', '0–100', tracks.filter((t) => t.kind === 'video').map((t) => ({
    label: trackLabel(t), points: points(t.scores, (s) => s.videoScore), client: false })), ctx, { yMax: 100 });
  chart('fps', 'Frame rate', 'fps', serverAndClient((s) => s.framesPerSecond, (c) => c.framesPerSecond)
    .filter((se) => se.label.startsWith('video')), ctx);
  congestionCharts(report, ctx);
  tierTimeline(report, ctx);
}

/**
 * A subscriber's congestion control: the bandwidth estimate against what was allocated and what arrived, the
 * queueing delay in our pacer, and the simulcast layer of each video track (-1: paused).
 */
function congestionCharts(report, ctx) {
  const cc = report.congestion || [];
  if (cc.length === 0) return;
  chart('bandwidth', 'Bandwidth estimate', 'kbit/s', [
    { label: 'estimate', points: points(cc, (s) => s.estimateBps / 1000), client: false },
    { label: 'allocated', points: points(cc, (s) => s.allocatedBps / 1000), client: false },
    { label: 'acked', points: points(cc, (s) => s.ackedBitrateBps / 1000), client: false },
    { label: 'wanted', points: points(cc, (s) => s.wantedBps / 1000), client: true },
  ], ctx);
  chart('queue', 'Queueing delay', 'ms', [
    { label: 'max', points: points(cc, (s) => s.queueDelayMaxMillis), client: false },
    { label: 'mean', points: points(cc, (s) => s.queueDelayMeanMillis), client: true },
  ], ctx);
  // Video m-lines only: audio has no layers (its samples say -1), which would read as "paused".
  const videoMids = new Set((report.tracks || []).filter((t) => t.kind === 'video').map((t) => t.mid));
  const mids = [...new Set(cc.flatMap((s) => (s.tracks || [])
    .filter((t) => t.targetLayer !== undefined && videoMids.has(t.mid)).map((t) => t.mid)))];
  chart('layers', 'Simulcast layer (-1 paused)', 'layer', mids.flatMap((mid) => {
    const pick = (f) => (s) => { const t = (s.tracks || []).find((x) => x.mid === mid); return t ? f(t) : null; };
    return [
      { label: `mid ${mid} forwarded`, points: points(cc, pick((t) => t.layer)), client: false },
      { label: `mid ${mid} target`, points: points(cc, pick((t) => t.targetLayer)), client: true },
    ];
  }), ctx, { yMin: -1, yMax: 2 });
  // VP8 temporal layers (TIDs), only for tracks that have them.
  const temporalMids = mids.filter((mid) => cc.some((s) => (s.tracks || [])
    .some((t) => t.mid === mid && t.temporalLayer >= 0)));
  if (temporalMids.length === 0) return;
  chart('temporal', 'Temporal layer (highest TID forwarded)', 'TID', temporalMids.flatMap((mid) => {
    const pick = (f) => (s) => { const t = (s.tracks || []).find((x) => x.mid === mid); return t ? f(t) : null; };
    return [
      { label: `mid ${mid} forwarded`, points: points(cc, pick((t) => (t.temporalLayer >= 0 ? t.temporalLayer : null))),
        client: false },
    ];
  }), ctx, { yMin: 0, yMax: 3 });
}

async function load() {
  if (!state.session || !state.token) return;
  try {
    const res = await fetch(`/api/v1/sessions/${encodeURIComponent(state.session)}/report`, {
      headers: { Authorization: `Bearer ${state.token}` },
      cache: 'no-store',
    });
    if (!res.ok) {
      const body = await res.json().catch(() => ({}));
      setStatus('failed', `${res.status} ${body?.error?.message ?? body?.message ?? ''}`.trim());
      stop();
      return;
    }
    const report = await res.json();
    globalThis.onairReport.report = report;
    render(report);
    setStatus('loaded');
  } catch (e) {
    setStatus('failed', String(e?.message ?? e));
  }
}

function stop() {
  if (state.timer !== null) clearInterval(state.timer);
  state.timer = null;
}

function start() {
  stop();
  $('session-id').textContent = state.session;
  load();
  if ($('live').checked) state.timer = setInterval(load, REFRESH_MILLIS);
}

function init() {
  const q = new URLSearchParams(location.search);
  state.session = q.get('session');
  const fragment = new URLSearchParams(location.hash.replace(/^#/, ''));
  if (fragment.get('token')) {
    state.token = fragment.get('token');
    history.replaceState(null, '', location.pathname + location.search); // the token leaves the address bar
  }
  if (state.session) $('session').value = state.session;
  $('load').addEventListener('submit', (e) => {
    e.preventDefault();
    state.session = $('session').value.trim();
    state.token = $('token').value.trim() || state.token;
    $('token').value = '';
    start();
  });
  $('live').addEventListener('change', () => { if ($('live').checked) start(); else stop(); });
  if (state.session && state.token) start();
}

init();
