// Fakes of the browser world for onair.js: WebSocket, RTCPeerConnection, MediaStreamTrack, mediaDevices.
// Each test gets its own set from createEnv(), so nothing leaks between tests. They model only what the SDK
// relies on: mids are assigned by setLocalDescription, `track` fires from setRemoteDescription when a
// transceiver starts receiving, rollback returns to stable.

import { test as nodeTest, mock } from 'node:test';

let trackCounter = 0;

/**
 * node:test's test() with setTimeout/setInterval mocked for the whole test (tick them with mock.timers.tick):
 * no real waiting, and no real 10 s ping interval keeps node alive. Works on Node 18.19+ (enable takes an
 * array there) and Node 20.11+ (an options object).
 */
export function test(name, fn) {
  nodeTest(name, async (t) => {
    try {
      mock.timers.enable({ apis: ['setTimeout', 'setInterval'] });
    } catch {
      mock.timers.enable(['setTimeout', 'setInterval']);
    }
    try {
      await fn(t);
    } finally {
      mock.timers.reset();
    }
  });
}

export class FakeTrack {
  constructor(kind, label = `${kind}-${++trackCounter}`) {
    this.kind = kind;
    this.id = label;
    this.label = label;
    this.enabled = true;
    this.readyState = 'live';
    this.listeners = new Map();
  }

  stop() { this.readyState = 'ended'; }

  addEventListener(type, fn) { this.listeners.set(type, fn); }

  getConstraints() { return {}; }

  /** The user pressed "stop sharing". */
  end() {
    this.readyState = 'ended';
    this.listeners.get('ended')?.();
  }
}

class FakeStream {
  constructor(tracks) { this.tracks = tracks; }

  getTracks() { return [...this.tracks]; }

  getVideoTracks() { return this.tracks.filter((t) => t.kind === 'video'); }

  getAudioTracks() { return this.tracks.filter((t) => t.kind === 'audio'); }
}

/** One fresh fake world; `sockets` and `pcs` list every instance created, in order. */
export function createEnv() {
  const sockets = [];
  const chatSockets = []; // the /chat sockets (room.chat, Chat) apart, so that `sockets` is signalling only
  const pcs = [];
  const userMediaCalls = [];

  class FakeWebSocket {
    constructor(url) {
      this.url = url;
      this.readyState = 0;
      this.sent = [];
      this.closedWith = null;
      (/\/chat$/.test(new URL(url).pathname) ? chatSockets : sockets).push(this);
    }

    send(data) {
      if (this.readyState !== 1) throw new Error('InvalidStateError: not open');
      this.sent.push(JSON.parse(data));
    }

    close(code, reason) {
      this.closedWith = { code, reason };
      this.readyState = 3;
    }

    // ----- test side -----
    serverOpen() {
      this.readyState = 1;
      this.onopen?.({});
    }

    /** The server (or the network) closes the socket. */
    serverClose(code = 1006, reason = '') {
      this.readyState = 3;
      this.onclose?.({ code, reason });
    }

    receive(frame) {
      this.onmessage?.({ data: typeof frame === 'string' ? frame : JSON.stringify(frame) });
    }

    sentOfType(type) { return this.sent.filter((f) => f.type === type); }

    last(type) { return this.sentOfType(type).at(-1); }
  }

  class FakeTransceiver {
    constructor(trackOrKind, init = {}) {
      const track = typeof trackOrKind === 'string' ? null : trackOrKind;
      this.kind = track ? track.kind : trackOrKind;
      this.mid = null;
      this.direction = init.direction ?? 'sendrecv';
      this.currentDirection = null;
      this.firedTrack = false;
      this.replaceTrackCalls = 0;
      this.sendEncodings = (init.sendEncodings ?? [{}]).map((e) => ({ active: true, ...e }));
      this.setParametersCalls = 0;
      this.sender = {
        track,
        replaceTrack: async (t) => { this.replaceTrackCalls += 1; this.sender.track = t; },
        // As in browsers: a copy, and setParameters takes what getParameters returned.
        getParameters: () => ({ transactionId: 'tx', encodings: this.sendEncodings.map((e) => ({ ...e })) }),
        setParameters: async (params) => {
          this.setParametersCalls += 1;
          this.sendEncodings = params.encodings.map((e) => ({ ...e }));
        },
      };
      this.receiver = { track: new FakeTrack(this.kind, `remote-${this.kind}-${++trackCounter}`) };
    }
  }

  class FakePeerConnection {
    constructor(config) {
      this.config = config;
      this.transceivers = [];
      this.signalingState = 'stable';
      this.connectionState = 'new';
      this.iceConnectionState = 'new';
      this.localDescription = null;
      this.remoteDescription = null;
      this.offers = [];
      this.restartIceCalls = 0;
      this.closed = false;
      this.nextMid = 0;
      this.iceRestartPending = false;
      pcs.push(this);
    }

    addTransceiver(trackOrKind, init) {
      const t = new FakeTransceiver(trackOrKind, init);
      this.transceivers.push(t);
      return t;
    }

    getTransceivers() { return [...this.transceivers]; }

    async createOffer() {
      if (this.closed) throw new Error('InvalidStateError: closed');
      const sdp = `v=0 offer ${this.offers.length + 1}${this.iceRestartPending ? ' ice-restart' : ''} `
        + this.transceivers.map((t) => `m=${t.kind} ${t.direction}`).join(' ');
      this.iceRestartPending = false;
      const offer = { type: 'offer', sdp };
      this.offers.push(offer);
      return offer;
    }

    async setLocalDescription(desc) {
      if (this.closed) throw new Error('InvalidStateError: closed');
      if (desc.type === 'rollback') {
        this.signalingState = 'stable';
        return;
      }
      for (const t of this.transceivers) if (t.mid === null) t.mid = String(this.nextMid++);
      this.localDescription = desc;
      this.signalingState = 'have-local-offer';
    }

    async setRemoteDescription(desc) {
      if (this.closed) throw new Error('InvalidStateError: closed');
      if (this.signalingState !== 'have-local-offer') throw new Error('InvalidStateError: no offer');
      this.remoteDescription = desc;
      this.signalingState = 'stable';
      for (const t of this.transceivers) {
        t.currentDirection = t.direction;
        const receiving = t.direction === 'recvonly' || t.direction === 'sendrecv';
        if (receiving && !t.firedTrack) {
          t.firedTrack = true;
          this.ontrack?.({ track: t.receiver.track, transceiver: t, streams: [] });
        } else if (!receiving) {
          t.firedTrack = false;
        }
      }
    }

    restartIce() {
      this.restartIceCalls += 1;
      this.iceRestartPending = true;
    }

    close() {
      this.closed = true;
      this.signalingState = 'closed';
    }

    // ----- test side -----
    setIceState(state) {
      this.iceConnectionState = state;
      this.oniceconnectionstatechange?.();
    }

    setConnectionState(state) {
      this.connectionState = state;
      this.onconnectionstatechange?.();
    }

    emitCandidate(candidate) {
      this.onicecandidate?.({ candidate });
    }
  }

  const mediaDevices = {
    devices: [
      { kind: 'videoinput', deviceId: 'cam-1', label: 'Camera 1' },
      { kind: 'videoinput', deviceId: 'cam-2', label: 'Camera 2' },
      { kind: 'audioinput', deviceId: 'mic-1', label: 'Mic 1' },
    ],
    async getUserMedia(constraints) {
      userMediaCalls.push(constraints);
      const tracks = [];
      if (constraints.audio) tracks.push(new FakeTrack('audio'));
      if (constraints.video) tracks.push(new FakeTrack('video'));
      return new FakeStream(tracks);
    },
    async getDisplayMedia() {
      return new FakeStream([new FakeTrack('video', `screen-${++trackCounter}`)]);
    },
    async enumerateDevices() { return [...this.devices]; },
  };

  return {
    env: { WebSocket: FakeWebSocket, RTCPeerConnection: FakePeerConnection, mediaDevices },
    sockets,
    pcs,
    userMediaCalls,
    chatSockets,
  };
}

/** Lets pending promise continuations run (a macrotask turn; no time passes). */
export function flush() {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Records every event of a Room as [name, ...args]. */
export function recordEvents(room, names) {
  const events = [];
  for (const name of names) room.on(name, (...args) => events.push([name, ...args]));
  return events;
}

export const ALL_EVENTS = ['connectionStateChanged', 'participantJoined', 'participantLeft', 'participantUpdated',
  'trackPublished', 'trackUnpublished', 'trackSubscribed', 'trackUnsubscribed', 'trackMuted',
  'activeSpeakersChanged', 'subscriptionStateChanged', 'reconnecting', 'reconnected', 'disconnected',
  'localTrackPublished', 'localTrackUnpublished', 'error', 'viewerCountChanged'];

export function participant(identity, tracks = [], extra = {}) {
  return { identity, name: identity[0].toUpperCase() + identity.slice(1), role: 'participant', tracks, ...extra };
}

export function joinedFrame(id, others = [], extra = {}) {
  return {
    v: 1, type: 'joined', id, room: { name: 'studio', kind: 'conference' },
    participant: participant('me'), participants: others, viewerCount: 0,
    resumeToken: 'rs_1', resumeWindowSeconds: 30, resumed: false, ...extra,
  };
}

/** Connects `room` through the fake socket and answers `join` with a snapshot of `others`. */
export async function connect(room, world, others = [], extra = {}) {
  const done = room.connect('ws://onair.test/rtc', 'tok', { room: 'studio' });
  const ws = world.sockets.at(-1);
  ws.serverOpen();
  await flush();
  ws.receive(joinedFrame(ws.last('join').id, others, extra));
  await done;
  await flush();
  return ws;
}

/** Answers the last `publish` on `ws`: every listed track gets sid `TR_<source>` unless `sids` says otherwise. */
export function answerPublish(ws, sids = {}) {
  const offer = ws.last('publish');
  ws.receive({
    type: 'publish_answer', id: offer.id, sdp: 'v=0 answer',
    tracks: offer.tracks.map((t) => ({ mid: t.mid, sid: sids[t.mid] ?? `TR_${t.source}`, kind: t.source === 'microphone' ? 'audio' : 'video', source: t.source, muted: !!t.muted })),
  });
}

/** Answers the last `subscribe` on `ws` with every listed track active (or as `states` says by sid). */
export function answerSubscribe(ws, states = {}) {
  const offer = ws.last('subscribe');
  ws.receive({
    type: 'subscribe_answer', id: offer.id, sdp: 'v=0 answer',
    tracks: offer.tracks.map((t) => ({ mid: t.mid, sid: t.sid, state: states[t.sid] ?? 'active' })),
  });
}
