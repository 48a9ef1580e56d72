// onair.js: the browser SDK of Onair. It speaks signalling protocol v1 over the WebSocket /rtc
// (docs/protocol.md) and runs two RTCPeerConnections: a publisher and a subscriber, on both of which the
// client is the offerer. An ES module with no dependencies and no build step; types in onair.d.ts.
//
//   import { Room } from '/onair.js';
//   const room = new Room();
//   room.on('trackSubscribed', (track, pub, participant) => attach(track));
//   await room.connect(location.origin, token, { room: 'studio' });
//   await room.localParticipant.enableCamera(true);
//
// Everything that touches the outside world (WebSocket, RTCPeerConnection, media devices, timers) comes from
// an injectable `env`, so the tests run it in node with fakes and mocked timers.

export const PROTOCOL_VERSION = 1;
export const PING_INTERVAL_MILLIS = 10_000;
export const ICE_DISCONNECTED_GRACE_MILLIS = 2_000;
/** How often the room uploads its peer connections' getStats() summary (`client_stats`); 0 turns it off. */
export const DEFAULT_STATS_INTERVAL_MILLIS = 2_000;
const FIRST_RETRY_DELAY_MILLIS = 250;
const MAX_RETRY_DELAY_MILLIS = 5_000;
const DEFAULT_RESUME_WINDOW_MILLIS = 30_000;
/** Close codes after which resuming is pointless, with the disconnect reason each one gives. */
const FATAL_CLOSE_CODES = new Map([
  [4401, 'unauthenticated'], [4403, 'forbidden'], [4409, 'replaced'], [4410, 'removed'], [4411, 'room_closed'],
]);
/** Errors of a resume `join` that end the session instead of retrying. */
const FATAL_JOIN_ERRORS = new Set(['unauthenticated', 'forbidden']);
/** Errors that mean "the socket went away or the PC was replaced": a negotiation is retried after resume. */
const RETRYABLE = new Set(['connection_closed', 'stale_peer_connection']);
const SOURCES = new Set(['camera', 'microphone', 'screen', 'screen_audio']);
/**
 * The simulcast layers of a camera track, lowest first (rids q/h/f = quarter, half, full resolution). The bitrates
 * follow LiveKit's 720p presets (180p 160 kbps, 360p 450 kbps, 720p 1.7 Mbps), a little lower at the top: enough
 * for a talking head at 30 fps, while the three together stay near 2 Mbps for a typical uplink.
 */
export const CAMERA_SIMULCAST_ENCODINGS = Object.freeze([
  Object.freeze({ rid: 'q', scaleResolutionDownBy: 4, maxBitrate: 150_000 }),
  Object.freeze({ rid: 'h', scaleResolutionDownBy: 2, maxBitrate: 500_000 }),
  Object.freeze({ rid: 'f', scaleResolutionDownBy: 1, maxBitrate: 1_500_000 }),
]);
/** How long the rendered size of a video must stay still before `track_view` reports it. */
export const VIEW_DEBOUNCE_MILLIS = 300;

/** Delay before resume attempt `attempt` (0-based): 250 ms, 500 ms, 1 s, 2 s, 4 s, then 5 s. */
export function reconnectDelayMillis(attempt) {
  const exponent = Math.max(0, Math.min(attempt, 16));
  return Math.min(FIRST_RETRY_DELAY_MILLIS * 2 ** exponent, MAX_RETRY_DELAY_MILLIS);
}

/** ws(s)://host/rtc from ws(s):// or http(s):// URLs; a bare host path ("/") becomes "/rtc". */
export function signalUrl(url, base) {
  let u;
  try {
    u = new URL(url, base ?? globalThis.location?.href);
  } catch {
    throw new OnairError('bad_url', `not a URL: ${url}`);
  }
  if (u.protocol === 'http:') u.protocol = 'ws:';
  else if (u.protocol === 'https:') u.protocol = 'wss:';
  else if (u.protocol !== 'ws:' && u.protocol !== 'wss:') {
    throw new OnairError('bad_url', `expected ws(s):// or http(s)://, got ${u.protocol}`);
  }
  if (u.pathname === '' || u.pathname === '/') u.pathname = '/rtc';
  u.hash = '';
  return u.toString();
}

/** An error with a protocol `code` (docs/protocol.md, "Error codes") or an SDK code such as `connection_closed`. */
export class OnairError extends Error {
  constructor(code, message, requestId = null) {
    super(message || code);
    this.name = 'OnairError';
    this.code = code;
    this.requestId = requestId;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Small building blocks

/** on/off/once/emit; a throwing listener is reported and does not stop the others or the SDK. */
class Emitter {
  #listeners = new Map();

  on(event, listener) {
    if (!this.#listeners.has(event)) this.#listeners.set(event, []);
    this.#listeners.get(event).push(listener);
    return this;
  }

  off(event, listener) {
    const list = this.#listeners.get(event);
    if (!list) return this;
    const i = list.findIndex((l) => l === listener || l.original === listener);
    if (i >= 0) list.splice(i, 1);
    return this;
  }

  once(event, listener) {
    const wrapper = (...args) => {
      this.off(event, wrapper);
      listener(...args);
    };
    wrapper.original = listener;
    return this.on(event, wrapper);
  }

  emit(event, ...args) {
    for (const listener of [...(this.#listeners.get(event) || [])]) {
      try {
        listener(...args);
      } catch (e) {
        globalThis.console?.error(`onair: a '${event}' listener threw`, e);
      }
    }
  }
}

/** The outside world, injectable for tests; timers are looked up on each call so mocked timers apply. */
function resolveEnv(env = {}) {
  const g = globalThis;
  return {
    WebSocket: env.WebSocket ?? g.WebSocket,
    RTCPeerConnection: env.RTCPeerConnection ?? g.RTCPeerConnection,
    mediaDevices: env.mediaDevices ?? g.navigator?.mediaDevices,
    MediaStream: env.MediaStream ?? g.MediaStream,
    ResizeObserver: env.ResizeObserver ?? g.ResizeObserver,
    IntersectionObserver: env.IntersectionObserver ?? g.IntersectionObserver,
    document: env.document ?? g.document,
    devicePixelRatio: () => env.devicePixelRatio ?? g.devicePixelRatio ?? 1,
    setTimeout: env.setTimeout ?? ((fn, ms) => g.setTimeout(fn, ms)),
    clearTimeout: env.clearTimeout ?? ((t) => g.clearTimeout(t)),
    setInterval: env.setInterval ?? ((fn, ms) => g.setInterval(fn, ms)),
    clearInterval: env.clearInterval ?? ((t) => g.clearInterval(t)),
  };
}

const isString = (v) => typeof v === 'string';
const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

/** A wire Track, or null when the object is not one. */
function readTrack(o) {
  if (!isObject(o) || !isString(o.sid) || (o.kind !== 'audio' && o.kind !== 'video')) return null;
  const source = SOURCES.has(o.source) ? o.source : (o.kind === 'audio' ? 'microphone' : 'camera');
  return { sid: o.sid, kind: o.kind, source, muted: o.muted === true };
}

/** A wire Participant, or null when the object is not one. */
function readParticipant(o) {
  if (!isObject(o) || !isString(o.identity)) return null;
  return {
    identity: o.identity,
    name: isString(o.name) ? o.name : null,
    role: isString(o.role) ? o.role : 'participant',
    metadata: isString(o.metadata) ? o.metadata : null,
    tracks: Array.isArray(o.tracks) ? o.tracks.map(readTrack).filter(Boolean) : [],
  };
}

/**
 * At most one negotiation in flight; requests made meanwhile are coalesced into one more round. A request's
 * promise settles with the first round that *started* after it. While paused (no socket), requests wait; a
 * round that fails because the socket dropped is retried on resume() instead of failing its requests.
 */
class Negotiator {
  #round;
  #waiters = [];
  #dirty = false;
  #running = false;
  #paused = true;

  constructor(round) {
    this.#round = round;
  }

  get inFlight() { return this.#running; }

  request() {
    return new Promise((resolve, reject) => {
      this.#waiters.push({ resolve, reject });
      this.#dirty = true;
      this.#kick();
    });
  }

  pause() { this.#paused = true; }

  resume() {
    this.#paused = false;
    this.#kick();
  }

  /** Fails every waiting request; used when the room is left. */
  abort(error) {
    this.#paused = true;
    this.#dirty = false;
    for (const w of this.#waiters.splice(0)) w.reject(error);
  }

  #kick() {
    if (!this.#running && !this.#paused && this.#dirty) this.#loop();
  }

  async #loop() {
    this.#running = true;
    while (this.#dirty && !this.#paused) {
      this.#dirty = false;
      const batch = this.#waiters.splice(0);
      try {
        await this.#round();
        for (const w of batch) w.resolve();
      } catch (e) {
        if (e instanceof OnairError && RETRYABLE.has(e.code)) {
          // Wait for resume() (or a new request) instead of spinning while the socket closes.
          this.#waiters.unshift(...batch);
          this.#dirty = true;
          break;
        } else {
          for (const w of batch) w.reject(e);
        }
      }
    }
    this.#running = false;
  }
}

/** One WebSocket: JSON frames, requests matched to answers by `id`, everything else to onFrame. */
class SignalChannel {
  #ws;
  #pending = new Map();
  #handlers;
  #counters;
  #nextId;

  constructor(env, url, handlers, counters, nextId) {
    this.#handlers = handlers;
    this.#counters = counters;
    this.#nextId = nextId;
    this.#ws = new env.WebSocket(url);
    this.#ws.onmessage = (ev) => this.#onMessage(ev);
    this.#ws.onclose = (ev) => this.#onClose(ev.code, ev.reason);
    this.#ws.onerror = () => {}; // a close event always follows
  }

  get socket() { return this.#ws; }

  get open() { return this.#ws.readyState === 1; }

  /** Resolves once the socket is open; rejects when it closes first. */
  opened() {
    if (this.open) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.#ws.onopen = () => {
        this.#openFailed = null;
        resolve();
      };
      this.#openFailed = reject;
    });
  }

  #openFailed = null;

  send(frame) {
    if (!this.open) throw new OnairError('connection_closed', 'the signalling socket is not open');
    this.#ws.send(JSON.stringify({ v: PROTOCOL_VERSION, ...frame }));
  }

  /** Sends a frame with a fresh `id`; resolves with the answer frame, rejects with the `error` frame's code. */
  request(frame) {
    const id = this.#nextId();
    return new Promise((resolve, reject) => {
      try {
        this.send({ ...frame, id });
      } catch (e) {
        reject(e);
        return;
      }
      this.#pending.set(id, { resolve, reject });
    });
  }

  /** Closes without telling anyone (handlers detached); pending requests fail with connection_closed. */
  abort(code = 1000, reason = '') {
    this.#handlers = { onFrame() {}, onClose() {}, onBadFrame() {} };
    try {
      this.#ws.close(code, reason);
    } catch {
      // already closing
    }
    this.#onClose(code, reason);
  }

  #onMessage(ev) {
    if (!isString(ev.data)) {
      this.#bad('binary frame from the server');
      return;
    }
    let frame;
    try {
      frame = JSON.parse(ev.data);
    } catch {
      this.#bad('malformed JSON from the server');
      return;
    }
    if (!isObject(frame) || !isString(frame.type)) {
      this.#bad('a server frame without a string type');
      return;
    }
    const waiter = isString(frame.id) ? this.#pending.get(frame.id) : undefined;
    if (waiter) {
      this.#pending.delete(frame.id);
      if (frame.type === 'error') {
        waiter.reject(new OnairError(isString(frame.code) ? frame.code : 'unknown_error',
          isString(frame.message) ? frame.message : 'error', frame.id));
      } else {
        waiter.resolve(frame);
      }
      return;
    }
    this.#handlers.onFrame(frame);
  }

  #bad(message) {
    this.#counters.badFrames += 1;
    this.#handlers.onBadFrame(message);
  }

  #onClose(code, reason) {
    if (this.#closed) return;
    this.#closed = true;
    const error = new OnairError('connection_closed', `signalling socket closed (${code}${reason ? ` ${reason}` : ''})`);
    for (const waiter of this.#pending.values()) waiter.reject(error);
    this.#pending.clear();
    if (this.#openFailed) this.#openFailed(new OnairError('connection_failed', `cannot open the signalling socket (${code})`));
    this.#handlers.onClose(code, reason);
  }

  #closed = false;
}

// ---------------------------------------------------------------------------------------------------------
// The two peer connections

/** Common parts: the PC, its negotiator, ICE restart, trickle and ICE health. */
class PeerTransport {
  pc = null;
  /** @type {Negotiator} */
  negotiator;
  #engine;
  #role;
  #restartPending = false;
  #iceGraceTimer = null;

  constructor(engine, role) {
    this.#engine = engine;
    this.#role = role;
    this.negotiator = new Negotiator(() => this.round());
  }

  get engine() { return this.#engine; }

  ensurePc() {
    if (this.pc) return this.pc;
    const env = this.#engine.env;
    const pc = new env.RTCPeerConnection({ bundlePolicy: 'max-bundle', iceServers: this.#engine.options.iceServers });
    pc.onicecandidate = (ev) => this.#engine.sendTrickle(this.#role, ev.candidate);
    pc.onconnectionstatechange = () => this.#onHealth(pc);
    pc.oniceconnectionstatechange = () => this.#onHealth(pc);
    this.pc = pc;
    this.onPcCreated(pc);
    return pc;
  }

  onPcCreated() {}

  /** Throws a retryable error when the PC was replaced while a round awaited. */
  check(pc) {
    if (pc !== this.pc) throw new OnairError('stale_peer_connection', 'the peer connection was replaced');
  }

  /** `restartIce()` and a new offer; coalesced with one already asked for. */
  restartIce() {
    if (!this.pc) return Promise.resolve();
    this.pc.restartIce();
    if (this.#restartPending) return Promise.resolve();
    this.#restartPending = true;
    return this.negotiator.request().finally(() => { this.#restartPending = false; });
  }

  /** Sends the offer as `type` and returns the answer frame; rolls the offer back when that fails. */
  async exchange(pc, frame) {
    try {
      const answer = await this.#engine.request(frame);
      this.check(pc);
      if (!isString(answer.sdp)) throw new OnairError('bad_answer', `${answer.type} without sdp`);
      return answer;
    } catch (e) {
      if (pc.signalingState === 'have-local-offer') {
        try {
          await pc.setLocalDescription({ type: 'rollback' });
        } catch {
          // a closed PC cannot roll back; it is being replaced anyway
        }
      }
      throw e;
    }
  }

  close() {
    this.#clearGrace();
    if (this.pc) {
      this.pc.onicecandidate = null;
      this.pc.onconnectionstatechange = null;
      this.pc.oniceconnectionstatechange = null;
      this.pc.ontrack = null;
      try {
        this.pc.close();
      } catch {
        // already closed
      }
    }
    this.pc = null;
  }

  #onHealth(pc) {
    if (pc !== this.pc) return;
    const ice = pc.iceConnectionState;
    if (pc.connectionState === 'failed' || ice === 'failed') {
      this.#clearGrace();
      this.#restartIfSocketUp();
    } else if (ice === 'disconnected') {
      if (this.#iceGraceTimer === null) {
        this.#iceGraceTimer = this.#engine.env.setTimeout(() => {
          this.#iceGraceTimer = null;
          if (this.pc === pc && pc.iceConnectionState === 'disconnected') this.#restartIfSocketUp();
        }, ICE_DISCONNECTED_GRACE_MILLIS);
      }
    } else {
      this.#clearGrace();
    }
  }

  #restartIfSocketUp() {
    if (this.#engine.state !== 'connected') return; // the socket resume restarts ICE itself
    this.restartIce().catch((e) => this.#engine.reportError(e));
  }

  #clearGrace() {
    if (this.#iceGraceTimer !== null) this.#engine.env.clearTimeout(this.#iceGraceTimer);
    this.#iceGraceTimer = null;
  }
}

/** The sending PC: one sendonly transceiver per local publication; inactive ones are reused. */
class PublisherTransport extends PeerTransport {
  /** @type {Set<LocalTrackPublication>} */
  pubs = new Set();
  #bound = new Map(); // pub -> transceiver (on the current pc)
  #idle = []; // {transceiver, kind, simulcast} released by unpublished tracks
  #layerChanges = new Map(); // pub -> promise of its last setParameters (they must not overlap)

  constructor(engine) {
    super(engine, 'publisher');
  }

  add(pub) {
    this.pubs.add(pub);
    return this.negotiator.request();
  }

  remove(pub) {
    this.pubs.delete(pub);
    return this.negotiator.request();
  }

  async replaceTrack(pub, track) {
    const transceiver = this.#bound.get(pub);
    if (transceiver) await transceiver.sender.replaceTrack(track);
  }

  /** Forgets the PC and every sid (after `resumed: false`); the publications are sent again on a new PC. */
  reset() {
    this.close();
    this.#bound.clear();
    this.#idle = [];
    for (const pub of this.pubs) pub.sid = null;
  }

  async round() {
    if (!this.pc && this.pubs.size === 0) return;
    const pc = this.ensurePc();
    await this.#syncTransceivers(pc);
    this.check(pc);
    const offer = await pc.createOffer();
    this.check(pc);
    await pc.setLocalDescription(offer);
    this.check(pc);
    const tracks = [];
    for (const [pub, transceiver] of this.#bound) {
      if (isString(transceiver.mid)) tracks.push({ mid: transceiver.mid, source: pub.source, muted: pub.muted });
    }
    const answer = await this.exchange(pc, { type: 'publish', sdp: offer.sdp, tracks });
    await pc.setRemoteDescription({ type: 'answer', sdp: answer.sdp });
    this.check(pc);
    this.#applyAnswer(Array.isArray(answer.tracks) ? answer.tracks : []);
  }

  async #syncTransceivers(pc) {
    for (const [pub, transceiver] of [...this.#bound]) {
      if (this.pubs.has(pub)) continue;
      this.#bound.delete(pub);
      transceiver.direction = 'inactive';
      this.#idle.push({ transceiver, kind: pub.kind, simulcast: pub.simulcast });
      await transceiver.sender.replaceTrack(null);
    }
    for (const pub of this.pubs) {
      if (this.#bound.has(pub)) continue;
      // Encodings are fixed when a transceiver is created: reuse only one with the same layering.
      const i = this.#idle.findIndex((x) => x.kind === pub.kind && x.simulcast === pub.simulcast);
      let transceiver;
      if (i >= 0) {
        transceiver = this.#idle.splice(i, 1)[0].transceiver;
        transceiver.direction = 'sendonly';
        await transceiver.sender.replaceTrack(pub.track);
      } else {
        const init = { direction: 'sendonly' };
        if (pub.simulcast) init.sendEncodings = CAMERA_SIMULCAST_ENCODINGS.map((e) => ({ ...e }));
        transceiver = pc.addTransceiver(pub.track, init);
      }
      this.#bound.set(pub, transceiver);
    }
  }

  /**
   * Dynacast: sends only the layers (rids) in `rids`; an empty list pauses them all. A single-layer track is paused
   * by an empty list and resumed by any other. Changes of one track run one after another.
   */
  setActiveLayers(pub, rids) {
    const wanted = new Set(rids);
    const previous = this.#layerChanges.get(pub) ?? Promise.resolve();
    const next = previous.catch(() => {}).then(async () => {
      const sender = this.#bound.get(pub)?.sender;
      if (!sender?.getParameters || !sender.setParameters) return false;
      const params = sender.getParameters();
      const encodings = Array.isArray(params.encodings) ? params.encodings : [];
      if (encodings.length === 0) return false;
      let changed = false;
      for (const e of encodings) {
        const active = isString(e.rid) && encodings.length > 1 ? wanted.has(e.rid) : wanted.size > 0;
        if (e.active !== active) {
          e.active = active;
          changed = true;
        }
      }
      if (changed) await sender.setParameters(params);
      return changed;
    });
    this.#layerChanges.set(pub, next);
    return next;
  }

  #applyAnswer(tracks) {
    for (const t of tracks) {
      if (!isObject(t) || !isString(t.mid) || !isString(t.sid)) continue;
      for (const [pub, transceiver] of this.#bound) {
        if (transceiver.mid === t.mid && pub.sid !== t.sid && this.pubs.has(pub)) this.engine.room._localPublished(pub, t.sid);
      }
    }
  }
}

/** The receiving PC: recvonly transceivers ("slots") mapped by mid to the sids we subscribe to. */
class SubscriberTransport extends PeerTransport {
  /** sid -> kind of every track we want to receive. */
  wanted = new Map();
  /** @type {{transceiver: RTCRtpTransceiver, kind: string, sid: string|null, deliveredSid: string|null, unavailable: boolean}[]} */
  slots = [];

  constructor(engine) {
    super(engine, 'subscriber');
  }

  onPcCreated(pc) {
    pc.ontrack = (ev) => {
      const slot = this.slots.find((s) => s.transceiver === ev.transceiver)
        ?? this.slots.find((s) => s.transceiver.mid !== null && s.transceiver.mid === ev.transceiver?.mid);
      if (slot) this.#deliver(slot, ev.track);
    };
  }

  want(sid, kind) {
    this.wanted.set(sid, kind);
    return this.negotiator.request();
  }

  unwant(sid) {
    this.wanted.delete(sid);
    this.#release(sid);
    return this.pc ? this.negotiator.request() : Promise.resolve();
  }

  /** The track was unpublished: the server stopped it; its m-line is dropped or reused by the next offer. */
  forget(sid) {
    this.wanted.delete(sid);
    this.#release(sid);
  }

  /** Forgets the PC and all slots (after `resumed: false`); `wanted` stays, to subscribe again. */
  reset() {
    this.close();
    this.slots = [];
  }

  async round() {
    if (!this.pc && this.wanted.size === 0) return;
    const pc = this.ensurePc();
    this.#assignSlots(pc);
    const offer = await pc.createOffer();
    this.check(pc);
    await pc.setLocalDescription(offer);
    this.check(pc);
    const tracks = this.slots.filter((s) => s.sid !== null && isString(s.transceiver.mid))
      .map((s) => ({ mid: s.transceiver.mid, sid: s.sid }));
    const answer = await this.exchange(pc, { type: 'subscribe', sdp: offer.sdp, tracks });
    const states = new Map();
    for (const t of Array.isArray(answer.tracks) ? answer.tracks : []) {
      if (!isObject(t) || !isString(t.mid)) continue;
      const slot = this.slots.find((s) => s.transceiver.mid === t.mid);
      if (slot && slot.sid !== null && isString(t.state)) states.set(slot.sid, t.state);
    }
    for (const slot of this.slots) slot.unavailable = slot.sid !== null && states.get(slot.sid) === 'unavailable';
    for (const [sid, state] of states) this.engine.room._subscriptionState(sid, state);
    await pc.setRemoteDescription({ type: 'answer', sdp: answer.sdp });
    this.check(pc);
    // A reused transceiver that stayed recvonly gets no new `track` event: deliver its receiver's track.
    for (const slot of this.slots) {
      if (slot.sid !== null && slot.deliveredSid !== slot.sid && slot.transceiver.receiver?.track && (slot.transceiver.currentDirection ?? 'recvonly') !== 'inactive') {
        this.#deliver(slot, slot.transceiver.receiver.track);
      }
    }
  }

  #assignSlots(pc) {
    for (const slot of this.slots) {
      if (slot.sid !== null && !this.wanted.has(slot.sid)) this.#release(slot.sid);
    }
    const assigned = new Set(this.slots.map((s) => s.sid));
    for (const [sid, kind] of this.wanted) {
      if (assigned.has(sid)) continue;
      let slot = this.slots.find((s) => s.sid === null && s.kind === kind);
      if (!slot) {
        slot = { transceiver: pc.addTransceiver(kind, { direction: 'recvonly' }), kind, sid: null, deliveredSid: null,
          unavailable: false };
        this.slots.push(slot);
      }
      slot.sid = sid;
    }
    for (const slot of this.slots) {
      const direction = slot.sid === null ? 'inactive' : 'recvonly';
      if (slot.transceiver.direction !== direction) slot.transceiver.direction = direction;
    }
  }

  #release(sid) {
    for (const slot of this.slots) {
      if (slot.sid === sid) {
        slot.sid = null;
        slot.deliveredSid = null;
        slot.unavailable = false;
      }
    }
  }

  #deliver(slot, track) {
    if (slot.sid === null || slot.deliveredSid === slot.sid || slot.unavailable || !track) return;
    slot.deliveredSid = slot.sid;
    this.engine.room._trackReceived(slot.sid, track);
  }
}

// ---------------------------------------------------------------------------------------------------------
// The engine: socket lifecycle, join, keepalive, resume

class Engine {
  state = 'disconnected';
  counters = { badFrames: 0, unknownFrames: 0, trickleSent: 0, resumeAttempts: 0, trackViewErrors: 0 };
  resumeToken = null;
  /** @type {SignalChannel|null} */
  channel = null;
  room;
  env;
  options;
  publisher;
  subscriber;
  #url = null;
  #token = null;
  #roomName = null;
  #nextId = 0;
  #pingTimer = null;
  #awaitingPong = false;
  #retryTimer = null;
  #windowTimer = null;
  #attempt = 0;
  #early = []; // events that arrived right behind `joined`, before its promise continuation ran
  #epoch = 0; // bumped on every connect and finish, so late callbacks of an old session do nothing

  constructor(room, options, env) {
    this.room = room;
    this.options = options;
    this.env = env;
    this.publisher = new PublisherTransport(this);
    this.subscriber = new SubscriberTransport(this);
    this.stats = new StatsUploader(this);
  }

  get socket() { return this.channel ? this.channel.socket : null; }

  get publisherPc() { return this.publisher.pc; }

  get subscriberPc() { return this.subscriber.pc; }

  async connect(url, token, roomName) {
    if (this.state !== 'disconnected') throw new OnairError('already_connected', `room is ${this.state}`);
    if (!isString(token) || token === '') throw new OnairError('bad_request', 'a token is required');
    this.#url = signalUrl(url);
    this.#token = token;
    this.#roomName = roomName ?? null;
    this.resumeToken = null;
    const epoch = ++this.#epoch;
    this.#setState('connecting');
    let joined;
    try {
      joined = await this.#openAndJoin(null);
    } catch (e) {
      if (epoch === this.#epoch) this.#finish(e.code ?? 'connection_failed', false);
      throw e;
    }
    if (epoch !== this.#epoch) throw new OnairError('connection_closed', 'disconnected while joining');
    this.#onJoined(joined, false);
  }

  async disconnect() {
    if (this.state === 'disconnected') return;
    if (this.channel && this.channel.open) {
      try {
        this.channel.send({ type: 'leave' });
      } catch {
        // nothing to tell
      }
    }
    this.#finish('client_leave', true);
  }

  /** Test hook: drops the socket without `leave`, as a network failure would. */
  simulateSocketDrop() {
    if (this.state !== 'connected' || !this.channel) return;
    this.channel.abort(4000, 'simulated drop');
    this.#socketLost();
  }

  /** Sends a command and resolves with its answer; fails with connection_closed when there is no socket. */
  request(frame) {
    if (this.state !== 'connected' || !this.channel) {
      return Promise.reject(new OnairError('connection_closed', 'not connected'));
    }
    return this.channel.request(frame);
  }

  sendTrickle(role, candidate) {
    if (this.state !== 'connected' || !this.channel || !this.channel.open) return;
    const init = candidate ? (typeof candidate.toJSON === 'function' ? candidate.toJSON() : candidate) : null;
    try {
      this.channel.send({ type: 'trickle', pc: role, candidate: init });
      this.counters.trickleSent += 1;
    } catch {
      // best effort: the server does not need client candidates
    }
  }

  /** Reports a background failure; one caused by leaving the room is not news. */
  reportError(e) {
    if (e instanceof OnairError && e.code === 'disconnected') return;
    this.room.emit('error', e instanceof OnairError ? e : new OnairError('internal', String(e?.message ?? e)));
  }

  #openAndJoin(resume) {
    const channel = new SignalChannel(this.env, this.#url, {
      onFrame: (frame) => { if (channel === this.channel) this.#onFrame(frame); },
      onClose: (code) => { if (channel === this.channel) this.#onSocketClosed(code); },
      onBadFrame: (message) => { if (channel === this.channel) this.reportError(new OnairError('bad_frame', message)); },
    }, this.counters, () => String(++this.#nextId));
    this.channel = channel;
    this.#early = [];
    return channel.opened().then(() => {
      const join = { type: 'join', token: this.#token };
      if (this.#roomName !== null) join.room = this.#roomName;
      if (resume) join.resume = resume;
      return channel.request(join);
    });
  }

  #onJoined(frame, resuming) {
    if (!readParticipant(frame.participant)) {
      this.counters.badFrames += 1;
      this.#finish('bad_joined', true);
      throw new OnairError('bad_joined', 'the joined frame has no participant');
    }
    // Without a resumeToken (an older server) a dropped socket re-joins afresh, as after `resumed: false`.
    this.resumeToken = isString(frame.resumeToken) ? frame.resumeToken : null;
    this.#startPing();
    this.stats.start();
    if (!resuming) {
      this.room._applyJoined(frame);
      this.#setState('connected');
    } else if (frame.resumed === true) {
      this.room._reconcile(frame);
      this.#setState('connected');
      this.room.emit('reconnected');
      this.publisher.restartIce().catch((e) => this.reportError(e));
      this.subscriber.restartIce().catch((e) => this.reportError(e));
    } else {
      this.room._beforeFreshSession();
      this.publisher.reset();
      this.subscriber.reset();
      this.room._reconcile(frame);
      this.#setState('connected');
      this.room.emit('reconnected');
      if (this.publisher.pubs.size > 0) this.publisher.negotiator.request().catch((e) => this.reportError(e));
      if (this.subscriber.wanted.size > 0) this.subscriber.negotiator.request().catch((e) => this.reportError(e));
    }
    this.publisher.negotiator.resume();
    this.subscriber.negotiator.resume();
    for (const early of this.#early.splice(0)) this.#onFrame(early);
  }

  #onFrame(frame) {
    if (frame.type === 'pong') {
      this.#awaitingPong = false;
      return;
    }
    if (this.state !== 'connected') {
      if (this.#early.length < 1024) this.#early.push(frame);
      return;
    }
    try {
      if (!this.room._onFrame(frame)) this.counters.unknownFrames += 1;
    } catch (e) {
      this.counters.badFrames += 1;
      this.reportError(new OnairError('bad_frame', `cannot handle ${frame.type}: ${e?.message ?? e}`));
    }
  }

  #onSocketClosed(code) {
    if (this.state !== 'connected') return; // while connecting or reconnecting, the join promise handles it
    const fatal = FATAL_CLOSE_CODES.get(code);
    if (fatal) this.#finish(fatal, true);
    else this.#socketLost();
  }

  #socketLost() {
    this.#stopPing();
    this.stats.stop();
    this.publisher.negotiator.pause();
    this.subscriber.negotiator.pause();
    this.#setState('reconnecting');
    this.room.emit('reconnecting');
    this.#attempt = 0;
    const epoch = this.#epoch;
    this.#windowTimer = this.env.setTimeout(() => {
      this.#windowTimer = null;
      if (epoch === this.#epoch && this.state === 'reconnecting') this.#finish('resume_window_expired', true);
    }, this.options.resumeWindowMillis);
    this.#scheduleAttempt();
  }

  #scheduleAttempt() {
    const epoch = this.#epoch;
    this.#retryTimer = this.env.setTimeout(() => {
      this.#retryTimer = null;
      if (epoch === this.#epoch) this.#tryResume(epoch);
    }, reconnectDelayMillis(this.#attempt++));
  }

  async #tryResume(epoch) {
    this.counters.resumeAttempts += 1;
    let joined;
    try {
      joined = await this.#openAndJoin(this.resumeToken);
    } catch (e) {
      if (epoch !== this.#epoch || this.state !== 'reconnecting') return;
      if (e instanceof OnairError && FATAL_JOIN_ERRORS.has(e.code)) {
        this.#finish(e.code, true);
      } else {
        this.channel?.abort();
        this.#scheduleAttempt();
      }
      return;
    }
    if (epoch !== this.#epoch || this.state !== 'reconnecting') return;
    this.env.clearTimeout(this.#windowTimer);
    this.#windowTimer = null;
    try {
      this.#onJoined(joined, true);
    } catch (e) {
      this.reportError(e);
    }
  }

  #startPing() {
    this.#stopPing();
    this.#awaitingPong = false;
    this.#pingTimer = this.env.setInterval(() => {
      if (this.state !== 'connected' || !this.channel) return;
      if (this.#awaitingPong) { // no pong for a whole interval: the socket is dead even if it looks open
        this.channel.abort(4000, 'no pong');
        this.#socketLost();
        return;
      }
      try {
        this.channel.send({ type: 'ping' });
        this.#awaitingPong = true;
      } catch {
        // the close event follows
      }
    }, PING_INTERVAL_MILLIS);
  }

  #stopPing() {
    if (this.#pingTimer !== null) this.env.clearInterval(this.#pingTimer);
    this.#pingTimer = null;
  }

  /** Ends the session: timers, socket, both PCs, pending requests; then `disconnected(reason)`. */
  #finish(reason, emit) {
    this.#epoch += 1;
    this.#stopPing();
    this.stats.stop();
    if (this.#retryTimer !== null) this.env.clearTimeout(this.#retryTimer);
    if (this.#windowTimer !== null) this.env.clearTimeout(this.#windowTimer);
    this.#retryTimer = null;
    this.#windowTimer = null;
    const channel = this.channel;
    this.channel = null;
    if (channel) channel.abort(1000, reason);
    const error = new OnairError('disconnected', `left the room (${reason})`);
    this.publisher.negotiator.abort(error);
    this.subscriber.negotiator.abort(error);
    this.room._cleared();
    this.publisher.reset();
    this.publisher.pubs.clear();
    this.subscriber.reset();
    this.subscriber.wanted.clear();
    this.resumeToken = null;
    this.#setState('disconnected');
    if (emit) this.room.emit('disconnected', reason);
  }

  #setState(state) {
    if (this.state === state) return;
    this.state = state;
    this.room.emit('connectionStateChanged', state);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Browser stats upload (`client_stats`, docs/protocol.md)

const MAX_STATS_ENTRIES = 32;
const INBOUND_COUNTERS = ['packetsReceived', 'packetsLost', 'framesDecoded', 'frameWidth', 'frameHeight',
  'freezeCount', 'concealedSamples', 'totalSamplesReceived', 'jitterBufferEmittedCount', 'nackCount'];
const INBOUND_REALS = ['jitter', 'framesPerSecond', 'totalFreezesDuration', 'jitterBufferDelay'];
const OUTBOUND_COUNTERS = ['packetsSent', 'framesEncoded', 'frameWidth', 'frameHeight'];
const STATS_TOKEN = /^[A-Za-z0-9_.-]{1,32}$/;

const usable = (v) => typeof v === 'number' && Number.isFinite(v);

/** Copies the named fields that are finite numbers; counters rounded, negatives (RFC 3550 packetsLost) as 0. */
function copyNumbers(from, to, counters, reals) {
  for (const k of counters) if (usable(from[k])) to[k] = Math.max(0, Math.round(from[k]));
  for (const k of reals) if (usable(from[k]) && from[k] >= 0) to[k] = from[k];
}

function statsValues(report) {
  if (!report) return [];
  if (typeof report.values === 'function') return [...report.values()];
  if (Array.isArray(report)) return report;
  return Object.values(report);
}

/**
 * The compact `client_stats` body of one or more getStats() reports: per inbound-rtp and outbound-rtp entry the
 * fields the server uses (W3C names and units, absent ones left out), and the selected candidate pair's
 * `currentRoundTripTime` (seconds; the largest when several connections have one). At most 32 entries each.
 */
export function summarizeStats(reports) {
  const inbound = [];
  const outbound = [];
  let rtt = null;
  for (const report of reports) {
    const values = statsValues(report);
    const selected = new Set(values.filter((v) => v.type === 'transport' && v.selectedCandidatePairId)
      .map((v) => v.selectedCandidatePairId));
    for (const v of values) {
      const kind = v.kind ?? v.mediaType;
      if ((v.type === 'inbound-rtp' || v.type === 'outbound-rtp') && usable(v.ssrc)
          && (kind === 'audio' || kind === 'video')) {
        const e = { ssrc: v.ssrc >>> 0, kind };
        if (v.type === 'inbound-rtp') {
          if (isString(v.mid) && STATS_TOKEN.test(v.mid)) e.mid = v.mid;
          copyNumbers(v, e, INBOUND_COUNTERS, INBOUND_REALS);
          if (inbound.length < MAX_STATS_ENTRIES) inbound.push(e);
        } else {
          copyNumbers(v, e, OUTBOUND_COUNTERS, ['framesPerSecond']);
          if (isString(v.qualityLimitationReason) && STATS_TOKEN.test(v.qualityLimitationReason)) {
            e.qualityLimitationReason = v.qualityLimitationReason;
          }
          if (outbound.length < MAX_STATS_ENTRIES) outbound.push(e);
        }
      } else if (v.type === 'candidate-pair' && usable(v.currentRoundTripTime) && v.currentRoundTripTime >= 0
          && (selected.size > 0 ? selected.has(v.id) : (v.nominated === true && v.state === 'succeeded'))) {
        rtt = rtt === null ? v.currentRoundTripTime : Math.max(rtt, v.currentRoundTripTime);
      }
    }
  }
  const body = { type: 'client_stats' };
  if (inbound.length > 0) body.inbound = inbound;
  if (outbound.length > 0) body.outbound = outbound;
  if (rtt !== null) body.currentRoundTripTime = rtt;
  return body;
}

/**
 * Every `statsIntervalMillis` while connected: getStats() of both peer connections, summarised, sent as
 * `client_stats` (nothing when neither connection exists or has RTP streams). Fire and forget: no id, no reply.
 */
class StatsUploader {
  sent = 0;
  #engine;
  #timer = null;
  #busy = false;

  constructor(engine) {
    this.#engine = engine;
  }

  start() {
    this.stop();
    const every = this.#engine.options.statsIntervalMillis;
    if (!(every > 0)) return;
    this.#timer = this.#engine.env.setInterval(() => { this.collect().catch(() => {}); }, every);
  }

  stop() {
    if (this.#timer !== null) this.#engine.env.clearInterval(this.#timer);
    this.#timer = null;
  }

  /** One upload now; resolves with the body sent, or null when there was nothing to send. */
  async collect() {
    const engine = this.#engine;
    if (this.#busy || engine.state !== 'connected') return null;
    const pcs = [engine.publisher.pc, engine.subscriber.pc].filter((pc) => pc && typeof pc.getStats === 'function');
    if (pcs.length === 0) return null;
    this.#busy = true;
    try {
      const reports = await Promise.all(pcs.map((pc) => pc.getStats().catch(() => null)));
      const body = summarizeStats(reports.filter(Boolean));
      if (!body.inbound && !body.outbound) return null;
      if (engine.state !== 'connected' || !engine.channel || !engine.channel.open) return null;
      engine.channel.send(body);
      this.sent += 1;
      return body;
    } finally {
      this.#busy = false;
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// Public model

export class RemoteTrackPublication {
  #view = null; // ViewReporter, created by the first attach of a video
  #elements = new Set();

  constructor(info, participantIdentity, room = null) {
    this.sid = info.sid;
    this.kind = info.kind;
    this.source = info.source;
    this.muted = info.muted;
    this.participantIdentity = participantIdentity;
    this.subscribed = false;
    this.state = 'unsubscribed';
    this.track = null;
    Object.defineProperty(this, '_room', { value: room, enumerable: false });
  }

  /**
   * Shows the track in a <video>/<audio> element (sets its srcObject now and whenever the track is received
   * again). For video the SDK then reports the size the element is shown at (`track_view`, CSS px times
   * devicePixelRatio, 0x0 while hidden or off screen), so the server sends no more than that. Returns `el`.
   */
  attach(el) {
    if (!el) throw new OnairError('bad_request', 'attach needs an element');
    this.#elements.add(el);
    this._show(el);
    if (this.kind === 'video' && this._room) {
      if (!this.#view) this.#view = new ViewReporter(this._room, this);
      this.#view.observe(el);
    }
    return el;
  }

  /** Stops showing the track in `el` (clears its srcObject), or in every attached element without one. */
  detach(el) {
    const els = el ? [el] : [...this.#elements];
    for (const e of els) {
      if (!this.#elements.delete(e)) continue;
      this.#view?.unobserve(e);
      e.srcObject = null;
    }
    return els;
  }

  /** The elements the track is attached to. */
  get attachedElements() { return [...this.#elements]; }

  /** The last rendered size reported for this track ({width, height} in device px), or null. */
  get viewSize() { return this.#view ? this.#view.lastSent : null; }

  _show(el) {
    const MediaStreamCtor = this._room?.env.MediaStream ?? globalThis.MediaStream;
    if (!this.track || !MediaStreamCtor) return;
    const current = el.srcObject;
    if (current && typeof current.getTracks === 'function' && current.getTracks()[0] === this.track) return;
    el.srcObject = new MediaStreamCtor([this.track]);
  }

  /** The track arrived (again): show it in the attached elements and report the view size anew. */
  _received() {
    for (const el of this.#elements) this._show(el);
    this.#view?.resend();
  }

  /** The publication is gone: stop observing. */
  _dispose() {
    this.#view?.close();
    this.#view = null;
    this.#elements.clear();
  }
}

/**
 * Measures where one remote video is shown: ResizeObserver for the elements' size, IntersectionObserver and the
 * document's visibility for whether they can be seen. The largest visible element wins; nothing visible is 0x0.
 * Debounced: a size is sent once it stayed the same for VIEW_DEBOUNCE_MILLIS, and only when it changed.
 */
class ViewReporter {
  /** @type {{width: number, height: number}|null} */
  lastSent = null;
  #room;
  #pub;
  #elements = new Map(); // el -> {intersecting}
  #resize = null;
  #intersect = null;
  #timer = null;
  #onVisibility = () => this.schedule();

  constructor(room, pub) {
    this.#room = room;
    this.#pub = pub;
    const env = room.env;
    if (env.ResizeObserver) this.#resize = new env.ResizeObserver(() => this.schedule());
    if (env.IntersectionObserver) {
      this.#intersect = new env.IntersectionObserver((entries) => {
        for (const entry of entries) {
          const state = this.#elements.get(entry.target);
          if (state) state.intersecting = entry.isIntersecting !== false;
        }
        this.schedule();
      });
    }
    env.document?.addEventListener?.('visibilitychange', this.#onVisibility);
  }

  observe(el) {
    if (this.#elements.has(el)) return;
    this.#elements.set(el, { intersecting: true });
    this.#resize?.observe(el);
    this.#intersect?.observe(el);
    this.schedule();
  }

  unobserve(el) {
    if (!this.#elements.delete(el)) return;
    this.#resize?.unobserve(el);
    this.#intersect?.unobserve(el);
    this.schedule();
  }

  /** Forget what was sent (a new subscription on the server) and report again. */
  resend() {
    this.lastSent = null;
    this.schedule();
  }

  close() {
    if (this.#timer !== null) this.#room.env.clearTimeout(this.#timer);
    this.#timer = null;
    this.#resize?.disconnect();
    this.#intersect?.disconnect();
    this.#room.env.document?.removeEventListener?.('visibilitychange', this.#onVisibility);
    this.#elements.clear();
  }

  /** The size now, in device pixels. */
  measure() {
    const env = this.#room.env;
    if (env.document?.visibilityState === 'hidden' || env.document?.hidden === true) return { width: 0, height: 0 };
    const dpr = env.devicePixelRatio();
    let width = 0;
    let height = 0;
    for (const [el, state] of this.#elements) {
      if (!state.intersecting) continue;
      const w = Math.round((el.clientWidth ?? 0) * dpr);
      const h = Math.round((el.clientHeight ?? 0) * dpr);
      if (w * h > width * height) {
        width = w;
        height = h;
      }
    }
    return { width: Math.min(width, 16_384), height: Math.min(height, 16_384) };
  }

  schedule() {
    const env = this.#room.env;
    if (this.#timer !== null) env.clearTimeout(this.#timer);
    this.#timer = env.setTimeout(() => {
      this.#timer = null;
      this.#flush();
    }, VIEW_DEBOUNCE_MILLIS);
  }

  #flush() {
    const pub = this.#pub;
    if (!pub.subscribed || !pub.track || this.#room.state !== 'connected') return;
    const size = this.measure();
    if (this.lastSent && this.lastSent.width === size.width && this.lastSent.height === size.height) return;
    this.lastSent = size;
    this.#room.engine.request({ type: 'track_view', sid: pub.sid, width: size.width, height: size.height })
      .catch(() => { this.#room.engine.counters.trackViewErrors += 1; });
  }
}

export class RemoteParticipant {
  constructor(info) {
    this.identity = info.identity;
    this.name = info.name;
    this.role = info.role;
    this.metadata = info.metadata;
    this.tracks = new Map();
    /** Connection tier from `connection_quality` (excellent, good, poor, lost), null while unknown. */
    this.connectionQuality = null;
    /** 0..100, null when unknown. */
    this.connectionScore = null;
  }

  getTrackPublication(source) {
    for (const pub of this.tracks.values()) if (pub.source === source) return pub;
    return undefined;
  }
}

export class LocalTrackPublication {
  constructor(track, source, simulcast = false) {
    this.sid = null;
    this.kind = track.kind;
    this.source = source;
    this.muted = track.enabled === false;
    this.track = track;
    /** Sent as three simulcast layers (rids q, h, f; a camera by default). */
    this.simulcast = simulcast;
    /** The layers the server last said someone watches (`layers`), null before it said anything. */
    this.activeLayers = null;
  }
}

export class LocalParticipant {
  identity = null;
  name = null;
  role = null;
  metadata = null;
  /** Own connection tier from `connection_quality`, null while unknown; connectionScore 0..100 or null. */
  connectionQuality = null;
  connectionScore = null;
  /** Published tracks by sid (a publication appears once the server has given it a sid). */
  tracks = new Map();
  #room;
  #ownedTracks = new WeakSet(); // tracks the SDK captured itself, stopped when unpublished
  #preferredDevice = { videoinput: undefined, audioinput: undefined };
  #busy = new Map(); // source -> promise of an enable/disable in progress

  constructor(room) {
    this.#room = room;
  }

  /** Every local publication, including ones still waiting for their sid. */
  get publications() { return [...this.#room.engine.publisher.pubs]; }

  getTrackPublication(source) {
    return this.publications.find((p) => p.source === source);
  }

  async publishTrack(track, options = {}) {
    const room = this.#room;
    this.#checkCanPublish();
    if (!track || (track.kind !== 'audio' && track.kind !== 'video')) throw new OnairError('bad_request', 'not a MediaStreamTrack');
    const source = options.source ?? (track.kind === 'audio' ? 'microphone' : 'camera');
    if (!SOURCES.has(source)) throw new OnairError('bad_request', `unknown source ${source}`);
    const simulcast = track.kind === 'video' && source === 'camera' && options.simulcast !== false;
    const pub = new LocalTrackPublication(track, source, simulcast);
    try {
      await room.engine.publisher.add(pub);
    } catch (e) {
      // Refused: forget it; its transceiver goes inactive with the next offer.
      room.engine.publisher.pubs.delete(pub);
      if (pub.sid !== null) this.tracks.delete(pub.sid);
      throw e;
    }
    return pub;
  }

  /** Stops sending the track (its m-line goes inactive); stops it too when the SDK captured it. */
  async unpublishTrack(trackOrPublication) {
    const room = this.#room;
    const pub = this.publications.find((p) => p === trackOrPublication || p.track === trackOrPublication);
    if (!pub) return;
    if (pub.sid !== null) this.tracks.delete(pub.sid);
    const done = room.engine.publisher.remove(pub);
    if (this.#ownedTracks.has(pub.track)) pub.track.stop();
    room.emit('localTrackUnpublished', pub);
    await done;
  }

  /** Publishes the camera; as three simulcast layers unless `options.simulcast` is false. */
  enableCamera(enabled, constraints = {}, options = {}) {
    return this.#toggle('camera', enabled, async () => {
      const deviceId = this.#preferredDevice.videoinput;
      const video = { width: { ideal: 1280 }, height: { ideal: 720 }, ...constraints };
      if (deviceId) video.deviceId = { exact: deviceId };
      return [[await this.#capture({ video }, 'video'), 'camera']];
    }, options);
  }

  enableMicrophone(enabled, constraints = {}) {
    return this.#toggle('microphone', enabled, async () => {
      const deviceId = this.#preferredDevice.audioinput;
      const audio = { echoCancellation: true, noiseSuppression: true, ...constraints };
      if (deviceId) audio.deviceId = { exact: deviceId };
      return [[await this.#capture({ audio }, 'audio'), 'microphone']];
    });
  }

  /** getDisplayMedia; publishes `screen` (and `screen_audio` when the browser shares audio). */
  enableScreenShare(enabled) {
    return this.#toggle('screen', enabled, async () => {
      const devices = this.#room.env.mediaDevices;
      if (!devices?.getDisplayMedia) throw new OnairError('unsupported', 'screen sharing is not available');
      const stream = await devices.getDisplayMedia({ video: true, audio: true });
      const video = stream.getVideoTracks()[0];
      const audio = stream.getAudioTracks()[0];
      for (const t of stream.getTracks()) this.#ownedTracks.add(t);
      video.addEventListener?.('ended', () => { this.enableScreenShare(false).catch(() => {}); });
      return audio ? [[video, 'screen'], [audio, 'screen_audio']] : [[video, 'screen']];
    });
  }

  /** Mutes or unmutes the published track of `source`: disables it locally and sends `mute`. */
  async setMuted(source, muted) {
    const pub = this.getTrackPublication(source);
    if (!pub) throw new OnairError('unknown_track', `nothing published from ${source}`);
    const before = pub.muted;
    this.#applyMute(pub, muted);
    // Not connected: the `muted` flag travels with the next publish offer (the resume re-offer included).
    if (pub.sid === null || this.#room.state !== 'connected') return;
    try {
      await this.#room.engine.request({ type: 'mute', sid: pub.sid, muted });
    } catch (e) {
      // Refused (e.g. unmuting an admin mute): back to what the server has. A dropped socket is no refusal.
      if (!(e instanceof OnairError && e.code === 'connection_closed')) this.#applyMute(pub, before);
      throw e;
    }
  }

  #applyMute(pub, muted) {
    pub.track.enabled = !muted;
    if (pub.muted !== muted) {
      pub.muted = muted;
      this.#room.emit('trackMuted', pub, this, 'self');
    }
  }

  /** Switches camera or microphone to another device with replaceTrack (no renegotiation). */
  async switchDevice(kind, deviceId) {
    if (kind !== 'videoinput' && kind !== 'audioinput') throw new OnairError('bad_request', `cannot switch ${kind}`);
    this.#preferredDevice[kind] = deviceId;
    const pub = this.getTrackPublication(kind === 'videoinput' ? 'camera' : 'microphone');
    if (!pub) return;
    const old = pub.track;
    const constraints = kind === 'videoinput'
      ? { video: { ...old.getConstraints?.(), deviceId: { exact: deviceId } } }
      : { audio: { ...old.getConstraints?.(), deviceId: { exact: deviceId } } };
    const track = await this.#capture(constraints, kind === 'videoinput' ? 'video' : 'audio');
    track.enabled = !pub.muted;
    await this.#room.engine.publisher.replaceTrack(pub, track);
    pub.track = track;
    if (this.#ownedTracks.has(old)) old.stop();
  }

  /** Forgets everything after leaving; tracks the SDK captured are stopped. */
  _cleared(pubs) {
    for (const pub of pubs) if (this.#ownedTracks.has(pub.track)) pub.track.stop();
    this.tracks.clear();
  }

  #checkCanPublish() {
    if (this.#room.state === 'disconnected') throw new OnairError('not_connected', 'connect before publishing');
    if (this.role === 'viewer') throw new OnairError('forbidden', 'a viewer cannot publish');
  }

  async #capture(constraints, kind) {
    const devices = this.#room.env.mediaDevices;
    if (!devices?.getUserMedia) throw new OnairError('unsupported', 'getUserMedia is not available');
    const stream = await devices.getUserMedia(constraints);
    const track = kind === 'video' ? stream.getVideoTracks()[0] : stream.getAudioTracks()[0];
    this.#ownedTracks.add(track);
    return track;
  }

  #toggle(source, enabled, capture, options = {}) {
    const previous = this.#busy.get(source) ?? Promise.resolve();
    const next = previous.catch(() => {}).then(async () => {
      const existing = this.publications.filter((p) => p.source === source || (source === 'screen' && p.source === 'screen_audio'));
      if (enabled) {
        if (existing.length > 0) {
          if (existing[0].muted) await this.setMuted(source, false);
          return existing[0];
        }
        this.#checkCanPublish(); // before asking for a camera we could not use
        const captured = await capture();
        try {
          const pubs = await Promise.all(captured.map(([track, s]) => this.publishTrack(track, { ...options, source: s })));
          return pubs[0];
        } catch (e) {
          for (const [track] of captured) track.stop();
          throw e;
        }
      }
      await Promise.all(existing.map((p) => this.unpublishTrack(p)));
      return undefined;
    });
    this.#busy.set(source, next);
    return next;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Room

/** The connection tiers of `connection_quality`, best first. */
export const CONNECTION_TIERS = ['excellent', 'good', 'poor', 'lost'];

/**
 * The network lab of a room, for a token with the `lab` permission: `presets` (empty without `lab`),
 * `applied` (what the server applied to us: {preset, seed, direction}, or null), `setImpairment`, `clear`.
 * Emits nothing itself: the room emits `impairmentChanged` with `applied`.
 */
export class RoomLab {
  presets = [];
  applied = null;
  #room;

  constructor(room) {
    this.#room = room;
  }

  /** True when the token holds `lab` (the joined frame listed the presets). */
  get enabled() { return this.presets.length > 0; }

  /** Impairs our own network: `{preset, seed?, direction?: 'uplink'|'downlink'|'both'}`; resolves with `applied`. */
  setImpairment({ preset, seed, direction } = {}) {
    const frame = { type: 'set_impairment', preset };
    if (seed !== undefined && seed !== null) frame.seed = seed;
    if (direction !== undefined && direction !== null) frame.direction = direction;
    return this.#room.engine.request(frame).then((reply) => this._applied(reply));
  }

  /** Lifts our impairment; resolves with null. */
  clear() {
    return this.#room.engine.request({ type: 'clear_impairment' }).then((reply) => this._applied(reply));
  }

  _applyJoined(frame) {
    const presets = isObject(frame.lab) && Array.isArray(frame.lab.presets) ? frame.lab.presets : [];
    this.presets = presets.filter(isString);
  }

  _applied(reply) {
    const next = isObject(reply) && reply.enabled === true
      ? { preset: reply.preset, seed: reply.seed, direction: reply.direction } : null;
    this.applied = next;
    this.#room.emit('impairmentChanged', next);
    return next;
  }
}

export class Room extends Emitter {
  name = null;
  kind = null;
  viewerCount = 0;
  /** @type {Map<string, RemoteParticipant>} */
  participants = new Map();
  activeSpeakers = [];

  constructor(options = {}) {
    super();
    this.options = {
      autoSubscribe: options.autoSubscribe ?? true,
      resumeWindowMillis: options.resumeWindowMillis ?? DEFAULT_RESUME_WINDOW_MILLIS,
      iceServers: options.iceServers ?? [],
      statsIntervalMillis: options.statsIntervalMillis ?? DEFAULT_STATS_INTERVAL_MILLIS,
    };
    this.env = resolveEnv(options.env);
    this.localParticipant = new LocalParticipant(this);
    this.engine = new Engine(this, this.options, this.env);
    /** The network lab (a token with `lab`): presets, setImpairment, clear. */
    this.lab = new RoomLab(this);
    /** The room's messages over /chat, opened with the room's token after `connect` (unless `chat: false`). */
    this.chat = new Chat(null, null, {
      env: options.env, random: options.random, forwardTo: this, rateLimitRetries: options.chatRateLimitRetries,
    });
    this.options.chat = options.chat ?? true;
  }

  get state() { return this.engine.state; }

  /** Opens the socket and joins; resolves once `joined` arrived (the snapshot is then in `participants`). */
  connect(url, token, options = {}) {
    return this.engine.connect(url, token, options.room).then(() => {
      if (this.options.chat) this.chat.connect(url, token, { room: options.room ?? null });
    });
  }

  /** Sends `leave` and closes everything (the chat too). */
  disconnect() {
    this.chat.close();
    return this.engine.disconnect();
  }

  /** Uploads the peer connections' getStats() summary now; resolves with the body sent, or null (nothing to send). */
  uploadStats() {
    return this.engine.stats.collect();
  }

  /** Receives a remote track (needed with autoSubscribe: false). */
  subscribe(sid) {
    const found = this.#find(sid);
    if (!found) return Promise.reject(new OnairError('unknown_track', `no track ${sid}`));
    return this.#subscribe(found.pub);
  }

  /** Stops receiving a remote track; its transceiver goes inactive and is reused later. */
  unsubscribe(sid) {
    const found = this.#find(sid);
    if (!found) return Promise.reject(new OnairError('unknown_track', `no track ${sid}`));
    const { pub, participant } = found;
    if (!pub.subscribed) return Promise.resolve();
    pub.subscribed = false;
    this.#dropTrack(pub, participant);
    this.#setPubState(pub, 'unsubscribed');
    return this.engine.subscriber.unwant(sid);
  }

  /** Test hook: closes the WebSocket abruptly, without `leave`, so that resume kicks in. */
  simulateSocketDrop() {
    this.engine.simulateSocketDrop();
  }

  /** enumerateDevices(), filtered by kind when given. */
  static async getDevices(kind, env) {
    const devices = resolveEnv(env).mediaDevices;
    if (!devices?.enumerateDevices) return [];
    const all = await devices.enumerateDevices();
    return kind ? all.filter((d) => d.kind === kind) : all;
  }

  // ----- called by the engine (not public API) -----

  _applyJoined(frame) {
    this.name = isObject(frame.room) && isString(frame.room.name) ? frame.room.name : null;
    this.kind = isObject(frame.room) && isString(frame.room.kind) ? frame.room.kind : 'conference';
    this.#setLocal(readParticipant(frame.participant));
    this.participants.clear();
    for (const info of (Array.isArray(frame.participants) ? frame.participants : []).map(readParticipant)) {
      if (!info || info.identity === this.localParticipant.identity) continue;
      const p = new RemoteParticipant(info);
      this.participants.set(p.identity, p);
      for (const t of info.tracks) this.#addPublication(p, t, false);
    }
    this.#setViewerCount(Number.isInteger(frame.viewerCount) ? frame.viewerCount : 0);
    this.lab._applyJoined(frame);
  }

  /** After a resume: the snapshot against what we know; events only for what really changed. */
  _reconcile(frame) {
    if (isObject(frame.room) && isString(frame.room.kind)) this.kind = frame.room.kind;
    this.#setLocal(readParticipant(frame.participant));
    const infos = (Array.isArray(frame.participants) ? frame.participants : []).map(readParticipant)
      .filter((i) => i && i.identity !== this.localParticipant.identity);
    const seen = new Set(infos.map((i) => i.identity));
    for (const p of [...this.participants.values()]) {
      if (!seen.has(p.identity)) this.#removeParticipant(p, 'left while reconnecting');
    }
    for (const info of infos) {
      const p = this.participants.get(info.identity);
      if (!p) {
        this.#addParticipant(info);
        continue;
      }
      if (p.name !== info.name || p.metadata !== info.metadata || p.role !== info.role) {
        Object.assign(p, { name: info.name, metadata: info.metadata, role: info.role });
        this.emit('participantUpdated', p);
      }
      const sids = new Set(info.tracks.map((t) => t.sid));
      for (const pub of [...p.tracks.values()]) if (!sids.has(pub.sid)) this.#removePublication(p, pub);
      for (const t of info.tracks) {
        const pub = p.tracks.get(t.sid);
        if (!pub) this.#addPublication(p, t, true);
        else if (pub.muted !== t.muted) {
          pub.muted = t.muted;
          this.emit('trackMuted', pub, p, 'self');
        }
      }
    }
    if (Number.isInteger(frame.viewerCount)) this.#setViewerCount(frame.viewerCount);
  }

  /** `resumed: false`: remote tracks die with the old subscriber PC; local sids are gone. */
  _beforeFreshSession() {
    for (const p of this.participants.values()) {
      for (const pub of p.tracks.values()) {
        this.#dropTrack(pub, p);
        if (pub.subscribed) this.#setPubState(pub, 'subscribing');
      }
    }
    this.localParticipant.tracks.clear();
  }

  _cleared() {
    this.chat.close();
    this.localParticipant._cleared(this.localParticipant.publications);
    for (const p of this.participants.values()) for (const pub of p.tracks.values()) this.#dropTrack(pub, p);
    this.participants.clear();
    this.activeSpeakers = [];
  }

  _localPublished(pub, sid) {
    if (pub.sid !== null) this.localParticipant.tracks.delete(pub.sid);
    pub.sid = sid;
    this.localParticipant.tracks.set(sid, pub);
    this.emit('localTrackPublished', pub);
  }

  _trackReceived(sid, track) {
    const found = this.#find(sid);
    if (!found || !found.pub.subscribed) return;
    const { pub, participant } = found;
    pub.track = track;
    if (pub.state === 'subscribing') this.#setPubState(pub, 'active');
    pub._received();
    this.emit('trackSubscribed', track, pub, participant);
  }

  _subscriptionState(sid, state) {
    const found = this.#find(sid);
    if (found && found.pub.subscribed) this.#setPubState(found.pub, state);
  }

  /** One server event; false when its type is unknown (ignored, counted). */
  _onFrame(frame) {
    switch (frame.type) {
      case 'participant_joined': {
        const info = readParticipant(frame.participant);
        if (!info) throw new Error('participant missing');
        if (info.identity === this.localParticipant.identity) return true;
        const old = this.participants.get(info.identity);
        if (old) this.#removeParticipant(old, 'replaced');
        this.#addParticipant(info);
        return true;
      }
      case 'participant_left': {
        const identity = isObject(frame.participant) ? frame.participant.identity : frame.participant;
        const p = isString(identity) ? this.participants.get(identity) : undefined;
        if (p) this.#removeParticipant(p, isString(frame.reason) ? frame.reason : 'left');
        return true;
      }
      case 'participant_updated': {
        const info = readParticipant(frame.participant);
        if (!info) throw new Error('participant missing');
        if (info.identity === this.localParticipant.identity) {
          Object.assign(this.localParticipant, { name: info.name, metadata: info.metadata });
          this.emit('participantUpdated', this.localParticipant);
          return true;
        }
        const p = this.participants.get(info.identity);
        if (p) {
          Object.assign(p, { name: info.name, metadata: info.metadata, role: info.role });
          this.emit('participantUpdated', p);
        }
        return true;
      }
      case 'track_published': {
        const p = this.participants.get(frame.participant);
        const t = readTrack(frame.track);
        if (!t) throw new Error('track missing');
        if (p && !p.tracks.has(t.sid)) this.#addPublication(p, t, true);
        return true;
      }
      case 'track_unpublished': {
        const p = this.participants.get(frame.participant);
        const pub = p && isObject(frame.track) ? p.tracks.get(frame.track.sid) : undefined;
        if (pub) this.#removePublication(p, pub);
        return true;
      }
      case 'track_muted':
        this.#onTrackMuted(frame);
        return true;
      case 'active_speakers': {
        const speakers = (Array.isArray(frame.speakers) ? frame.speakers : [])
          .filter((s) => isObject(s) && isString(s.identity))
          .map((s) => ({ identity: s.identity, level: typeof s.level === 'number' ? s.level : 0 }));
        this.activeSpeakers = speakers;
        this.emit('activeSpeakersChanged', speakers);
        return true;
      }
      case 'subscription_state':
        for (const t of Array.isArray(frame.tracks) ? frame.tracks : []) {
          if (isObject(t) && isString(t.sid) && isString(t.state)) this._subscriptionState(t.sid, t.state);
        }
        return true;
      case 'error':
        this.emit('error', new OnairError(isString(frame.code) ? frame.code : 'unknown_error',
          isString(frame.message) ? frame.message : 'error'));
        return true;
      case 'connection_quality':
        this.#onConnectionQuality(frame);
        return true;
      case 'impairment':
        this.lab._applied(frame);
        return true;
      case 'layers':
        this.#onLayers(frame);
        return true;
      case 'ok':
        return true; // an answer whose request was already given up
      default:
        return false;
    }
  }

  // ----- internals -----

  #onConnectionQuality(frame) {
    const updates = [];
    for (const q of Array.isArray(frame.participants) ? frame.participants : []) {
      if (!isObject(q) || !isString(q.identity) || !CONNECTION_TIERS.includes(q.tier)) continue;
      const p = q.identity === this.localParticipant.identity ? this.localParticipant
        : this.participants.get(q.identity);
      if (!p) continue;
      p.connectionQuality = q.tier;
      p.connectionScore = typeof q.score === 'number' ? q.score : null;
      updates.push({ identity: q.identity, tier: q.tier, score: p.connectionScore, participant: p });
    }
    if (updates.length > 0) this.emit('connectionQuality', updates);
  }

  /** Dynacast: the server says which layers of our track someone watches (empty: nobody; pause them all). */
  #onLayers(frame) {
    if (!isString(frame.sid) || !Array.isArray(frame.active)) throw new Error('layers needs sid and active');
    const pub = this.localParticipant.tracks.get(frame.sid);
    if (!pub) return;
    const rids = frame.active.filter(isString);
    pub.activeLayers = rids;
    this.engine.publisher.setActiveLayers(pub, rids)
      .then((changed) => { if (changed) this.emit('localTrackLayersChanged', pub, rids); })
      .catch((e) => this.engine.reportError(e));
  }

  #onTrackMuted(frame) {
    if (!isObject(frame.track) || !isString(frame.track.sid)) throw new Error('track missing');
    const muted = frame.track.muted === true;
    const by = frame.by === 'admin' ? 'admin' : 'self';
    if (frame.participant === this.localParticipant.identity) {
      const pub = this.localParticipant.tracks.get(frame.track.sid);
      if (!pub) return;
      if (by === 'admin' && pub.track) pub.track.enabled = !muted;
      if (pub.muted !== muted) {
        pub.muted = muted;
        this.emit('trackMuted', pub, this.localParticipant, by);
      }
      return;
    }
    const p = this.participants.get(frame.participant);
    const pub = p?.tracks.get(frame.track.sid);
    if (pub && pub.muted !== muted) {
      pub.muted = muted;
      this.emit('trackMuted', pub, p, by);
    }
  }

  #setLocal(info) {
    Object.assign(this.localParticipant, {
      identity: info.identity, name: info.name, role: info.role, metadata: info.metadata,
    });
  }

  #addParticipant(info) {
    const p = new RemoteParticipant(info);
    this.participants.set(p.identity, p);
    if (p.role === 'viewer') this.#setViewerCount(this.viewerCount + 1);
    this.emit('participantJoined', p);
    for (const t of info.tracks) this.#addPublication(p, t, true);
  }

  #removeParticipant(p, reason) {
    for (const pub of [...p.tracks.values()]) this.#removePublication(p, pub);
    this.participants.delete(p.identity);
    if (p.role === 'viewer') this.#setViewerCount(Math.max(0, this.viewerCount - 1));
    this.emit('participantLeft', p, reason);
  }

  #addPublication(p, info, emit) {
    const pub = new RemoteTrackPublication(info, p.identity, this);
    p.tracks.set(pub.sid, pub);
    if (emit) this.emit('trackPublished', pub, p);
    if (this.options.autoSubscribe) this.#subscribe(pub).catch((e) => this.engine.reportError(e));
  }

  #removePublication(p, pub) {
    this.#dropTrack(pub, p);
    this.engine.subscriber.forget(pub.sid);
    pub.subscribed = false;
    this.#setPubState(pub, 'unsubscribed');
    p.tracks.delete(pub.sid);
    pub._dispose();
    this.emit('trackUnpublished', pub, p);
  }

  #subscribe(pub) {
    if (!pub.subscribed) {
      pub.subscribed = true;
      this.#setPubState(pub, 'subscribing');
    }
    return this.engine.subscriber.want(pub.sid, pub.kind);
  }

  #dropTrack(pub, p) {
    if (!pub.track) return;
    const track = pub.track;
    pub.track = null;
    this.emit('trackUnsubscribed', track, pub, p);
  }

  #setPubState(pub, state) {
    if (pub.state === state) return;
    pub.state = state;
    this.emit('subscriptionStateChanged', pub, state);
  }

  #setViewerCount(n) {
    if (this.viewerCount === n) return;
    this.viewerCount = n;
    this.emit('viewerCountChanged', n);
  }

  #find(sid) {
    for (const participant of this.participants.values()) {
      const pub = participant.tracks.get(sid);
      if (pub) return { pub, participant };
    }
    return null;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Messaging: chat, reactions and screen effects, events, DMs, typing over the WebSocket /chat (docs/messaging.md)

/**
 * Close codes of /chat after which reconnecting is pointless: bad token, other room or banned, malformed join (4400
 * also closes a socket that kept sending malformed frames: its close reason then says `protocol_error`).
 */
const CHAT_FATAL_CLOSE_CODES = new Map([[4401, 'unauthenticated'], [4403, 'forbidden'], [4400, 'bad_request']]);
const CHAT_SEND_KINDS = new Set(['chat', 'dm', 'reaction', 'effect', 'event']);
const CHAT_MAX_PENDING = 1_000;
/** A send refused with `rate_limited` is re-sent (same clientMsgId) this many times by default before it rejects. */
export const CHAT_RATE_LIMIT_RETRIES = 3;
/** The wait before such a re-send when the error carries no usable `retryAfterMillis`; waits are capped at 10 s. */
const CHAT_RATE_LIMIT_DEFAULT_WAIT_MILLIS = 1_000;
const CHAT_RATE_LIMIT_MAX_WAIT_MILLIS = 10_000;
/** `chat.messages` keeps the newest this many (the server's default history), so a long session stays small. */
export const CHAT_MAX_MESSAGES = 1_000;

/** ws(s)://host/chat from ws(s):// or http(s):// URLs; a bare host path ("/") or a signalling "/rtc" becomes "/chat". */
export function chatUrl(url, base) {
  const u = new URL(signalUrl(url, base));
  u.pathname = u.pathname.replace(/\/rtc$/, '/chat');
  return u.toString();
}

/**
 * Delay before chat reconnect attempt `attempt` (0-based): reconnectDelayMillis(attempt) scaled by a jitter
 * in [0.5, 1) drawn from `random` (a seeded generator in tests), so that a node restart does not bring every
 * client back in the same millisecond.
 */
export function chatReconnectDelayMillis(attempt, random = Math.random) {
  return Math.round(reconnectDelayMillis(attempt) * (0.5 + 0.5 * random()));
}

/**
 * The room's messages over its own WebSocket `/chat`: `room.chat` of a Room (connected with the room's token after
 * `connect`), or on its own for viewers without media: `new Chat(url, token, { room })`. Every send resolves on
 * its `ack` ({seq, epoch, duplicate}) or rejects with an OnairError carrying the server's error `code`. A dropped
 * socket reconnects with backoff and resumes from the last sequence seen (nothing lost, nothing twice); unacked
 * messages are re-sent with their `clientMsgId`, so the server stores them once.
 */
export class Chat extends Emitter {
  /** 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'closed' */
  state = 'idle';
  /** The room's messages in `seq` order (deleted ones removed): chat, dm, reaction, effect, event, presence. */
  messages = [];
  /** The log's epoch and the last sequence seen: the resume point. */
  epoch = null;
  lastSeq = 0;
  counters = { badFrames: 0, duplicates: 0, reconnects: 0, otherEpoch: 0 };
  #env;
  #forward;
  #random;
  #rateLimitRetries;
  #url = null;
  #token = null;
  #room = null;
  #socket = null;
  #pending = new Map(); // clientMsgId -> { frame, resolve, reject, rateLimited (re-sends so far), retryTimer }
  #nextId = 0;
  #idPrefix;
  #attempt = 0;
  #retryTimer = null;
  #replayUpTo = 0; // messages up to this seq after a `resumed` are replayed (not live)
  #typing = false;
  #refusal = null; // the code of an error frame that answered no send on this socket (a join refusal precedes its close)

  /**
   * @param url ws(s):// or http(s):// of the server (or null: Room starts it later)
   * @param options room, env (tests), random (jitter; a seeded generator in tests), rateLimitRetries (re-sends of
   *   a `rate_limited` send, default CHAT_RATE_LIMIT_RETRIES; 0: reject at once), forwardTo (internal)
   */
  constructor(url = null, token = null, options = {}) {
    super();
    this.#env = resolveEnv(options.env);
    this.#forward = options.forwardTo ?? null;
    this.#random = options.random ?? Math.random;
    this.#rateLimitRetries = Number.isInteger(options.rateLimitRetries) && options.rateLimitRetries >= 0
      ? options.rateLimitRetries : CHAT_RATE_LIMIT_RETRIES;
    this.#idPrefix = typeof globalThis.crypto?.randomUUID === 'function' && !options.random
      ? globalThis.crypto.randomUUID() : `c${Math.floor(this.#random() * 1e9).toString(36)}`;
    if (url !== null && token !== null) this.connect(url, token, options);
  }

  /** Opens the socket (again); events and sends work from now on and survive reconnects until close(). */
  connect(url, token, options = {}) {
    if (!isString(token) || token === '') throw new OnairError('bad_request', 'a token is required');
    if (this.state !== 'idle' && this.state !== 'closed') this.#finish('chat_closed', null); // a fresh view
    this.messages = [];
    this.epoch = null;
    this.lastSeq = 0;
    this.#url = chatUrl(url);
    this.#token = token;
    this.#room = options.room ?? null;
    this.#attempt = 0;
    this.#setState('connecting');
    this.#open();
  }

  /** A chat message; resolves with {seq, epoch, duplicate} once stored. */
  send(text) { return this.#submit({ kind: 'chat', text }); }

  /** A reaction (rendered as a screen effect by every client), e.g. sendReaction('heart'). */
  sendReaction(name, params = {}) { return this.#submit({ kind: 'reaction', name, params }); }

  /** A screen effect, e.g. sendEffect('confetti', { x: 0.5, y: 0.2 }). */
  sendEffect(name, params = {}) { return this.#submit({ kind: 'effect', name, params }); }

  /** An application-defined event: any JSON but null, ≤ 8 KiB. */
  sendEvent(data) { return this.#submit({ kind: 'event', data }); }

  /** A direct message, delivered only to `to` (an identity) and back to us. */
  sendDm(to, text) { return this.#submit({ kind: 'dm', to, text }); }

  /** Typing on or off: ephemeral, sent only when it changes and only while connected. */
  setTyping(typing) {
    const next = !!typing;
    if (next === this.#typing) return Promise.resolve();
    this.#typing = next;
    if (this.state === 'connected') this.#write({ type: 'send', kind: 'presence', state: next ? 'typing' : 'idle' });
    return Promise.resolve();
  }

  /**
   * Admins only (a token with `admin`): deletes message `seq` for everyone. Resolves once the `delete` frame is
   * written; the server then sends every socket the tombstone (`messageDeleted(seq)`), or this one an `error` event
   * (`forbidden`, `not_found`). Rejects with `not_connected` while the socket is not joined.
   */
  deleteMessage(seq) {
    if (!Number.isInteger(seq) || seq < 1) return Promise.reject(new OnairError('bad_request', 'seq must be a positive integer'));
    if (this.state !== 'connected') return Promise.reject(new OnairError('not_connected', `the chat is ${this.state}`));
    this.#write({ type: 'delete', seq });
    return Promise.resolve();
  }

  /** Leaves for good: the socket closes and unacked sends reject with `chat_closed`. */
  close() {
    this.#finish('chat_closed', null);
  }

  /** Test hook: drops the socket as a network failure would (a reconnect follows). */
  simulateSocketDrop() {
    if (!this.#socket) return;
    const socket = this.#socket;
    this.#detach(socket);
    try { socket.close(4000, 'simulated drop'); } catch { /* already closed */ }
    this.#lost();
  }

  emit(event, ...args) {
    super.emit(event, ...args);
    this.#forward?.emit(event, ...args);
  }

  // ----- internals -----

  #submit(body) {
    if (this.state === 'closed') return Promise.reject(new OnairError('chat_closed', 'the chat is closed'));
    if (!CHAT_SEND_KINDS.has(body.kind)) return Promise.reject(new OnairError('unknown_kind', body.kind));
    if (this.#pending.size >= CHAT_MAX_PENDING) {
      return Promise.reject(new OnairError('too_many_pending', 'too many unacknowledged messages'));
    }
    const clientMsgId = `${this.#idPrefix}-${++this.#nextId}`;
    const frame = { type: 'send', clientMsgId, ...body };
    return new Promise((resolve, reject) => {
      this.#pending.set(clientMsgId, { frame, resolve, reject, rateLimited: 0, retryTimer: null });
      if (this.state === 'connected') this.#write(frame);
    });
  }

  #open() {
    this.#refusal = null;
    const socket = new this.#env.WebSocket(this.#url);
    this.#socket = socket;
    socket.onopen = () => {
      if (socket !== this.#socket) return;
      const join = { type: 'join', token: this.#token };
      if (this.#room !== null) join.room = this.#room;
      if (this.epoch !== null) Object.assign(join, { epoch: this.epoch, lastSeq: this.lastSeq });
      this.#write(join);
    };
    socket.onmessage = (ev) => { if (socket === this.#socket) this.#onMessage(ev.data); };
    socket.onclose = (ev) => { if (socket === this.#socket) this.#onClose(ev?.code ?? 1006, ev?.reason ?? ''); };
    socket.onerror = () => {}; // the close event follows
  }

  #write(frame) {
    try {
      this.#socket?.send(JSON.stringify(frame));
    } catch {
      // not open: the close event follows and the frame is re-sent after the resume
    }
  }

  #onMessage(data) {
    let frame;
    try {
      frame = JSON.parse(data);
    } catch {
      frame = null;
    }
    if (!isObject(frame) || !isString(frame.type)) {
      this.counters.badFrames += 1;
      return;
    }
    switch (frame.type) {
      case 'resumed': return this.#onResumed(frame);
      case 'msg': return this.#onMsg(frame);
      case 'ack': return this.#onAck(frame);
      case 'error': return this.#onError(frame);
      case 'typing':
        if (isObject(frame.from) && isString(frame.from.identity)) {
          this.emit('typing', { identity: frame.from.identity, name: isString(frame.from.name) ? frame.from.name : null },
            frame.state === 'typing');
        }
        return undefined;
      default:
        this.counters.badFrames += 1;
        return undefined;
    }
  }

  #onResumed(frame) {
    if (!Number.isInteger(frame.epoch) || !Number.isInteger(frame.lastSeq)) {
      this.counters.badFrames += 1;
      return;
    }
    const hadView = this.epoch !== null;
    if (frame.recovered !== true) {
      // a snapshot follows and replaces our view (on the first join the view is empty anyway)
      this.messages = [];
      this.lastSeq = 0;
    }
    this.epoch = frame.epoch;
    this.#replayUpTo = frame.lastSeq;
    this.#attempt = 0;
    const was = this.state;
    this.#setState('connected');
    if (frame.recovered !== true && hadView) this.emit('chatResync', this.messages);
    if (was === 'reconnecting' && this.#typing) this.#write({ type: 'send', kind: 'presence', state: 'typing' });
    for (const { frame: pending } of this.#pending.values()) this.#write(pending); // same clientMsgId: stored once
  }

  #onMsg(frame) {
    if (!Number.isInteger(frame.seq) || frame.seq < 1 || !isString(frame.kind)) {
      this.counters.badFrames += 1;
      return;
    }
    if (frame.epoch !== this.epoch) {
      this.counters.otherEpoch += 1;
      return;
    }
    if (frame.seq <= this.lastSeq) {
      this.counters.duplicates += 1;
      return;
    }
    this.lastSeq = frame.seq;
    if (frame.deleted === true) return;
    const { type, ...msg } = frame;
    msg.replayed = frame.seq <= this.#replayUpTo;
    if (msg.kind === 'delete') {
      const i = this.messages.findIndex((m) => m.seq === msg.targetSeq);
      if (i >= 0) this.messages.splice(i, 1);
      this.emit('messageDeleted', msg.targetSeq);
      return;
    }
    this.messages.push(msg);
    if (this.messages.length > CHAT_MAX_MESSAGES) this.messages.splice(0, this.messages.length - CHAT_MAX_MESSAGES);
    switch (msg.kind) {
      case 'chat': this.emit('chat', msg); break;
      case 'dm': this.emit('dm', msg); break;
      case 'reaction':
      case 'effect': this.emit('effect', msg); break;
      case 'event': this.emit('event', msg); break;
      case 'presence': this.emit('presence', msg); break;
      default: break; // a newer kind: kept in `messages`, no event
    }
  }

  #onAck(frame) {
    const pending = isString(frame.clientMsgId) ? this.#pending.get(frame.clientMsgId) : undefined;
    if (!pending) return;
    this.#settle(frame.clientMsgId, pending);
    pending.resolve({ seq: frame.seq, epoch: frame.epoch, duplicate: frame.duplicate === true });
  }

  #onError(frame) {
    const code = isString(frame.code) ? frame.code : 'unknown_error';
    const error = new OnairError(code, isString(frame.reason) ? frame.reason : code);
    if (Number.isInteger(frame.retryAfterMillis)) error.retryAfterMillis = frame.retryAfterMillis;
    const pending = isString(frame.clientMsgId) ? this.#pending.get(frame.clientMsgId) : undefined;
    if (pending) {
      if (code === 'rate_limited' && pending.retryTimer !== null) return; // a re-send is already scheduled
      if (code === 'rate_limited' && pending.rateLimited < this.#rateLimitRetries) {
        this.#retryLater(frame.clientMsgId, pending, frame.retryAfterMillis);
        return;
      }
      this.#settle(frame.clientMsgId, pending);
      error.clientMsgId = frame.clientMsgId;
      if (code === 'rate_limited' && pending.rateLimited > 0) {
        error.message = `still rate limited after ${pending.rateLimited} re-sends: ${error.message}`;
      }
      error.retries = pending.rateLimited;
      pending.reject(error);
      return;
    }
    this.#refusal = code;
    this.emit('error', error); // a join refusal (the close follows), a typing refusal, a bad frame of ours
  }

  /**
   * Re-sends a `rate_limited` message after the server's `retryAfterMillis` with the same clientMsgId (the server
   * stores it once). While the socket is down the resume re-sends it anyway.
   */
  #retryLater(clientMsgId, pending, retryAfterMillis) {
    pending.rateLimited += 1;
    const wait = Number.isInteger(retryAfterMillis) && retryAfterMillis > 0
      ? Math.min(retryAfterMillis, CHAT_RATE_LIMIT_MAX_WAIT_MILLIS) : CHAT_RATE_LIMIT_DEFAULT_WAIT_MILLIS;
    pending.retryTimer = this.#env.setTimeout(() => {
      pending.retryTimer = null;
      if (this.#pending.get(clientMsgId) === pending && this.state === 'connected') this.#write(pending.frame);
    }, wait);
  }

  /** Forgets an answered send (and its scheduled re-send). */
  #settle(clientMsgId, pending) {
    this.#pending.delete(clientMsgId);
    if (pending.retryTimer !== null) this.#env.clearTimeout(pending.retryTimer);
    pending.retryTimer = null;
  }

  #onClose(code, reason) {
    this.#detach(this.#socket);
    const fatal = code === 4400 && reason === 'protocol_error' ? 'protocol_error' : CHAT_FATAL_CLOSE_CODES.get(code);
    const refusal = this.#refusal; // the server already said why in an error frame
    this.#refusal = null;
    if (fatal) this.#finish(refusal ?? fatal, refusal ? null : fatal);
    else this.#lost();
  }

  #lost() {
    this.#socket = null;
    this.#setState('reconnecting');
    this.#retryTimer = this.#env.setTimeout(() => {
      this.#retryTimer = null;
      if (this.state !== 'reconnecting') return;
      this.counters.reconnects += 1;
      this.#open();
    }, chatReconnectDelayMillis(this.#attempt++, this.#random));
  }

  #detach(socket) {
    if (!socket) return;
    socket.onopen = socket.onmessage = socket.onclose = null;
    if (socket === this.#socket) this.#socket = null;
  }

  #finish(code, reason) {
    if (this.#retryTimer !== null) this.#env.clearTimeout(this.#retryTimer);
    this.#retryTimer = null;
    const socket = this.#socket;
    this.#detach(socket);
    if (socket) {
      try { socket.close(1000, code); } catch { /* already closed */ }
    }
    const pending = [...this.#pending.entries()];
    for (const [id, p] of pending) this.#settle(id, p);
    for (const [, p] of pending) p.reject(new OnairError(code, `chat closed (${code})`));
    this.#typing = false;
    this.#setState('closed');
    if (reason) this.emit('error', new OnairError(reason, `chat closed by the server (${reason})`));
  }

  #setState(state) {
    if (this.state === state) return;
    this.state = state;
    this.emit('chatStateChanged', state);
  }
}
