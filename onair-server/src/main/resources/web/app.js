// The Onair demo app: a join screen and a room (conference, or broadcast as host or viewer) on onair.js.
// Query parameters prefill the form: ?room=R&name=N&mode=conference|host|viewer&camera=0|1&mic=0|1
// &token=T&identity=I&autojoin=1 (identity: for dev tokens; default the name plus a random suffix)
// &admin=1 (a dev token with `admin`: the chat panel's delete controls).
// Once joined, window.onairRoom is the Room (tests drive and inspect it).
import { Room } from './onair.js';
import { ChatPanel, tokenPermissions } from './app-chat.js';

const $ = (selector, root = document) => root.querySelector(selector);
const ROOM_PATTERN = /^[A-Za-z0-9_.-]{1,64}$/;
const MODES = new Set(['conference', 'host', 'viewer']);

// ----- icons (inline SVG, stroke-drawn on a 24-unit grid) -----------------------------------------------------
const PATHS = {
  mic: '<rect x="9" y="3" width="6" height="11" rx="3"/><path d="M5.5 11a6.5 6.5 0 0 0 13 0M12 17.5V21M8.5 21h7"/>',
  camera: '<rect x="2.5" y="6" width="13" height="12" rx="2.5"/><path d="M15.5 10.5l6-3.5v10l-6-3.5z"/>',
  screen: '<rect x="2.5" y="4" width="19" height="13" rx="2"/><path d="M8 21h8M12 17v4M12 14V8M9 10.8L12 8l3 2.8"/>',
  leave: '<path d="M2.6 13.6c5.3-4.6 13.5-4.6 18.8 0l-2 3.1-3.6-1.1-.3-2.6a11 11 0 0 0-7 0l-.3 2.6-3.6 1.1z"/>',
  sliders: '<path d="M4 6h9M17 6h3M4 12h3M11 12h9M4 18h11M19 18h1"/><circle cx="15" cy="6" r="2"/><circle cx="9" cy="12" r="2"/><circle cx="17" cy="18" r="2"/>',
  eye: '<path d="M2 12s3.6-6.5 10-6.5S22 12 22 12s-3.6 6.5-10 6.5S2 12 2 12z"/><circle cx="12" cy="12" r="3"/>',
  users: '<circle cx="9" cy="8" r="3.5"/><path d="M2.5 20c0-3.6 2.9-6 6.5-6s6.5 2.4 6.5 6M16 4.6a3.5 3.5 0 0 1 0 6.8M18.2 14.3c1.9.7 3.3 2.8 3.3 5.7"/>',
  slash: '<path d="M3.5 3.5l17 17"/>',
  chat: '<path d="M4 5.5h16v10H9.5L5 19.5v-4H4z"/><path d="M8 9.5h8M8 12.5h5"/>',
};
function icon(name, slashed = false) {
  return `<svg viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round">${PATHS[name]}${slashed ? PATHS.slash : ''}</svg>`;
}

// ----- small helpers ---------------------------------------------------------------------------------------------
function initials(name) {
  const words = (name || '?').trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? words[0][0] + words[words.length - 1][0] : (words[0] || '?').slice(0, 2);
  return letters.toUpperCase();
}

/** A unique identity for this tab: the name's safe characters plus a random suffix. */
function identityFor(name) {
  const base = name.normalize('NFKD').replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'guest';
  const bytes = crypto.getRandomValues(new Uint8Array(4));
  return `${base}-${[...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')}`.toLowerCase();
}

function remember(key, value) {
  try { localStorage.setItem(`onair.${key}`, value); } catch { /* private mode */ }
}

function recall(key) {
  try { return localStorage.getItem(`onair.${key}`); } catch { return null; }
}

function toast(message, kind = 'info') {
  if ([...document.querySelectorAll('.toast')].some((t) => t.textContent === message)) return;
  const el = document.createElement('div');
  el.className = `toast ${kind}`;
  el.textContent = message;
  $('#toasts').append(el);
  setTimeout(() => el.remove(), 4500);
}

const DISCONNECT_TEXT = {
  replaced: 'You joined this room from another tab or device.',
  removed: 'An administrator removed you from the room.',
  room_closed: 'The room was closed.',
  resume_window_expired: 'The connection was lost.',
  unauthenticated: 'Your access token is not valid (any more).',
  forbidden: 'Your access token does not allow this room.',
};

// ----- join screen -----------------------------------------------------------------------------------------------
/** Camera/microphone preview before joining, with a level meter. */
class Preview {
  #stream = null;
  #stopMeter = null;
  #generation = 0;
  camera = true;
  mic = true;

  async start() {
    this.stop();
    const generation = ++this.#generation;
    this.#buttons();
    $('#preview-note').textContent = this.camera ? 'Starting camera…' : 'Camera is off';
    if (!this.camera && !this.mic) return;
    let stream = null;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ video: this.camera, audio: this.mic });
    } catch (e) {
      $('#preview-note').textContent = `No camera or microphone access (${e.name})`;
    }
    if (generation !== this.#generation) { // toggled or joined meanwhile
      stream?.getTracks().forEach((t) => t.stop());
      return;
    }
    this.#stream = stream;
    const video = stream?.getVideoTracks()[0];
    $('#preview-video').srcObject = video ? new MediaStream([video]) : null;
    $('#preview').classList.toggle('has-video', !!video);
    const audio = stream?.getAudioTracks()[0];
    if (audio) this.#stopMeter = meter(audio, $('#preview-meter span'));
  }

  stop() {
    this.#generation += 1;
    this.#stopMeter?.();
    this.#stopMeter = null;
    this.#stream?.getTracks().forEach((t) => t.stop());
    this.#stream = null;
    $('#preview-video').srcObject = null;
    $('#preview').classList.remove('has-video');
  }

  #buttons() {
    setPressed($('#preview-camera'), this.camera, 'camera');
    setPressed($('#preview-mic'), this.mic, 'mic');
  }
}

function meter(track, bar) {
  let ctx;
  try {
    ctx = new AudioContext();
  } catch {
    return () => {};
  }
  const analyser = ctx.createAnalyser();
  analyser.fftSize = 512;
  ctx.createMediaStreamSource(new MediaStream([track])).connect(analyser);
  const samples = new Uint8Array(analyser.fftSize);
  let frame = 0;
  const tick = () => {
    analyser.getByteTimeDomainData(samples);
    let peak = 0;
    for (const v of samples) peak = Math.max(peak, Math.abs(v - 128));
    bar.style.transform = `scaleX(${Math.min(1, peak / 48)})`;
    frame = requestAnimationFrame(tick);
  };
  tick();
  return () => {
    cancelAnimationFrame(frame);
    bar.style.transform = 'scaleX(0)';
    ctx.close().catch(() => {});
  };
}

/** A toggle button: pressed state, and the icon struck through (red) when off unless `slashWhenOff` is false. */
function setPressed(button, on, name, slashWhenOff = true) {
  button.setAttribute('aria-pressed', String(on));
  button.classList.toggle('off', !on && slashWhenOff);
  button.classList.toggle('active', on && !slashWhenOff);
  button.innerHTML = icon(name, !on && slashWhenOff);
}

const MODE_HINTS = {
  conference: 'Everyone can talk, show their camera and share a screen.',
  host: 'You go live in a broadcast room; viewers watch you and other hosts.',
  viewer: 'Watch the hosts of a broadcast. No camera or microphone needed.',
};

class JoinScreen {
  preview = new Preview();
  form = $('#join-form');
  fields = this.form.elements; // form.name would be the form's own name attribute

  constructor(onJoin) {
    this.onJoin = onJoin;
    const q = new URLSearchParams(location.search);
    this.fields.room.value = q.get('room') || recall('room') || 'demo';
    this.fields.name.value = q.get('name') || recall('name') || '';
    const mode = q.get('mode');
    this.fields.mode.value = MODES.has(mode) ? mode : (recall('mode') || 'conference');
    if (q.get('token')) this.#showTokenField(q.get('token'));
    this.preview.camera = q.get('camera') !== '0';
    this.preview.mic = q.get('mic') !== '0';
    this.autojoin = q.get('autojoin') === '1';
    this.identity = q.get('identity');

    this.form.addEventListener('submit', (e) => { e.preventDefault(); this.submit(); });
    this.fields.mode.addEventListener('change', () => this.#modeChanged());
    this.fields.name.addEventListener('input', () => { $('#preview-avatar').textContent = initials(this.fields.name.value); });
    $('#preview-camera').addEventListener('click', () => { this.preview.camera = !this.preview.camera; this.preview.start(); });
    $('#preview-mic').addEventListener('click', () => { this.preview.mic = !this.preview.mic; this.preview.start(); });
    $('#preview-avatar').textContent = initials(this.fields.name.value);
    document.querySelectorAll('.host').forEach((e) => { e.textContent = location.host || 'host:8080'; });
    this.#modeChanged(false);
  }

  get mode() { return this.fields.mode.value; }

  show(message) {
    $('#room-view').hidden = true;
    $('#join-view').hidden = false;
    document.title = 'Onair';
    this.#busy(false);
    this.#error(message);
    if (!this.autojoin && this.mode !== 'viewer') this.preview.start();
  }

  async submit() {
    const room = this.fields.room.value.trim();
    const name = this.fields.name.value.trim();
    const mode = this.mode;
    if (!ROOM_PATTERN.test(room)) return this.#error('Room names use letters, digits, dot, dash and underscore.');
    if (!name) return this.#error('Please enter your name.');
    remember('room', room);
    remember('name', name);
    remember('mode', mode);
    this.#busy(true);
    this.#error(null);
    try {
      const pasted = this.fields.token.value.trim();
      const devToken = $('#token-field').hidden;
      const identity = this.identity || identityFor(name);
      const token = devToken ? await fetchDevToken(room, identity, name, mode) : pasted;
      if (!token) {
        this.#showTokenField('');
        this.#busy(false);
        return this.#error(devToken ? 'This server has keys configured: paste an access token to join.' : 'Paste an access token.');
      }
      this.preview.stop();
      const media = { camera: this.preview.camera && mode !== 'viewer', mic: this.preview.mic && mode !== 'viewer' };
      await this.onJoin({ room, identity, name, mode, token, devToken, media });
    } catch (e) {
      this.#busy(false);
      this.#error(e.message);
    }
  }

  #modeChanged(restart = true) {
    const viewer = this.mode === 'viewer';
    $('#mode-hint').textContent = MODE_HINTS[this.mode];
    $('#preview-controls').hidden = viewer;
    $('#preview').classList.toggle('viewer', viewer);
    if (viewer) {
      this.preview.stop();
      $('#preview-note').textContent = 'You will watch without camera or microphone';
    } else if (restart && !this.autojoin) {
      this.preview.start();
    }
  }

  #showTokenField(value) {
    $('#token-field').hidden = false;
    this.fields.token.value = value;
    this.fields.token.required = true;
  }

  #busy(busy) {
    $('#join-button').disabled = busy;
    $('#join-button').textContent = busy ? 'Joining…' : 'Join';
  }

  #error(message) {
    $('#join-error').hidden = !message;
    $('#join-error').textContent = message || '';
  }
}

/** A dev-mode token from the server; null when the endpoint is off (keys configured: 404). */
async function fetchDevToken(room, identity, name, mode) {
  const q = new URLSearchParams({
    room, identity, name,
    perms: mode === 'viewer' ? 'subscribe,chat' : 'publish,subscribe,chat',
    kind: mode === 'conference' ? 'conference' : 'broadcast',
  });
  // ?lab=1 asks the dev server for the network-lab permission (the Network menu)
  if (new URLSearchParams(location.search).get('lab') === '1') q.set('lab', 'true');
  // ?admin=1 asks for `admin` too (the chat panel's delete controls)
  if (new URLSearchParams(location.search).get('admin') === '1') q.set('perms', `${q.get('perms')},admin`);
  const res = await fetch(`/api/v1/dev/token?${q}`);
  if (res.status === 404) return null;
  if (!res.ok) throw new Error(`Could not get a token (${res.status}): ${(await res.text()).trim()}`);
  return (await res.json()).token;
}

/** The badge text of each connection tier. */
const QUALITY_TEXT = { excellent: 'Excellent', good: 'Good', poor: 'Poor', lost: 'Lost' };

// ----- tiles -----------------------------------------------------------------------------------------------------
/** One participant (or one screen share) on the stage. */
class Tile {
  videoTrack = null;
  videoPub = null; // the remote publication attached to <video> (it reports the rendered size to the server)
  audioTracks = new Map(); // track -> <audio>

  constructor({ identity, screen }) {
    this.el = document.createElement('div');
    this.el.className = screen ? 'tile screen' : 'tile';
    if (screen) this.el.dataset.screenOf = identity;
    else this.el.dataset.identity = identity;
    this.el.innerHTML = '<video autoplay playsinline muted></video>'
      + '<div class="avatar-wrap"><span class="avatar"></span></div>'
      + '<div class="label"><span class="name"></span></div>'
      + '<span class="quality" role="status" hidden></span>';
    this.video = $('video', this.el);
    this.avatar = $('.avatar', this.el);
    this.name = $('.name', this.el);
    this.label = $('.label', this.el);
    this.quality = $('.quality', this.el);
  }

  update({ name, local, videoTrack, videoPub, audioTracks, micMuted, speaking, note, quality }) {
    this.#showQuality(name, quality);
    this.name.textContent = name + (local ? ' (you)' : '');
    this.avatar.textContent = initials(name);
    this.el.classList.toggle('local', !!local);
    this.el.classList.toggle('speaking', !!speaking);
    this.el.title = note || '';
    if (this.videoTrack !== videoTrack) {
      this.videoTrack = videoTrack;
      this.videoPub?.detach(this.video);
      this.videoPub = videoTrack && videoPub ? videoPub : null;
      if (this.videoPub) this.videoPub.attach(this.video);
      else this.video.srcObject = videoTrack ? new MediaStream([videoTrack]) : null;
    }
    this.el.classList.toggle('has-video', !!videoTrack);
    this.#syncAudio(audioTracks);
    let muted = $('.muted-icon', this.label);
    if (micMuted && !muted) {
      muted = document.createElement('span');
      muted.className = 'muted-icon';
      muted.title = 'Microphone off';
      muted.innerHTML = icon('mic', true);
      this.label.prepend(muted);
    } else if (!micMuted && muted) {
      muted.remove();
    }
  }

  /** The connection badge: colour (data-tier) and text, with a spoken label; hidden while the tier is unknown. */
  #showQuality(name, tier) {
    this.quality.hidden = !tier;
    if (!tier) return;
    if (this.quality.dataset.tier !== tier) {
      this.quality.dataset.tier = tier;
      this.quality.textContent = QUALITY_TEXT[tier] || tier;
    }
    this.quality.setAttribute('aria-label', `${name}: connection ${QUALITY_TEXT[tier] || tier}`);
    this.quality.title = `Connection: ${QUALITY_TEXT[tier] || tier}`;
  }

  resume() {
    if (this.videoTrack) this.video.play().catch(() => {});
    for (const audio of this.audioTracks.values()) audio.play().catch(() => unlockAudioOnClick());
  }

  remove() {
    this.videoPub?.detach(this.video);
    this.videoPub = null;
    this.video.srcObject = null;
    for (const audio of this.audioTracks.values()) audio.srcObject = null;
    this.el.remove();
  }

  #syncAudio(tracks) {
    for (const [track, audio] of this.audioTracks) {
      if (!tracks.includes(track)) {
        audio.srcObject = null;
        audio.remove();
        this.audioTracks.delete(track);
      }
    }
    for (const track of tracks) {
      if (this.audioTracks.has(track)) continue;
      const audio = document.createElement('audio');
      audio.autoplay = true;
      audio.srcObject = new MediaStream([track]);
      this.el.append(audio);
      this.audioTracks.set(track, audio);
      audio.play().catch(() => unlockAudioOnClick());
    }
  }
}

let audioLocked = false;
function unlockAudioOnClick() {
  if (audioLocked) return;
  audioLocked = true;
  toast('Click anywhere to turn the sound on.');
  document.addEventListener('click', () => {
    audioLocked = false;
    document.querySelectorAll('.tile audio').forEach((a) => a.play().catch(() => {}));
  }, { once: true });
}

/**
 * The stage: tiles keyed by identity (and screen:identity). Normally one grid laid out to keep tiles as large as
 * possible; while someone shares a screen, the shares fill the main area and people move to a side strip.
 */
class Stage {
  tiles = new Map();
  el = $('#stage');
  main = document.createElement('div');
  strip = document.createElement('div');

  constructor() {
    this.main.className = 'stage-main';
    this.strip.className = 'stage-strip';
    this.el.append(this.main, this.strip);
    new ResizeObserver(() => this.#layout()).observe(this.main);
  }

  render(entries) {
    const keys = new Set(entries.map((e) => e.key));
    for (const [key, tile] of this.tiles) {
      if (!keys.has(key)) {
        tile.remove();
        this.tiles.delete(key);
      }
    }
    const presenting = entries.some((e) => e.screen);
    this.el.classList.toggle('presenting', presenting);
    const placed = { main: 0, strip: 0 };
    for (const entry of entries) {
      let tile = this.tiles.get(entry.key);
      if (!tile) {
        tile = new Tile(entry);
        this.tiles.set(entry.key, tile);
      }
      tile.update(entry);
      const area = presenting && !entry.screen ? 'strip' : 'main';
      const container = this[area];
      const at = container.children[placed[area]++] ?? null;
      if (at !== tile.el) {
        container.insertBefore(tile.el, at);
        tile.resume(); // a moved media element pauses
      }
    }
    this.el.dataset.count = String(this.tiles.size);
    this.#layout();
  }

  clear() {
    this.render([]);
  }

  #layout() {
    const count = this.main.children.length;
    const gap = 12;
    const width = Math.max(1, this.main.clientWidth - 8); // less its padding
    const height = Math.max(1, this.main.clientHeight - 8);
    const minTile = 220;
    const fit = Math.max(1, Math.floor((width + gap) / (minTile + gap)));
    let cols = 1;
    let best = 0;
    for (let c = 1; c <= Math.max(1, count); c += 1) {
      const rows = Math.ceil(count / c);
      const tileWidth = Math.min((width - (c - 1) * gap) / c, ((height - (rows - 1) * gap) / rows) * (16 / 9));
      if (tileWidth > best + 0.5) {
        best = tileWidth;
        cols = c;
      }
    }
    cols = Math.min(cols, fit);
    const rows = Math.max(1, Math.ceil(count / cols));
    // rows share the height, but no taller than 16:9 of the column width (one tile alone fills the stage)
    const fill = (height - (rows - 1) * gap) / rows;
    const rowHeight = Math.max(120, count <= 1 ? fill : Math.min(fill, ((width - (cols - 1) * gap) / cols) * (9 / 16)));
    this.main.style.setProperty('--cols', String(cols));
    this.main.style.setProperty('--row-height', `${Math.floor(rowHeight)}px`);
  }
}

// ----- network menu -----------------------------------------------------------------------------------------------
/**
 * The network lab menu, shown only when the token holds `lab`: a preset (or Off), an optional seed, Apply, and
 * what the server applied (preset, seed, direction).
 */
class NetworkMenu {
  constructor(lab) {
    this.lab = lab;
    $('#btn-network').innerHTML = icon('sliders') + '<span class="network-label">Network</span>';
    $('#btn-network').addEventListener('click', () => this.toggle());
    $('#network-menu').addEventListener('submit', (e) => {
      e.preventDefault();
      this.apply();
    });
    document.addEventListener('click', (e) => {
      if (!e.target.closest('#network-anchor')) this.#close();
    });
  }

  /** Shows the menu button for a lab (null or no `lab`: hidden) and what is applied. */
  show(lab) {
    const enabled = !!lab && lab.enabled;
    $('#network-anchor').hidden = !enabled;
    if (!enabled) return this.#close();
    const select = $('#network-preset');
    if (select.options.length !== lab.presets.length + 1) {
      select.replaceChildren(new Option('Off', ''), ...lab.presets.map((p) => new Option(p, p)));
    }
    const a = lab.applied;
    $('#network-status').textContent = a ? `Applied: ${a.preset} · seed ${a.seed} · ${a.direction}` : 'Applied: off';
    $('#btn-network').classList.toggle('active', !!a);
  }

  toggle() {
    const menu = $('#network-menu');
    if (!menu.hidden) return this.#close();
    menu.hidden = false;
    $('#btn-network').setAttribute('aria-expanded', 'true');
  }

  async apply() {
    const lab = this.lab();
    if (!lab) return;
    const preset = $('#network-preset').value;
    const seedText = $('#network-seed').value.trim();
    try {
      if (!preset) await lab.clear();
      else await lab.setImpairment({ preset, seed: seedText === '' ? undefined : Number(seedText) });
    } catch (e) {
      toast(`Network: ${e.message}`, 'error');
    }
    this.show(lab);
  }

  #close() {
    $('#network-menu').hidden = true;
    $('#btn-network').setAttribute('aria-expanded', 'false');
  }
}

// ----- room screen -----------------------------------------------------------------------------------------------
class RoomScreen {
  stage = new Stage();
  room = null;
  session = null;
  speaking = new Set();
  network = new NetworkMenu(() => this.room?.lab);
  chat = new ChatPanel();
  #pending = false;

  constructor(onLeave) {
    this.onLeave = onLeave;
    $('#btn-mic').addEventListener('click', () => this.#guard('#btn-mic', () => this.toggleMic()));
    $('#btn-camera').addEventListener('click', () => this.#guard('#btn-camera', () => this.toggleCamera()));
    $('#btn-screen').addEventListener('click', () => this.#guard('#btn-screen', () => this.toggleScreen()));
    $('#btn-leave').addEventListener('click', () => this.leave());
    $('#btn-retry').addEventListener('click', () => this.connect());
    $('#btn-back').addEventListener('click', () => this.leave());
    $('#btn-devices').addEventListener('click', () => this.toggleDeviceMenu());
    $('#btn-invite').addEventListener('click', () => this.copyLink());
    $('#btn-leave').innerHTML = icon('leave');
    $('#btn-devices').innerHTML = icon('sliders');
    $('#btn-chat').innerHTML = icon('chat');
    for (const select of document.querySelectorAll('#device-menu select')) {
      select.addEventListener('change', () => this.switchDevice(select.name, select.value));
    }
    document.addEventListener('click', (e) => {
      if (!e.target.closest('.menu-anchor')) this.#closeDeviceMenu();
    });
  }

  async enter(session) {
    this.session = session;
    $('#join-view').hidden = true;
    $('#room-view').hidden = false;
    $('#room-view').dataset.mode = session.mode;
    $('#room-name').textContent = session.room;
    document.title = `${session.room} · Onair`;
    this.room = new Room({ autoSubscribe: true });
    this.#wire(this.room);
    this.chat.attach(this.room);
    await this.connect();
  }

  async connect() {
    const { room, session } = this;
    this.#banner('connecting');
    try {
      if (session.devToken && session.refreshToken) session.token = await fetchDevToken(session.room, session.identity, session.name, session.mode);
      await room.connect(location.origin, session.token, { room: session.room });
    } catch (e) {
      session.refreshToken = true;
      this.#banner('disconnected', e.code ? `Could not join: ${e.message} (${e.code})` : `Could not join: ${e.message}`);
      return;
    }
    window.onairRoom = room;
    this.chat.setAdmin(tokenPermissions(session.token).includes('admin'));
    this.render();
    this.network.show(room.lab);
    if (room.localParticipant.role !== 'viewer' && session.mode !== 'viewer') {
      const wanted = [];
      if (session.media.mic) wanted.push(room.localParticipant.enableMicrophone(true).then(() => session.media.micMuted && room.localParticipant.setMuted('microphone', true)));
      if (session.media.camera) wanted.push(room.localParticipant.enableCamera(true));
      const results = await Promise.allSettled(wanted);
      for (const r of results) if (r.status === 'rejected') toast(`Media: ${r.reason.message}`, 'error');
    }
    this.render();
  }

  async leave() {
    const room = this.room;
    this.room = null;
    this.#closeDeviceMenu();
    this.network.show(null);
    this.chat.attach(null);
    if (room) await room.disconnect();
    if (window.onairRoom === room) window.onairRoom = null;
    this.stage.clear();
    this.onLeave();
  }

  async toggleMic() {
    const lp = this.room.localParticipant;
    const pub = lp.getTrackPublication('microphone');
    if (!pub) {
      await lp.enableMicrophone(true);
      this.session.media.mic = true;
    } else {
      await lp.setMuted('microphone', !pub.muted);
      this.session.media.micMuted = pub.muted;
    }
  }

  async toggleCamera() {
    const lp = this.room.localParticipant;
    const on = !lp.getTrackPublication('camera');
    this.session.media.camera = on;
    await lp.enableCamera(on);
  }

  async toggleScreen() {
    const lp = this.room.localParticipant;
    try {
      await lp.enableScreenShare(!lp.getTrackPublication('screen'));
    } catch (e) {
      if (e.name !== 'NotAllowedError' && e.name !== 'AbortError') throw e; // the user cancelled the picker
    }
  }

  async toggleDeviceMenu() {
    const menu = $('#device-menu');
    if (!menu.hidden) return this.#closeDeviceMenu();
    const lp = this.room?.localParticipant;
    for (const select of menu.querySelectorAll('select')) {
      const devices = await Room.getDevices(select.name);
      const source = select.name === 'videoinput' ? 'camera' : 'microphone';
      const current = lp?.getTrackPublication(source)?.track?.getSettings?.().deviceId;
      select.replaceChildren(...devices.map((d, i) => new Option(d.label || `${select.name === 'videoinput' ? 'Camera' : 'Microphone'} ${i + 1}`, d.deviceId, false, d.deviceId === current)));
      select.disabled = devices.length === 0;
    }
    menu.hidden = false;
    $('#btn-devices').setAttribute('aria-expanded', 'true');
  }

  async switchDevice(kind, deviceId) {
    try {
      await this.room.localParticipant.switchDevice(kind, deviceId);
      this.render();
    } catch (e) {
      toast(`Could not switch: ${e.message}`, 'error');
    }
  }

  async copyLink() {
    const url = `${location.origin}/?room=${encodeURIComponent(this.session.room)}&mode=${this.session.mode === 'conference' ? 'conference' : 'viewer'}`;
    try {
      await navigator.clipboard.writeText(url);
      toast('Link copied');
    } catch {
      toast(url);
    }
  }

  /** Coalesces the many events of one burst into one render. */
  render() {
    if (this.#pending) return;
    this.#pending = true;
    queueMicrotask(() => {
      this.#pending = false;
      this.#renderNow();
    });
  }

  #wire(room) {
    const rerender = () => this.render();
    for (const event of ['participantJoined', 'participantLeft', 'participantUpdated', 'trackPublished',
      'trackUnpublished', 'trackSubscribed', 'trackUnsubscribed', 'trackMuted', 'subscriptionStateChanged',
      'localTrackPublished', 'localTrackUnpublished', 'viewerCountChanged', 'connectionQuality']) {
      room.on(event, rerender);
    }
    room.on('impairmentChanged', () => this.network.show(room.lab));
    room.on('activeSpeakersChanged', (speakers) => {
      this.speaking = new Set(speakers.map((s) => s.identity));
      this.render();
    });
    room.on('connectionStateChanged', (state) => {
      if (state !== 'disconnected') this.#banner(state);
      this.render();
    });
    room.on('disconnected', (reason) => {
      if (reason === 'client_leave') return;
      this.session.refreshToken = true;
      this.speaking.clear();
      this.#banner('disconnected', DISCONNECT_TEXT[reason] || `Disconnected (${reason}).`);
      this.render();
    });
    room.on('error', (e) => {
      // Protocol noise (a frame this client or the server does not understand) is for the console, not the user.
      if (e.code === 'bad_frame' || e.code === 'unknown_type') console.warn('onair:', e.code, e.message);
      else toast(e.message, 'error');
    });
  }

  #renderNow() {
    const room = this.room;
    if (!room) return;
    const viewerMode = this.session.mode === 'viewer' || room.localParticipant.role === 'viewer';
    const broadcast = room.kind === 'broadcast' || this.session.mode !== 'conference';
    const entries = [];
    const screens = [];
    const lp = room.localParticipant;
    if (!viewerMode && room.state !== 'disconnected') {
      const cam = lp.getTrackPublication('camera');
      const mic = lp.getTrackPublication('microphone');
      entries.push({
        key: `p:${lp.identity ?? 'me'}`, identity: lp.identity ?? 'me', name: lp.name || this.session.name, local: true,
        videoTrack: cam?.track ?? null, audioTracks: [], micMuted: !mic || mic.muted,
        speaking: this.speaking.has(lp.identity), quality: lp.connectionQuality,
      });
      const screen = lp.getTrackPublication('screen');
      if (screen) screens.push({ key: `s:${lp.identity}`, identity: lp.identity, name: 'Your screen', screen: true, local: false, videoTrack: screen.track, audioTracks: [], micMuted: false });
    }
    for (const p of room.participants.values()) {
      if (p.role === 'viewer') continue;
      const cam = p.getTrackPublication('camera');
      const mic = p.getTrackPublication('microphone');
      const usable = (pub) => (pub && pub.track && !pub.muted && pub.state !== 'paused' ? pub.track : null);
      entries.push({
        key: `p:${p.identity}`, identity: p.identity, name: p.name || p.identity, local: false,
        videoTrack: usable(cam), videoPub: cam, audioTracks: mic?.track ? [mic.track] : [], micMuted: !mic || mic.muted,
        speaking: this.speaking.has(p.identity), note: cam?.state === 'paused' ? 'Video paused to save bandwidth' : '',
        quality: p.connectionQuality,
      });
      const screen = p.getTrackPublication('screen');
      if (screen) {
        const audio = p.getTrackPublication('screen_audio');
        screens.push({ key: `s:${p.identity}`, identity: p.identity, name: `${p.name || p.identity}'s screen`, screen: true, local: false,
          videoTrack: usable(screen), videoPub: screen, audioTracks: audio?.track ? [audio.track] : [], micMuted: false });
      }
    }
    this.stage.render([...screens, ...entries]);

    const hosts = [...room.participants.values()].filter((p) => p.role !== 'viewer').length + (viewerMode ? 0 : 1);
    $('#participant-count').innerHTML = `${icon('users')}<span>${room.state === 'disconnected' ? '–' : hosts}</span>`;
    $('#viewer-count').hidden = !broadcast;
    // whether viewerCount counts the viewer reading it is not specified: a viewer sees at least itself
    const watching = viewerMode ? Math.max(1, room.viewerCount) : room.viewerCount;
    $('#viewer-count').innerHTML = `${icon('eye')}<span>${watching} watching</span>`;
    $('#room-kind').textContent = broadcast ? (viewerMode ? 'Live' : 'Live · host') : 'Conference';
    $('#room-kind').classList.toggle('live', broadcast);
    const waiting = viewerMode && entries.length === 0 && room.state === 'connected';
    $('#empty-note').hidden = !waiting;
    $('#empty-note').textContent = waiting ? 'Waiting for a host to go live…' : '';

    const mic = lp.getTrackPublication('microphone');
    const publishing = !viewerMode && room.state === 'connected';
    setPressed($('#btn-mic'), !!mic && !mic.muted, 'mic');
    setPressed($('#btn-camera'), !!lp.getTrackPublication('camera'), 'camera');
    setPressed($('#btn-screen'), !!lp.getTrackPublication('screen'), 'screen', false);
    for (const id of ['#btn-mic', '#btn-camera', '#btn-screen', '#btn-devices']) {
      $(id).hidden = viewerMode;
      $(id).disabled = !publishing || $(id).dataset.busy === '1';
    }
  }

  #banner(state, text) {
    const banner = $('#connection-banner');
    banner.dataset.state = state;
    banner.hidden = state === 'connected';
    $('#connection-text').textContent = text || { connecting: 'Connecting…', reconnecting: 'Connection lost. Reconnecting…' }[state] || '';
    $('#btn-retry').hidden = state !== 'disconnected';
    $('#btn-back').hidden = state !== 'disconnected';
  }

  #closeDeviceMenu() {
    $('#device-menu').hidden = true;
    $('#btn-devices').setAttribute('aria-expanded', 'false');
  }

  async #guard(selector, action) {
    const button = $(selector);
    if (button.dataset.busy === '1') return;
    button.dataset.busy = '1';
    button.disabled = true;
    try {
      await action();
    } catch (e) {
      toast(e.message, 'error');
    } finally {
      button.dataset.busy = '0';
      this.render();
    }
  }
}

// ----- wiring ----------------------------------------------------------------------------------------------------
const join = new JoinScreen((session) => roomScreen.enter(session));
const roomScreen = new RoomScreen(() => join.show());
join.show();
if (join.autojoin) join.submit();
