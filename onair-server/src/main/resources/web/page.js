// Shared helpers for publish.html and play.html: query params, dev tokens, state display, stats.

export function params() {
  const q = new URLSearchParams(globalThis.location.search);
  return {
    room: q.get('room') || 'demo',
    token: q.get('token'),
    codec: q.get('codec') || undefined,
    autostart: q.get('autostart') === '1',
    simulcast: q.get('simulcast') === '1',
  };
}

/** A token from the query, or (dev mode only) from the server's dev token endpoint. */
export async function tokenFor(room, token, perms) {
  if (token) return token;
  const identity = `web-${Math.random().toString(36).slice(2, 10)}`;
  const url = `/api/v1/dev/token?room=${encodeURIComponent(room)}&identity=${identity}&perms=${perms}`;
  const res = await fetch(url);
  if (!res.ok) throw new Error(`no token: ${res.status} ${(await res.text()).trim()}`);
  return (await res.json()).token;
}

/** window.onair plus the on-page state line. */
export function createState(statusElement) {
  const onair = { state: 'idle', error: null, session: null, stats: async () => ({}) };
  globalThis.onair = onair;
  onair.set = (state, error) => {
    onair.state = state;
    onair.error = error || null;
    statusElement.textContent = error ? `${state}: ${error}` : state;
    statusElement.dataset.state = state;
  };
  return onair;
}

/** Follows pc.connectionState into onair.state. */
export function track(onair, pc) {
  const update = () => {
    const s = pc.connectionState;
    if (s === 'connected') onair.set('connected');
    else if (s === 'failed') onair.set('failed', 'ICE/DTLS connection failed');
    else if (s === 'closed') onair.set('closed');
    else if (s === 'disconnected') onair.set('connecting', 'connection interrupted');
  };
  pc.addEventListener('connectionstatechange', update);
  update();
}

function codecName(report, stats) {
  const codec = report.codecId && stats.get(report.codecId);
  return codec ? codec.mimeType.replace(/^(audio|video)\//, '') : null;
}

export async function receiverStats(pc) {
  const out = { framesDecoded: 0, framesReceived: 0, audioPacketsReceived: 0, videoPacketsReceived: 0,
    videoCodec: null, audioCodec: null, connectionState: pc.connectionState, bytesReceived: 0,
    senderReportsReceived: 0, frameWidth: 0, frameHeight: 0, videoPacketsLost: 0, videoRetransmitted: 0,
    nackCount: 0, freezeCount: 0, totalFreezesDurationSeconds: 0, videoBytesReceived: 0, audioPacketsLost: 0,
    concealedSamples: 0, totalSamplesReceived: 0 };
  const stats = await pc.getStats();
  stats.forEach((r) => {
    // remote-outbound-rtp exists once the server's RTCP sender reports arrive (they carry the A/V sync mapping).
    if (r.type === 'remote-outbound-rtp') out.senderReportsReceived += r.reportsSent || 0;
    if (r.type !== 'inbound-rtp') return;
    out.bytesReceived += r.bytesReceived || 0;
    if (r.kind === 'video') {
      out.framesDecoded += r.framesDecoded || 0;
      out.framesReceived += r.framesReceived || 0;
      out.videoPacketsReceived += r.packetsReceived || 0;
      out.videoCodec = codecName(r, stats) || out.videoCodec;
      out.frameWidth = r.frameWidth || out.frameWidth;
      out.frameHeight = r.frameHeight || out.frameHeight;
      out.videoPacketsLost += r.packetsLost || 0;
      out.videoRetransmitted += r.retransmittedPacketsReceived || 0;
      out.nackCount += r.nackCount || 0;
      out.freezeCount += r.freezeCount || 0;
      out.totalFreezesDurationSeconds += r.totalFreezesDuration || 0;
      out.videoBytesReceived += r.bytesReceived || 0;
    } else if (r.kind === 'audio') {
      out.audioPacketsReceived += r.packetsReceived || 0;
      out.audioPacketsLost += r.packetsLost || 0;
      out.concealedSamples += r.concealedSamples || 0;
      out.totalSamplesReceived += r.totalSamplesReceived || 0;
      out.audioCodec = codecName(r, stats) || out.audioCodec;
    }
  });
  return out;
}

export async function senderStats(pc) {
  const out = { framesEncoded: 0, audioPacketsSent: 0, videoPacketsSent: 0, videoCodec: null,
    connectionState: pc.connectionState, receiverReportsReceived: 0, roundTripTime: null, layers: {} };
  const stats = await pc.getStats();
  stats.forEach((r) => {
    // remote-inbound-rtp comes from the server's RTCP receiver reports (loss, jitter, LSR/DLSR -> RTT).
    if (r.type === 'remote-inbound-rtp') {
      out.receiverReportsReceived += 1;
      if (typeof r.roundTripTime === 'number') out.roundTripTime = r.roundTripTime;
    }
    if (r.type !== 'outbound-rtp') return;
    if (r.kind === 'video') {
      out.framesEncoded += r.framesEncoded || 0;
      out.videoPacketsSent += r.packetsSent || 0;
      out.videoCodec = codecName(r, stats) || out.videoCodec;
      // Simulcast: one outbound-rtp per rid, each with its own size and counters.
      if (r.rid) {
        out.layers[r.rid] = { bytesSent: r.bytesSent || 0, frameWidth: r.frameWidth || 0,
          frameHeight: r.frameHeight || 0, framesEncoded: r.framesEncoded || 0, active: r.active !== false,
          qualityLimitationReason: r.qualityLimitationReason || null };
      }
    } else if (r.kind === 'audio') {
      out.audioPacketsSent += r.packetsSent || 0;
    }
  });
  return out;
}
