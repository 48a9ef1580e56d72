// QualityBenchmark's page: either a WHIP publisher of the fake camera at 1280x720 (optionally 3-layer simulcast,
// rids q/h/f scaled 4/2/1) and the fake microphone, or a WHEP player that shows the video in a <video> element and
// samples its own getStats() once a second. Raw RTCPeerConnection + WHIP/WHEP so that simulcast needs nothing
// from the SDK. Times are performance.now() in the page; the Java side never reads a clock.

const ICE_GATHERING_TIMEOUT_MILLIS = 2000;
const SAMPLE_INTERVAL_MILLIS = 1000;
/** A gap between two presented frames at least this long is recorded as a freeze (the page's own view). */
const GAP_RECORD_MILLIS = 200;

const sleep = (ms) => new Promise((resolve) => { setTimeout(resolve, ms); });

async function token(room, identity, perms) {
  const q = new URLSearchParams({ room, identity, perms });
  const r = await fetch(`/api/v1/dev/token?${q}`);
  if (!r.ok) throw new Error(`dev token: HTTP ${r.status}`);
  return (await r.json()).token;
}

function iceGathered(pc) {
  if (pc.iceGatheringState === 'complete') return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ICE_GATHERING_TIMEOUT_MILLIS);
    pc.addEventListener('icegatheringstatechange', () => {
      if (pc.iceGatheringState === 'complete') { clearTimeout(timer); resolve(); }
    });
  });
}

/** One complete offer (no trickle) POSTed to a WHIP/WHEP endpoint; returns the resource id of the session. */
async function negotiate(pc, path, bearer) {
  await pc.setLocalDescription(await pc.createOffer());
  await iceGathered(pc);
  const r = await fetch(path, { method: 'POST', body: pc.localDescription.sdp,
    headers: { 'Content-Type': 'application/sdp', Authorization: `Bearer ${bearer}` } });
  if (r.status !== 201) throw new Error(`${path}: HTTP ${r.status} ${(await r.text()).trim()}`);
  await pc.setRemoteDescription({ type: 'answer', sdp: await r.text() });
  const location = r.headers.get('Location') || '';
  return location.substring(location.lastIndexOf('/') + 1);
}

let publisherPc = null;
let playerPc = null;
let sampling = null;
const gaps = { lastFrameAt: null, list: [] };

function watchFrames(video) {
  const onFrame = (now) => {
    if (gaps.lastFrameAt !== null && now - gaps.lastFrameAt >= GAP_RECORD_MILLIS && sampling) {
      gaps.list.push({ endMillis: now - sampling.t0, gapMillis: now - gaps.lastFrameAt });
    }
    gaps.lastFrameAt = now;
    video.requestVideoFrameCallback(onFrame);
  };
  video.requestVideoFrameCallback(onFrame);
}

/** Cumulative counters of the player's inbound-rtp (video and audio) at one moment. */
async function playerCounters() {
  const c = { videoPacketsReceived: 0, videoPacketsLost: 0, retransmittedPacketsReceived: 0, nackCount: 0,
    framesDecoded: 0, freezeCount: 0, totalFreezesDurationSeconds: 0, frameWidth: 0, frameHeight: 0,
    videoBytesReceived: 0, audioPacketsReceived: 0, audioPacketsLost: 0, concealedSamples: 0,
    totalSamplesReceived: 0 };
  (await playerPc.getStats()).forEach((r) => {
    if (r.type !== 'inbound-rtp') return;
    if (r.kind === 'video') {
      c.videoPacketsReceived += r.packetsReceived || 0;
      c.videoPacketsLost += r.packetsLost || 0;
      c.retransmittedPacketsReceived += r.retransmittedPacketsReceived || 0;
      c.nackCount += r.nackCount || 0;
      c.framesDecoded += r.framesDecoded || 0;
      c.freezeCount += r.freezeCount || 0;
      c.totalFreezesDurationSeconds += r.totalFreezesDuration || 0;
      c.frameWidth = Math.max(c.frameWidth, r.frameWidth || 0);
      c.frameHeight = Math.max(c.frameHeight, r.frameHeight || 0);
      c.videoBytesReceived += r.bytesReceived || 0;
    } else if (r.kind === 'audio') {
      c.audioPacketsReceived += r.packetsReceived || 0;
      c.audioPacketsLost += r.packetsLost || 0;
      c.concealedSamples += r.concealedSamples || 0;
      c.totalSamplesReceived += r.totalSamplesReceived || 0;
    }
  });
  return c;
}

window.bench = {
  sleep(ms) {
    return sleep(ms).then(() => ({ ok: true }));
  },

  /** Publishes the fake camera at 1280x720 (3 simulcast layers when asked) and the microphone over WHIP. */
  async publish(room, identity, simulcast) {
    const stream = await navigator.mediaDevices.getUserMedia({
      audio: true, video: { width: { exact: 1280 }, height: { exact: 720 }, frameRate: 30 } });
    publisherPc = new RTCPeerConnection({ bundlePolicy: 'max-bundle' });
    for (const track of stream.getTracks()) {
      const init = { direction: 'sendonly', streams: [stream] };
      if (track.kind === 'video' && simulcast) {
        init.sendEncodings = [{ rid: 'q', scaleResolutionDownBy: 4 }, { rid: 'h', scaleResolutionDownBy: 2 },
          { rid: 'f', scaleResolutionDownBy: 1 }];
      }
      publisherPc.addTransceiver(track, init);
    }
    const resourceId = await negotiate(publisherPc, `/whip/${encodeURIComponent(room)}`,
      await token(room, identity, 'publish'));
    return { resourceId };
  },

  /** The publisher's video encodings: rid, frame size, frames encoded, quality limitation, bytes sent and when. */
  async publisherStats() {
    const layers = [];
    (await publisherPc.getStats()).forEach((r) => {
      if (r.type === 'outbound-rtp' && r.kind === 'video') {
        layers.push({ rid: r.rid || '', frameWidth: r.frameWidth || 0, frameHeight: r.frameHeight || 0,
          framesEncoded: r.framesEncoded || 0, qualityLimitationReason: r.qualityLimitationReason || '',
          bytesSent: r.bytesSent || 0, atMillis: r.timestamp || 0,
          totalEncodeTimeMillis: Math.round(1000 * (r.totalEncodeTime || 0)), framesSent: r.framesSent || 0,
          framesPerSecond: r.framesPerSecond || 0, targetBitrate: r.targetBitrate || 0 });
      }
    });
    layers.sort((a, b) => a.frameWidth - b.frameWidth);
    return { layers };
  },

  /** Plays the room over WHEP into a <video>; returns the resource id of the session. */
  async play(room, identity) {
    playerPc = new RTCPeerConnection({ bundlePolicy: 'max-bundle' });
    playerPc.addTransceiver('audio', { direction: 'recvonly' });
    playerPc.addTransceiver('video', { direction: 'recvonly' });
    const video = document.createElement('video');
    video.muted = true;
    video.autoplay = true;
    video.playsInline = true;
    document.getElementById('media').append(video);
    const remote = new MediaStream();
    playerPc.addEventListener('track', (e) => {
      remote.addTrack(e.track);
      if (video.srcObject !== remote) video.srcObject = remote;
      if (e.track.kind === 'video') watchFrames(video);
    });
    const resourceId = await negotiate(playerPc, `/whep/${encodeURIComponent(room)}`,
      await token(room, identity, 'subscribe'));
    return { resourceId };
  },

  /** The player's cumulative counters now. */
  async counters() {
    const c = await playerCounters();
    c.atMillis = performance.now();
    return c;
  },

  /** Starts sampling the player's counters every second (the first sample at once, at t = 0). */
  async startSampling() {
    sampling = { t0: performance.now(), samples: [], timer: null };
    gaps.list = [];
    const take = async () => {
      const s = sampling;
      const c = await playerCounters();
      c.atMillis = performance.now() - s.t0;
      s.samples.push(c);
    };
    await take();
    sampling.timer = setInterval(take, SAMPLE_INTERVAL_MILLIS);
    return { ok: true };
  },

  /**
   * Stops sampling; returns the samples and the frame gaps (>= 200 ms between presented frames, each with the time
   * its gap ended), a gap still open now included.
   */
  async stopSampling() {
    clearInterval(sampling.timer);
    const now = performance.now();
    const list = gaps.list.slice();
    if (gaps.lastFrameAt !== null && now - gaps.lastFrameAt >= GAP_RECORD_MILLIS) {
      list.push({ endMillis: now - sampling.t0, gapMillis: now - gaps.lastFrameAt });
    }
    return { samples: sampling.samples, gaps: list };
  },
};
window.benchReady = true;
