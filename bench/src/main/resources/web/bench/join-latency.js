// JoinLatency's page: one Room publishes the camera (the host page), or fresh Rooms join one after the other
// and time connect() -> the first video frame of the host on screen (requestVideoFrameCallback).
import { Room } from '/onair.js';

const FIRST_FRAME_TIMEOUT_MILLIS = 10_000;
const SETTLE_MILLIS = 500;

async function token(room, identity, perms) {
  const q = new URLSearchParams({ room, identity, perms, kind: 'conference' });
  const r = await fetch(`/api/v1/dev/token?${q}`);
  if (!r.ok) throw new Error(`dev token: HTTP ${r.status}`);
  return (await r.json()).token;
}

const sleep = (ms) => new Promise((resolve) => { setTimeout(resolve, ms); });
let host = null;

window.bench = {
  /** Joins as `identity` and publishes camera (the SDK's default 1280x720 request) and microphone. */
  async host(room, identity) {
    host = new Room();
    await host.connect(location.origin, await token(room, identity, 'publish,subscribe'), { room });
    await host.localParticipant.enableCamera(true);
    await host.localParticipant.enableMicrophone(true);
    return { ok: true };
  },

  sleep(ms) {
    return sleep(ms).then(() => ({ ok: true }));
  },

  /** Frames the host's camera track has encoded, and their size. */
  async hostStats() {
    const out = { framesEncoded: 0, width: 0, height: 0, codec: null };
    const report = await host.engine.publisherPc.getStats();
    report.forEach((r) => {
      if (r.type === 'outbound-rtp' && r.kind === 'video') {
        out.framesEncoded = r.framesEncoded ?? 0;
        out.width = r.frameWidth ?? 0;
        out.height = r.frameHeight ?? 0;
        out.codec = report.get(r.codecId)?.mimeType ?? null;
      }
    });
    return out;
  },

  /**
   * One sample: a fresh Room (a subscribe-only participant) connects and auto-subscribes; ms from the
   * connect() call to `joined` (connect resolved), to the host's video track (trackSubscribed) and to its first
   * frame shown by a <video> (requestVideoFrameCallback). Then it leaves, and the page settles briefly.
   */
  async joinOnce(room, identity) {
    const t = await token(room, identity, 'subscribe'); // minting the token is not part of joining
    const video = document.createElement('video');
    video.muted = true;
    video.autoplay = true;
    video.playsInline = true;
    document.getElementById('media').append(video);
    const r = new Room();
    const sample = { joinedMs: null, trackMs: null, firstFrameMs: null };
    let t0 = 0;
    let timer = null;
    const firstFrame = new Promise((resolve, reject) => {
      r.on('trackSubscribed', (track) => {
        if (track.kind !== 'video' || sample.trackMs !== null) return;
        sample.trackMs = performance.now() - t0;
        video.srcObject = new MediaStream([track]);
        video.requestVideoFrameCallback(() => {
          sample.firstFrameMs = performance.now() - t0;
          resolve();
        });
      });
      timer = setTimeout(() => reject(new Error('no frame within 10 s')), FIRST_FRAME_TIMEOUT_MILLIS);
    });
    firstFrame.catch(() => {}); // awaited below; a failed connect must not leave it unhandled
    try {
      t0 = performance.now();
      await r.connect(location.origin, t, { room });
      sample.joinedMs = performance.now() - t0;
      await firstFrame;
      return sample;
    } catch (e) {
      return { ...sample, error: String(e?.message ?? e) };
    } finally {
      clearTimeout(timer);
      await r.disconnect();
      video.srcObject = null;
      video.remove();
      await sleep(SETTLE_MILLIS);
    }
  },
};
window.benchReady = true;
