// Test page for RedBrowserTest: in one page, a WHIP publisher of the fake microphone that puts audio/red first in
// its codec preferences (libwebrtc sends RED only when it precedes opus), and WHEP players that do or do not
// negotiate RED (`red` false strips audio/red from their codec preferences). Each player plays its audio through an
// <audio> element so that Chromium decodes it. Every function returns plain JSON (for Selenium).

const pcs = new Map();

async function token(room, identity, perms) {
  const q = new URLSearchParams({ room, identity, perms });
  const r = await fetch(`/api/v1/dev/token?${q}`);
  if (!r.ok) throw new Error(`dev token: HTTP ${r.status}`);
  return (await r.json()).token;
}

/** One complete offer (the server is ICE-lite: no trickle), POSTed to `url`; applies the answer. */
async function negotiate(pc, url, bearer) {
  await pc.setLocalDescription(await pc.createOffer());
  if (pc.iceGatheringState !== 'complete') {
    await new Promise((resolve) => {
      const timer = setTimeout(resolve, 2000);
      pc.addEventListener('icegatheringstatechange', () => {
        if (pc.iceGatheringState === 'complete') { clearTimeout(timer); resolve(); }
      });
    });
  }
  const r = await fetch(url, { method: 'POST', body: pc.localDescription.sdp,
    headers: { 'Content-Type': 'application/sdp', Authorization: `Bearer ${bearer}` } });
  if (r.status !== 201) throw new Error(`${url}: HTTP ${r.status} ${(await r.text()).trim()}`);
  await pc.setRemoteDescription({ type: 'answer', sdp: await r.text() });
}

const isRed = (c) => c.mimeType.toLowerCase() === 'audio/red';

/** The a=rtpmap lines of the audio m-line of `sdp`, in order ("111 opus/48000/2", ...). */
function audioCodecs(sdp) {
  const audio = sdp.split(/\r\nm=/).find((m) => m.startsWith('m=audio') || m.startsWith('audio'));
  return (audio ?? '').split('\r\n').filter((l) => l.startsWith('a=rtpmap:')).map((l) => l.slice(9));
}

/** The first inbound-rtp or outbound-rtp audio stream of a PC, with its codec's mimeType. */
async function audioStats(pc, type) {
  const report = await pc.getStats();
  let out = null;
  report.forEach((r) => {
    if (r.type !== type || r.kind !== 'audio' || out) return;
    const codec = r.codecId ? report.get(r.codecId) : null;
    out = { ssrc: r.ssrc, mimeType: codec?.mimeType ?? null, payloadType: codec?.payloadType ?? null,
      packetsReceived: r.packetsReceived ?? 0, packetsLost: r.packetsLost ?? 0, packetsSent: r.packetsSent ?? 0,
      bytesReceived: r.bytesReceived ?? 0, bytesSent: r.bytesSent ?? 0,
      concealedSamples: r.concealedSamples ?? 0, totalSamplesReceived: r.totalSamplesReceived ?? 0,
      fecPacketsReceived: r.fecPacketsReceived ?? 0, fecPacketsDiscarded: r.fecPacketsDiscarded ?? 0 };
  });
  return out;
}

const errorText = (e) => String(e?.message ?? e);

window.red = {
  /** Publishes the fake microphone to `room`, with RED first unless `red` is false; {offer, answer} or {error}. */
  async publish(room, red = true) {
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
      const pc = new RTCPeerConnection({ bundlePolicy: 'max-bundle' });
      pcs.set('publisher', pc);
      const t = pc.addTransceiver(stream.getAudioTracks()[0], { direction: 'sendonly', streams: [stream] });
      const codecs = RTCRtpSender.getCapabilities('audio').codecs;
      t.setCodecPreferences(red ? [...codecs.filter(isRed), ...codecs.filter((c) => !isRed(c))]
        : codecs.filter((c) => !isRed(c)));
      await negotiate(pc, `/whip/${encodeURIComponent(room)}`, await token(room, 'alice', 'publish'));
      return { offer: audioCodecs(pc.localDescription.sdp), answer: audioCodecs(pc.remoteDescription.sdp) };
    } catch (e) {
      return { error: errorText(e) };
    }
  },

  /** Plays `room` over WHEP as `key`, offering RED (as Chromium does by default) or not; {offer, answer} or {error}. */
  async play(key, room, red) {
    try {
      const pc = new RTCPeerConnection({ bundlePolicy: 'max-bundle' });
      pcs.set(key, pc);
      const t = pc.addTransceiver('audio', { direction: 'recvonly' });
      pc.addTransceiver('video', { direction: 'recvonly' });
      const codecs = RTCRtpReceiver.getCapabilities('audio').codecs;
      t.setCodecPreferences(red ? codecs : codecs.filter((c) => !isRed(c)));
      pc.addEventListener('track', (e) => {
        if (e.track.kind !== 'audio') return;
        const audio = document.createElement('audio');
        audio.autoplay = true;
        audio.srcObject = new MediaStream([e.track]);
        document.getElementById('media').append(audio);
      });
      await negotiate(pc, `/whep/${encodeURIComponent(room)}`, await token(room, key, 'subscribe'));
      return { offer: audioCodecs(pc.localDescription.sdp), answer: audioCodecs(pc.remoteDescription.sdp) };
    } catch (e) {
      return { error: errorText(e) };
    }
  },

  /** The player's inbound audio (packetsReceived, concealedSamples, totalSamplesReceived, mimeType...), or null. */
  async inbound(key) {
    const pc = pcs.get(key);
    return pc ? audioStats(pc, 'inbound-rtp') : null;
  },

  /** Every codec entry in the getStats() of `key`'s PC: mimeType, payloadType, id. */
  async codecs(key) {
    const out = [];
    (await pcs.get(key).getStats()).forEach((r) => {
      if (r.type === 'codec') out.push({ id: r.id, mimeType: r.mimeType, payloadType: r.payloadType });
    });
    return { codecs: out };
  },

  /** The publisher's outbound audio (packetsSent, mimeType), or null. */
  async outbound() {
    const pc = pcs.get('publisher');
    return pc ? audioStats(pc, 'outbound-rtp') : null;
  },
};
window.redReady = true;
