// Test harness for RoomsBrowserTest: several onair.js Rooms in one page, each with its own WebSocket and
// RTCPeerConnections, keyed by a name the test chooses. Every room event is logged with Date.now(), every
// subscribed video is attached to a <video> so that Chromium decodes it, and stats are flattened per remote
// participant. Every function returns plain JSON (for Selenium).
import { Room } from '/onair.js';

const entries = new Map();
const EVENTS = ['connectionStateChanged', 'participantJoined', 'participantLeft', 'trackPublished',
  'trackUnpublished', 'trackSubscribed', 'trackUnsubscribed', 'trackMuted', 'activeSpeakersChanged',
  'subscriptionStateChanged', 'reconnecting', 'reconnected', 'disconnected', 'localTrackPublished', 'error'];

function describe(type, args) {
  const out = { type, t: Date.now() };
  for (const a of args) {
    if (a === null || a === undefined) continue;
    if (typeof a === 'string') out.detail = a;
    else if (Array.isArray(a)) out.speakers = a.map((s) => s.identity);
    else if (typeof MediaStreamTrack !== 'undefined' && a instanceof MediaStreamTrack) out.trackId = a.id;
    else if (a.code !== undefined && a.message !== undefined) out.detail = `${a.code}: ${a.message}`;
    else if (a.sid !== undefined && a.kind !== undefined) { out.sid = a.sid; out.kind = a.kind; }
    else if (a.identity !== undefined) out.identity = a.identity;
  }
  return out;
}

async function token(o) {
  const q = new URLSearchParams({ room: o.room, identity: o.identity, name: o.name ?? o.identity,
    perms: o.perms ?? 'publish,subscribe', kind: o.kind ?? 'conference' });
  const r = await fetch(`/api/v1/dev/token?${q}`);
  if (!r.ok) throw new Error(`dev token: HTTP ${r.status}`);
  return (await r.json()).token;
}

function attach(entry, track, pub, participant) {
  entry.tracks.set(track.id, { identity: participant.identity, kind: track.kind, sid: pub.sid });
  if (track.kind !== 'video') return;
  const video = document.createElement('video');
  video.autoplay = true;
  video.muted = true;
  video.playsInline = true;
  video.dataset.room = entry.key;
  video.dataset.identity = participant.identity;
  video.dataset.sid = pub.sid;
  document.getElementById('media').append(video);
  pub.attach(video); // through the SDK, so that it reports the rendered size (track_view)
  entry.videos.set(track.id, video);
}

function detach(entry, track) {
  entry.videos.get(track.id)?.remove();
  entry.videos.delete(track.id);
}

function get(key) {
  const entry = entries.get(key);
  if (!entry) throw new Error(`no room ${key}`);
  return entry;
}

const errorText = (e) => (e && e.code ? `${e.code}: ${e.message}` : String(e?.message ?? e));

/** The selected candidate pair of a PC: local/remote address and port, or null. */
function selectedPair(report) {
  let pair = null;
  report.forEach((r) => {
    if (r.type === 'transport' && r.selectedCandidatePairId) pair = report.get(r.selectedCandidatePairId);
  });
  if (!pair) return null;
  const local = report.get(pair.localCandidateId);
  const remote = report.get(pair.remoteCandidateId);
  return { localPort: local?.port ?? null, localAddress: local?.address ?? null, localType: local?.candidateType ?? null,
    remotePort: remote?.port ?? null, state: pair.state };
}

window.harness = {
  /** Joins `o.room` as `o.identity`; publishes camera and/or microphone when asked. Returns {ok} or {error}. */
  async join(key, o) {
    const room = new Room();
    const entry = { key, room, log: [], tracks: new Map(), videos: new Map(), connectCalledAt: null };
    entries.set(key, entry);
    for (const type of EVENTS) room.on(type, (...args) => entry.log.push(describe(type, args)));
    room.on('trackSubscribed', (track, pub, participant) => attach(entry, track, pub, participant));
    room.on('trackUnsubscribed', (track) => detach(entry, track));
    try {
      const t = await token(o);
      entry.connectCalledAt = Date.now();
      await room.connect(location.origin, t, { room: o.room });
      const v = o.video ?? {};
      if (o.camera) {
        await room.localParticipant.enableCamera(true, { width: { ideal: v.width ?? 320 },
          height: { ideal: v.height ?? 240 }, frameRate: { ideal: v.frameRate ?? 15 } },
        { simulcast: o.simulcast ?? false }); // single-layer unless a test asks (SimulcastBrowserTest does)
      }
      if (o.mic) await room.localParticipant.enableMicrophone(true, o.audio ?? {});
      return { ok: true, identity: room.localParticipant.identity, role: room.localParticipant.role };
    } catch (e) {
      return { error: errorText(e) };
    }
  },

  /** Tries to publish the camera; {ok} or {error: "code: message"} (e.g. a viewer's `forbidden`). */
  async publishCameraTrack(key) {
    const { room } = get(key);
    const stream = await navigator.mediaDevices.getUserMedia({ video: { width: 320, height: 240 } });
    const [track] = stream.getVideoTracks();
    try {
      await room.localParticipant.publishTrack(track, { source: 'camera' });
      return { ok: true };
    } catch (e) {
      return { error: errorText(e), code: e?.code ?? null };
    } finally {
      track.stop();
    }
  },

  /**
   * Sends a `publish` with a real camera offer straight over the room's socket, past the SDK's own role
   * check, so that the server has to refuse it: {ok} or {error, code}.
   */
  async rawPublishOffer(key) {
    const { room } = get(key);
    const pc = new RTCPeerConnection({ bundlePolicy: 'max-bundle' });
    const stream = await navigator.mediaDevices.getUserMedia({ video: { width: 320, height: 240 } });
    try {
      const transceiver = pc.addTransceiver(stream.getVideoTracks()[0], { direction: 'sendonly' });
      const offer = await pc.createOffer();
      await pc.setLocalDescription(offer);
      await room.engine.request({ type: 'publish', sdp: offer.sdp, tracks: [{ mid: transceiver.mid, source: 'camera' }] });
      return { ok: true };
    } catch (e) {
      return { error: errorText(e), code: e?.code ?? null };
    } finally {
      stream.getTracks().forEach((t) => t.stop());
      pc.close();
    }
  },

  async leave(key) {
    const entry = get(key);
    const at = Date.now();
    await entry.room.disconnect();
    return { leftAt: at };
  },

  drop(key) {
    get(key).room.simulateSocketDrop();
    return { droppedAt: Date.now() };
  },

  state(key) {
    const { room } = get(key);
    return { state: room.state, participants: [...room.participants.keys()], viewerCount: room.viewerCount,
      counters: { ...room.engine.counters } };
  },

  events(key) {
    return get(key).log;
  },

  /**
   * inbound-rtp of the subscriber PC per remote track (identity, kind, framesDecoded, packetsReceived) and
   * the selected candidate pair of both PCs.
   */
  async stats(key) {
    const entry = get(key);
    const { room } = entry;
    const out = { inbound: [], outbound: [], subscriberPair: null, publisherPair: null };
    const sub = room.engine.subscriberPc;
    if (sub) {
      const report = await sub.getStats();
      report.forEach((r) => {
        if (r.type !== 'inbound-rtp') return;
        const who = entry.tracks.get(r.trackIdentifier) ?? {};
        out.inbound.push({ kind: r.kind, mid: r.mid ?? null, trackId: r.trackIdentifier ?? null,
          identity: who.identity ?? null, sid: who.sid ?? null, packetsReceived: r.packetsReceived ?? 0,
          framesDecoded: r.framesDecoded ?? 0, bytesReceived: r.bytesReceived ?? 0 });
      });
      out.subscriberPair = selectedPair(report);
    }
    const pub = room.engine.publisherPc;
    if (pub) {
      const report = await pub.getStats();
      report.forEach((r) => {
        if (r.type === 'outbound-rtp') {
          out.outbound.push({ kind: r.kind, packetsSent: r.packetsSent ?? 0, framesEncoded: r.framesEncoded ?? 0 });
        }
      });
      out.publisherPair = selectedPair(report);
    }
    return out;
  },

  /** {sid} of the local publication of `source` (null while it has none). */
  localSid(key, source) {
    return { sid: get(key).room.localParticipant.getTrackPublication(source)?.sid ?? null };
  },

  /** The publisher PC's video outbound-rtp per simulcast layer: rid, bytesSent, frameWidth; and the encodings' active flags. */
  async outboundLayers(key) {
    const { room } = get(key);
    const pc = room.engine.publisherPc;
    if (!pc) return { layers: [], active: {} };
    const layers = [];
    let availableOutgoingBitrate = 0;
    (await pc.getStats()).forEach((r) => {
      if (r.type === 'candidate-pair' && r.nominated && r.availableOutgoingBitrate) {
        availableOutgoingBitrate = r.availableOutgoingBitrate;
      }
      if (r.type === 'outbound-rtp' && r.kind === 'video') {
        layers.push({ rid: r.rid ?? null, bytesSent: r.bytesSent ?? 0, frameWidth: r.frameWidth ?? 0,
          ssrc: r.ssrc, qualityLimitationReason: r.qualityLimitationReason ?? null });
      }
    });
    const active = {};
    for (const t of pc.getTransceivers()) {
      if (t.sender.track?.kind !== 'video') continue;
      for (const e of t.sender.getParameters().encodings ?? []) active[e.rid ?? ''] = e.active !== false;
    }
    return { layers, active, availableOutgoingBitrate };
  },

  /** Resizes the <video> elements showing `identity` in room `key` to `width` x `height` CSS px. */
  resizeVideos(key, identity, width, height) {
    for (const v of get(key).videos.values()) {
      if (v.dataset.identity !== identity) continue;
      v.style.width = `${width}px`;
      v.style.height = `${height}px`;
    }
    return { devicePixelRatio: window.devicePixelRatio };
  },

  /** The <video> elements of one room: identity, size, and playback position. */
  videos(key) {
    return [...get(key).videos.values()].map((v) => ({ identity: v.dataset.identity, width: v.videoWidth,
      height: v.videoHeight, currentTime: v.currentTime }));
  },

  /**
   * The subscriber PC's inbound-rtp video stream showing `identity` (null before it exists): the counters a layer
   * switch could disturb (packetsLost, nackCount, pliCount, framesDecoded, frameWidth...).
   */
  async inboundVideo(key, identity) {
    const entry = get(key);
    const sub = entry.room.engine.subscriberPc;
    if (!sub) return null;
    let out = null;
    (await sub.getStats()).forEach((r) => {
      if (r.type !== 'inbound-rtp' || r.kind !== 'video') return;
      if ((entry.tracks.get(r.trackIdentifier) ?? {}).identity !== identity) return;
      out = { ssrc: r.ssrc, packetsReceived: r.packetsReceived ?? 0, packetsLost: r.packetsLost ?? 0,
        nackCount: r.nackCount ?? 0, pliCount: r.pliCount ?? 0, firCount: r.firCount ?? 0,
        framesDecoded: r.framesDecoded ?? 0, keyFramesDecoded: r.keyFramesDecoded ?? 0,
        framesDropped: r.framesDropped ?? 0, frameWidth: r.frameWidth ?? 0, frameHeight: r.frameHeight ?? 0,
        freezeCount: r.freezeCount ?? 0, retransmittedPacketsReceived: r.retransmittedPacketsReceived ?? 0 };
    });
    return out;
  },
};
window.harnessReady = true;
