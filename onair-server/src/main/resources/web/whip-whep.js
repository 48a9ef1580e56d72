// Minimal WHIP (RFC 9725) / WHEP (draft-ietf-wish-whep) client. No framework, no dependencies.
// The server is ICE-lite and needs no client candidates: we send one complete offer (no trickle, no PATCH).

const ICE_GATHERING_TIMEOUT_MS = 2000;

/** Resolves when ICE gathering is complete, or after timeoutMs (we then send what we have). */
function waitForIceGathering(pc, timeoutMs = ICE_GATHERING_TIMEOUT_MS) {
  if (pc.iceGatheringState === 'complete') return Promise.resolve();
  return new Promise((resolve) => {
    const finish = () => {
      clearTimeout(timer);
      pc.removeEventListener('icegatheringstatechange', check);
      resolve();
    };
    const check = () => { if (pc.iceGatheringState === 'complete') finish(); };
    const timer = setTimeout(finish, timeoutMs);
    pc.addEventListener('icegatheringstatechange', check);
  });
}

/** Puts the wanted video codec first; H264 prefers constrained baseline 42e01f with packetization-mode=1. */
function preferVideoCodec(transceiver, videoCodec) {
  if (!videoCodec || typeof transceiver.setCodecPreferences !== 'function') return;
  const caps = RTCRtpSender.getCapabilities && RTCRtpSender.getCapabilities('video');
  if (!caps) return;
  const wanted = videoCodec.toLowerCase() === 'h264' ? 'video/h264' : 'video/vp8';
  const rank = (codec) => {
    if (codec.mimeType.toLowerCase() !== wanted) return 2;
    if (wanted !== 'video/h264') return 0;
    const fmtp = codec.sdpFmtpLine || '';
    return fmtp.includes('profile-level-id=42e01f') && fmtp.includes('packetization-mode=1') ? 0 : 1;
  };
  const ordered = caps.codecs.map((c, i) => ({ c, i }))
    .sort((a, b) => rank(a.c) - rank(b.c) || a.i - b.i)
    .map((x) => x.c);
  transceiver.setCodecPreferences(ordered);
}

function baseUrl() {
  return (globalThis.location && globalThis.location.href) || 'http://localhost/';
}

/** POSTs the local offer, applies the answer, and returns the session handle. */
async function negotiate(pc, url, token) {
  const offer = await pc.createOffer();
  await pc.setLocalDescription(offer);
  await waitForIceGathering(pc);
  const headers = { 'Content-Type': 'application/sdp' };
  if (token) headers.Authorization = `Bearer ${token}`;
  const endpoint = new URL(url, baseUrl()).href;
  const response = await fetch(endpoint, { method: 'POST', headers, body: pc.localDescription.sdp });
  if (response.status !== 201) {
    const reason = (await response.text()).trim();
    pc.close();
    throw new Error(`${response.status} ${reason || response.statusText}`);
  }
  const answer = await response.text();
  await pc.setRemoteDescription({ type: 'answer', sdp: answer });
  const location = response.headers.get('Location');
  const resourceUrl = location ? new URL(location, endpoint).href : null;
  const stop = async () => {
    if (resourceUrl) {
      const del = { method: 'DELETE' };
      if (token) del.headers = { Authorization: `Bearer ${token}` };
      try { await fetch(resourceUrl, del); } catch (e) { /* the server ends idle sessions itself */ }
    }
    pc.close();
  };
  return { pc, resourceUrl, stop };
}

/**
 * Three simulcast layers, lowest first (the server numbers layers in this order): a quarter, a half and the full
 * size of the camera, with bitrate ceilings for 180p, 360p and 720p at 30 fps.
 */
export const SIMULCAST_ENCODINGS = [
  { rid: 'q', scaleResolutionDownBy: 4, maxBitrate: 150_000 },
  { rid: 'h', scaleResolutionDownBy: 2, maxBitrate: 500_000 },
  { rid: 'f', scaleResolutionDownBy: 1, maxBitrate: 1_500_000 },
];

/**
 * Publishes a MediaStream over WHIP, the video as three simulcast layers when `simulcast` is true.
 * @param {{url: string, token?: string, stream: MediaStream, videoCodec?: 'vp8'|'h264', simulcast?: boolean}} options
 * @returns {Promise<{pc: RTCPeerConnection, resourceUrl: string|null, stop: () => Promise<void>}>}
 */
export async function publish({ url, token, stream, videoCodec, simulcast = false }) {
  const pc = new RTCPeerConnection({ bundlePolicy: 'max-bundle' });
  try {
    for (const track of stream.getTracks()) {
      const init = { direction: 'sendonly', streams: [stream] };
      if (simulcast && track.kind === 'video') init.sendEncodings = SIMULCAST_ENCODINGS.map((e) => ({ ...e }));
      const transceiver = pc.addTransceiver(track, init);
      if (track.kind === 'video') preferVideoCodec(transceiver, videoCodec);
    }
    return await negotiate(pc, url, token);
  } catch (e) {
    pc.close();
    throw e;
  }
}

/**
 * Plays a room over WHEP: receives one audio and one video track.
 * @param {{url: string, token?: string, onTrack?: (event: RTCTrackEvent) => void}} options
 */
export async function play({ url, token, onTrack }) {
  const pc = new RTCPeerConnection({ bundlePolicy: 'max-bundle' });
  try {
    pc.addTransceiver('audio', { direction: 'recvonly' });
    pc.addTransceiver('video', { direction: 'recvonly' });
    if (onTrack) pc.addEventListener('track', onTrack);
    return await negotiate(pc, url, token);
  } catch (e) {
    pc.close();
    throw e;
  }
}
