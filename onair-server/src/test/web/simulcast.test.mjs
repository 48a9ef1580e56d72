// onair.js simulcast, dynacast and view sizes without a server: the camera's three layers (and the opt-out),
// the `layers` frame applied to the sender's encodings, and `track_view` from attached videos (debounced).
import { mock } from 'node:test';
import assert from 'node:assert/strict';
import { Room, CAMERA_SIMULCAST_ENCODINGS, VIEW_DEBOUNCE_MILLIS } from '../../main/resources/web/onair.js';
import {
  test, createEnv, flush, recordEvents, participant, connect, answerPublish, answerSubscribe, FakeTrack,
} from './fakes.mjs';

const video = (sid, extra = {}) => ({ sid, kind: 'video', source: 'camera', muted: false, ...extra });

async function publishCamera(room, ws, options) {
  const done = room.localParticipant.publishTrack(new FakeTrack('video'), options);
  await flush();
  answerPublish(ws);
  const pub = await done;
  return { pub, transceiver: room.engine.publisherPc.transceivers.find((t) => t.sender.track === pub.track) };
}

test('a camera is published with three simulcast layers, lowest first; opt-out and screens send one', async () => {
  const world = createEnv();
  const room = new Room({ env: world.env });
  const ws = await connect(room, world);
  const { pub, transceiver } = await publishCamera(room, ws);
  assert.equal(pub.simulcast, true);
  assert.deepEqual(transceiver.sendEncodings.map((e) => e.rid), ['q', 'h', 'f']);
  assert.deepEqual(transceiver.sendEncodings.map((e) => e.scaleResolutionDownBy), [4, 2, 1]);
  assert.deepEqual(transceiver.sendEncodings.map((e) => e.maxBitrate), [150_000, 500_000, 1_500_000]);
  assert.deepEqual(CAMERA_SIMULCAST_ENCODINGS.map((e) => e.rid), ['q', 'h', 'f']);

  const single = room.localParticipant.publishTrack(new FakeTrack('video'), { source: 'camera', simulcast: false });
  const screen = room.localParticipant.publishTrack(new FakeTrack('video'), { source: 'screen' });
  const mic = room.localParticipant.publishTrack(new FakeTrack('audio'));
  await flush();
  answerPublish(ws, { 1: 'TR_cam2' });
  await flush();
  answerPublish(ws);
  const pubs = await Promise.all([single, screen, mic]);
  for (const p of pubs) {
    const t = room.engine.publisherPc.transceivers.find((x) => x.sender.track === p.track);
    assert.equal(p.simulcast, false, p.source);
    assert.equal(t.sendEncodings.length, 1, p.source);
    assert.equal(t.sendEncodings[0].rid, undefined, p.source);
  }
});

test('enableCamera passes the simulcast opt-out on', async () => {
  const world = createEnv();
  const room = new Room({ env: world.env });
  const ws = await connect(room, world);
  const done = room.localParticipant.enableCamera(true, {}, { simulcast: false });
  await flush();
  await flush();
  answerPublish(ws);
  const pub = await done;
  assert.equal(pub.simulcast, false);
  assert.equal(room.engine.publisherPc.transceivers[0].sendEncodings.length, 1);
});

test('an unpublished camera\'s transceiver is reused only by a track with the same layering', async () => {
  const world = createEnv();
  const room = new Room({ env: world.env });
  const ws = await connect(room, world);
  const { pub } = await publishCamera(room, ws);
  const removed = room.localParticipant.unpublishTrack(pub);
  await flush();
  answerPublish(ws);
  await removed;
  const next = room.localParticipant.publishTrack(new FakeTrack('video'), { source: 'screen' });
  await flush();
  answerPublish(ws);
  await next;
  const pc = room.engine.publisherPc;
  assert.equal(pc.transceivers.length, 2, 'a screen does not take the simulcast transceiver');
  assert.equal(pc.transceivers[1].sendEncodings.length, 1);
});

test('layers: only the watched rids stay active; an empty list pauses all; unknown sids are ignored', async () => {
  const world = createEnv();
  const room = new Room({ env: world.env });
  const ws = await connect(room, world);
  const events = recordEvents(room, ['localTrackLayersChanged', 'error']);
  const { pub, transceiver } = await publishCamera(room, ws);

  ws.receive({ v: 1, type: 'layers', sid: pub.sid, active: ['q', 'h'] });
  await flush();
  assert.deepEqual(transceiver.sendEncodings.map((e) => e.active), [true, true, false]);
  assert.deepEqual(pub.activeLayers, ['q', 'h']);
  assert.deepEqual(events.map((e) => e[0]), ['localTrackLayersChanged']);

  ws.receive({ v: 1, type: 'layers', sid: pub.sid, active: [] });
  await flush();
  assert.deepEqual(transceiver.sendEncodings.map((e) => e.active), [false, false, false]);

  ws.receive({ v: 1, type: 'layers', sid: pub.sid, active: ['q', 'h', 'f'] });
  ws.receive({ v: 1, type: 'layers', sid: pub.sid, active: ['q', 'h', 'f'] });
  await flush();
  await flush();
  assert.deepEqual(transceiver.sendEncodings.map((e) => e.active), [true, true, true]);
  assert.equal(transceiver.setParametersCalls, 3, 'the repeated frame changes nothing');

  ws.receive({ v: 1, type: 'layers', sid: 'TR_other', active: [] });
  ws.receive({ v: 1, type: 'layers', sid: pub.sid });
  await flush();
  assert.equal(room.engine.counters.badFrames, 1, 'layers without active is a bad frame');
  assert.equal(transceiver.setParametersCalls, 3);
});

test('layers on a single-layer track: empty pauses it, any rid resumes it', async () => {
  const world = createEnv();
  const room = new Room({ env: world.env });
  const ws = await connect(room, world);
  const { pub, transceiver } = await publishCamera(room, ws, { simulcast: false });
  ws.receive({ v: 1, type: 'layers', sid: pub.sid, active: [] });
  await flush();
  assert.equal(transceiver.sendEncodings[0].active, false);
  ws.receive({ v: 1, type: 'layers', sid: pub.sid, active: ['q'] });
  await flush();
  assert.equal(transceiver.sendEncodings[0].active, true);
});

/** Observers that the test drives by hand. */
function viewWorld() {
  const world = createEnv();
  const resize = [];
  const intersect = [];
  const doc = { visibilityState: 'visible', listeners: new Map() };
  doc.addEventListener = (type, fn) => doc.listeners.set(type, fn);
  doc.removeEventListener = (type) => doc.listeners.delete(type);
  class FakeResizeObserver {
    constructor(cb) { this.cb = cb; this.els = new Set(); resize.push(this); }
    observe(el) { this.els.add(el); }
    unobserve(el) { this.els.delete(el); }
    disconnect() { this.els.clear(); }
    fire() { this.cb([...this.els].map((target) => ({ target }))); }
  }
  class FakeIntersectionObserver {
    constructor(cb) { this.cb = cb; this.els = new Set(); intersect.push(this); }
    observe(el) { this.els.add(el); }
    unobserve(el) { this.els.delete(el); }
    disconnect() { this.els.clear(); }
    fire(el, isIntersecting) { this.cb([{ target: el, isIntersecting }]); }
  }
  class FakeMediaStream {
    constructor(tracks) { this.tracks = tracks; }
    getTracks() { return [...this.tracks]; }
  }
  Object.assign(world.env, {
    ResizeObserver: FakeResizeObserver, IntersectionObserver: FakeIntersectionObserver, document: doc,
    MediaStream: FakeMediaStream, devicePixelRatio: 2,
  });
  return { world, resize, intersect, doc };
}

async function subscribedVideo(world) {
  const room = new Room({ env: world.env });
  const ws = await connect(room, world, [participant('alice', [video('TR_v')])]);
  await flush();
  answerSubscribe(ws);
  await flush();
  await flush();
  const pub = room.participants.get('alice').tracks.get('TR_v');
  assert.ok(pub.track, 'subscribed');
  return { room, ws, pub };
}

test('attach shows the track and reports its size in device px after the debounce; hidden or off screen is 0x0', async () => {
  const { world, resize, intersect, doc } = viewWorld();
  const { ws, pub } = await subscribedVideo(world);
  const el = { clientWidth: 320, clientHeight: 180, srcObject: null };
  assert.equal(pub.attach(el), el);
  assert.deepEqual(el.srcObject.getTracks(), [pub.track]);

  mock.timers.tick(VIEW_DEBOUNCE_MILLIS - 1);
  assert.equal(ws.sentOfType('track_view').length, 0, 'debounced');
  el.clientWidth = 640;
  el.clientHeight = 360;
  resize[0].fire();
  mock.timers.tick(VIEW_DEBOUNCE_MILLIS - 1);
  assert.equal(ws.sentOfType('track_view').length, 0, 'a resize restarts the debounce');
  mock.timers.tick(1);
  const first = ws.last('track_view');
  assert.deepEqual({ sid: first.sid, width: first.width, height: first.height }, { sid: 'TR_v', width: 1280, height: 720 });
  ws.receive({ v: 1, type: 'ok', id: first.id });

  resize[0].fire();
  mock.timers.tick(VIEW_DEBOUNCE_MILLIS);
  assert.equal(ws.sentOfType('track_view').length, 1, 'an unchanged size is not sent again');

  intersect[0].fire(el, false);
  mock.timers.tick(VIEW_DEBOUNCE_MILLIS);
  assert.deepEqual([ws.last('track_view').width, ws.last('track_view').height], [0, 0]);
  intersect[0].fire(el, true);
  mock.timers.tick(VIEW_DEBOUNCE_MILLIS);
  assert.equal(ws.last('track_view').width, 1280);

  doc.visibilityState = 'hidden';
  doc.listeners.get('visibilitychange')();
  mock.timers.tick(VIEW_DEBOUNCE_MILLIS);
  assert.deepEqual([ws.last('track_view').width, ws.last('track_view').height], [0, 0]);
  assert.deepEqual(pub.viewSize, { width: 0, height: 0 });
});

test('the largest attached element wins; detaching the last one reports 0x0 and clears srcObject', async () => {
  const { world } = viewWorld();
  const { ws, pub } = await subscribedVideo(world);
  const small = { clientWidth: 100, clientHeight: 50, srcObject: null };
  const big = { clientWidth: 400, clientHeight: 300, srcObject: null };
  pub.attach(small);
  pub.attach(big);
  mock.timers.tick(VIEW_DEBOUNCE_MILLIS);
  assert.deepEqual([ws.last('track_view').width, ws.last('track_view').height], [800, 600]);
  assert.deepEqual(pub.detach(big), [big]);
  assert.equal(big.srcObject, null);
  mock.timers.tick(VIEW_DEBOUNCE_MILLIS);
  assert.equal(ws.last('track_view').width, 200);
  pub.detach();
  mock.timers.tick(VIEW_DEBOUNCE_MILLIS);
  assert.deepEqual([ws.last('track_view').width, ws.last('track_view').height], [0, 0]);
  assert.deepEqual(pub.attachedElements, []);
});

test('audio attaches without reporting; nothing is sent before the track is received', async () => {
  const { world } = viewWorld();
  const room = new Room({ env: world.env, autoSubscribe: false });
  const ws = await connect(room, world, [participant('alice', [video('TR_v'), { sid: 'TR_a', kind: 'audio', source: 'microphone', muted: false }])]);
  const pub = room.participants.get('alice').tracks.get('TR_v');
  const el = { clientWidth: 100, clientHeight: 100, srcObject: null };
  pub.attach(el);
  assert.equal(el.srcObject, null, 'no track yet');
  mock.timers.tick(VIEW_DEBOUNCE_MILLIS);
  assert.equal(ws.sentOfType('track_view').length, 0);
  const audio = room.participants.get('alice').tracks.get('TR_a');
  audio.attach({ srcObject: null });

  const subscribed = room.subscribe('TR_v');
  await flush();
  answerSubscribe(ws);
  await subscribed;
  await flush();
  assert.deepEqual(el.srcObject.getTracks(), [pub.track], 'shown once received');
  mock.timers.tick(VIEW_DEBOUNCE_MILLIS);
  assert.deepEqual(ws.sentOfType('track_view').map((f) => f.sid), ['TR_v']);
});
