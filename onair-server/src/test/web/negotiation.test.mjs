// onair.js without a server: the publisher and subscriber PCs, one offer in flight, mid -> sid mapping,
// mute, camera/microphone/screen helpers and device switching.
import { mock } from 'node:test';
import assert from 'node:assert/strict';
import { Room, OnairError } from '../../main/resources/web/onair.js';
import {
  test, createEnv, flush, recordEvents, participant, connect, answerPublish, answerSubscribe, FakeTrack,
} from './fakes.mjs';


const video = (sid, extra = {}) => ({ sid, kind: 'video', source: 'camera', muted: false, ...extra });
const audio = (sid, extra = {}) => ({ sid, kind: 'audio', source: 'microphone', muted: false, ...extra });

test('no PC exists until there is something to publish or subscribe; then max-bundle with the given iceServers', async () => {
  const world = createEnv();
  const iceServers = [{ urls: 'stun:stun.example' }];
  const room = new Room({ env: world.env, iceServers });
  const ws = await connect(room, world);
  assert.equal(world.pcs.length, 0);
  assert.equal(room.engine.publisherPc, null);
  assert.equal(room.engine.subscriberPc, null);

  const published = room.localParticipant.publishTrack(new FakeTrack('audio'));
  await flush();
  assert.equal(world.pcs.length, 1);
  assert.equal(room.engine.publisherPc, world.pcs[0]);
  assert.deepEqual(world.pcs[0].config, { bundlePolicy: 'max-bundle', iceServers });
  assert.equal(room.engine.socket, ws);
  answerPublish(ws);
  await published;
});

test('publish: one offer in flight; tracks added meanwhile are coalesced into exactly one more offer', async () => {
  const world = createEnv();
  const room = new Room({ env: world.env });
  const ws = await connect(room, world);
  const events = recordEvents(room, ['localTrackPublished']);
  const mic = new FakeTrack('audio');
  const cam = new FakeTrack('video');
  const screen = new FakeTrack('video');

  const p1 = room.localParticipant.publishTrack(mic);
  await flush();
  assert.equal(ws.sentOfType('publish').length, 1);
  assert.deepEqual(ws.last('publish').tracks, [{ mid: '0', source: 'microphone', muted: false }]);

  const p2 = room.localParticipant.publishTrack(cam, { source: 'camera' });
  const p3 = room.localParticipant.publishTrack(screen, { source: 'screen' });
  await flush();
  assert.equal(ws.sentOfType('publish').length, 1, 'the second offer waits for the first answer');
  assert.equal(room.engine.publisherPc.offers.length, 1);

  answerPublish(ws);
  const pubMic = await p1;
  assert.equal(pubMic.sid, 'TR_microphone');
  await flush();
  assert.equal(ws.sentOfType('publish').length, 2, 'one coalesced offer for both waiting tracks');
  const second = ws.last('publish');
  assert.match(second.sdp, /^v=0 offer 2/);
  assert.deepEqual(second.tracks, [
    { mid: '0', source: 'microphone', muted: false },
    { mid: '1', source: 'camera', muted: false },
    { mid: '2', source: 'screen', muted: false },
  ]);
  answerPublish(ws);
  const [pubCam, pubScreen] = await Promise.all([p2, p3]);
  assert.equal(pubCam.sid, 'TR_camera');
  assert.equal(pubScreen.sid, 'TR_screen');
  assert.equal(room.engine.publisherPc.remoteDescription.sdp, 'v=0 answer');
  assert.deepEqual([...room.localParticipant.tracks.keys()], ['TR_microphone', 'TR_camera', 'TR_screen']);
  assert.deepEqual(events.map((e) => e[1].sid), ['TR_microphone', 'TR_camera', 'TR_screen']);
  await flush();
  assert.equal(ws.sentOfType('publish').length, 2, 'no third offer');
});

test('unpublish makes the m-line inactive; the next track of that kind reuses it', async () => {
  const world = createEnv();
  const room = new Room({ env: world.env });
  const ws = await connect(room, world);
  const unpublished = recordEvents(room, ['localTrackUnpublished']);
  const cam = new FakeTrack('video');
  const p = room.localParticipant.publishTrack(cam);
  await flush();
  answerPublish(ws);
  const pub = await p;

  const u = room.localParticipant.unpublishTrack(cam);
  assert.equal(unpublished.length, 1);
  assert.equal(unpublished[0][1], pub);
  await flush();
  const pc = room.engine.publisherPc;
  assert.equal(pc.transceivers[0].direction, 'inactive');
  assert.equal(pc.transceivers[0].sender.track, null);
  assert.deepEqual(ws.last('publish').tracks, [], 'the inactive m-line is not listed');
  answerPublish(ws);
  await u;
  assert.equal(room.localParticipant.tracks.size, 0);
  assert.equal(cam.readyState, 'live', 'a track the app gave is not stopped by the SDK');

  const cam2 = new FakeTrack('video');
  const p2 = room.localParticipant.publishTrack(cam2);
  await flush();
  assert.equal(pc.transceivers.length, 1, 'no new transceiver');
  assert.equal(pc.transceivers[0].direction, 'sendonly');
  assert.equal(pc.transceivers[0].sender.track, cam2);
  assert.deepEqual(ws.last('publish').tracks, [{ mid: '0', source: 'camera', muted: false }]);
  answerPublish(ws, { 0: 'TR_cam2' });
  assert.equal((await p2).sid, 'TR_cam2');
});

test('a refused offer rejects the publish, rolls the PC back, and the next offer still goes out', async () => {
  const world = createEnv();
  const room = new Room({ env: world.env });
  const ws = await connect(room, world);
  const p = room.localParticipant.publishTrack(new FakeTrack('video'));
  await flush();
  ws.receive({ type: 'error', id: ws.last('publish').id, code: 'negotiation_failed', message: 'no common codec' });
  await assert.rejects(p, (e) => e instanceof OnairError && e.code === 'negotiation_failed');
  assert.equal(room.engine.publisherPc.signalingState, 'stable');
  assert.deepEqual(room.localParticipant.publications, [], 'the refused publication is forgotten');
  const p2 = room.localParticipant.publishTrack(new FakeTrack('audio'));
  await flush();
  assert.equal(ws.sentOfType('publish').length, 2);
  assert.deepEqual(ws.last('publish').tracks, [{ mid: '1', source: 'microphone', muted: false }],
    'only the new track; the refused video m-line went inactive');
  assert.equal(room.engine.publisherPc.transceivers[0].direction, 'inactive');
  answerPublish(ws);
  await p2;
});

test('a viewer cannot publish; publishing needs a connection', async () => {
  const world = createEnv();
  const room = new Room({ env: world.env });
  await assert.rejects(room.localParticipant.publishTrack(new FakeTrack('video')), (e) => e.code === 'not_connected');
  await connect(room, world, [], { participant: { identity: 'v1', role: 'viewer', tracks: [] } });
  await assert.rejects(room.localParticipant.publishTrack(new FakeTrack('video')), (e) => e.code === 'forbidden');
  assert.equal(world.pcs.length, 0);
});

test('subscribe maps mids to sids, trackSubscribed fires from ontrack with the right publication', async () => {
  const world = createEnv();
  const room = new Room({ env: world.env });
  const events = recordEvents(room, ['trackSubscribed', 'subscriptionStateChanged']);
  const ws = await connect(room, world, [participant('alice', [audio('TR_aa'), video('TR_av')])]);

  const offer = ws.last('subscribe');
  assert.equal(ws.sentOfType('subscribe').length, 1, 'both snapshot tracks in one offer');
  assert.deepEqual(offer.tracks, [{ mid: '0', sid: 'TR_aa' }, { mid: '1', sid: 'TR_av' }]);
  const pc = room.engine.subscriberPc;
  assert.deepEqual(pc.transceivers.map((t) => [t.kind, t.direction]), [['audio', 'recvonly'], ['video', 'recvonly']]);
  assert.equal(events.filter((e) => e[0] === 'trackSubscribed').length, 0, 'nothing before the answer');

  answerSubscribe(ws);
  await flush();
  const subscribed = events.filter((e) => e[0] === 'trackSubscribed');
  assert.equal(subscribed.length, 2);
  const alice = room.participants.get('alice');
  assert.equal(subscribed[0][1], pc.transceivers[0].receiver.track);
  assert.equal(subscribed[0][2], alice.tracks.get('TR_aa'));
  assert.equal(subscribed[0][3], alice);
  assert.equal(subscribed[1][1], pc.transceivers[1].receiver.track);
  assert.equal(subscribed[1][2].sid, 'TR_av');
  assert.equal(alice.tracks.get('TR_av').track, pc.transceivers[1].receiver.track);
  assert.equal(alice.tracks.get('TR_av').state, 'active');
  assert.equal(alice.tracks.get('TR_av').subscribed, true);
  assert.deepEqual(events.filter((e) => e[0] === 'subscriptionStateChanged').map((e) => [e[1].sid, e[2]]),
    [['TR_aa', 'subscribing'], ['TR_av', 'subscribing'], ['TR_aa', 'active'], ['TR_av', 'active']]);
});

test('selective subscription: unsubscribed m-lines go inactive and are reused by the next track of that kind', async () => {
  const world = createEnv();
  const room = new Room({ env: world.env, autoSubscribe: false });
  const events = recordEvents(room, ['trackSubscribed', 'trackUnsubscribed']);
  const ws = await connect(room, world, [participant('alice', [video('TR_av')]), participant('bob', [video('TR_bv')])]);
  assert.equal(world.pcs.length, 0, 'nothing subscribed, no subscriber PC');

  const s1 = room.subscribe('TR_av');
  await flush();
  assert.deepEqual(ws.last('subscribe').tracks, [{ mid: '0', sid: 'TR_av' }]);
  answerSubscribe(ws);
  await s1;
  const pc = room.engine.subscriberPc;
  const aliceTrack = pc.transceivers[0].receiver.track;

  const u = room.unsubscribe('TR_av');
  assert.deepEqual(events.at(-1).slice(0, 2), ['trackUnsubscribed', aliceTrack]);
  await flush();
  assert.equal(pc.transceivers[0].direction, 'inactive');
  assert.deepEqual(ws.last('subscribe').tracks, []);
  answerSubscribe(ws);
  await u;
  assert.equal(room.participants.get('alice').tracks.get('TR_av').track, null);

  const s2 = room.subscribe('TR_bv');
  await flush();
  assert.equal(pc.transceivers.length, 1, 'the inactive video m-line is reused');
  assert.equal(pc.transceivers[0].direction, 'recvonly');
  assert.deepEqual(ws.last('subscribe').tracks, [{ mid: '0', sid: 'TR_bv' }]);
  answerSubscribe(ws);
  await s2;
  const last = events.at(-1);
  assert.equal(last[0], 'trackSubscribed');
  assert.equal(last[2].sid, 'TR_bv');
  assert.equal(last[3].identity, 'bob');

  await assert.rejects(room.subscribe('TR_nope'), (e) => e.code === 'unknown_track');
});

test('a track that becomes unavailable or is unpublished frees its m-line for the next offer', async () => {
  const world = createEnv();
  const room = new Room({ env: world.env });
  const events = recordEvents(room, ['trackSubscribed', 'trackUnsubscribed', 'trackUnpublished', 'subscriptionStateChanged']);
  const ws = await connect(room, world, [participant('alice', [video('TR_av'), video('TR_gone')])]);
  answerSubscribe(ws, { TR_gone: 'unavailable' });
  await flush();
  assert.deepEqual(events.filter((e) => e[0] === 'trackSubscribed').map((e) => e[2].sid), ['TR_av']);
  assert.equal(room.participants.get('alice').tracks.get('TR_gone').state, 'unavailable');

  ws.receive({ type: 'track_unpublished', participant: 'alice', track: { sid: 'TR_av', kind: 'video' } });
  ws.receive({ type: 'track_unpublished', participant: 'alice', track: { sid: 'TR_gone', kind: 'video' } });
  assert.deepEqual(events.slice(-5).map((e) => e[0]), ['trackUnsubscribed', 'subscriptionStateChanged',
    'trackUnpublished', 'subscriptionStateChanged', 'trackUnpublished']);
  await flush();
  assert.equal(ws.sentOfType('subscribe').length, 1, 'unpublishing alone does not renegotiate');

  ws.receive({ type: 'track_published', participant: 'alice', track: video('TR_new', { source: 'screen' }) });
  await flush();
  assert.equal(room.engine.subscriberPc.transceivers.length, 2, 'freed m-lines are reused');
  assert.deepEqual(ws.last('subscribe').tracks, [{ mid: '0', sid: 'TR_new' }]);
  assert.equal(room.engine.subscriberPc.transceivers[1].direction, 'inactive');
  // m-line 0 stayed recvonly, so no new `track` event comes: the SDK delivers its receiver track itself
  answerSubscribe(ws);
  await flush();
  const last = events.filter((e) => e[0] === 'trackSubscribed').at(-1);
  assert.equal(last[2].sid, 'TR_new');
  assert.equal(last[1], room.engine.subscriberPc.transceivers[0].receiver.track);
});

test('subscription_state from the video cap updates the publication and emits subscriptionStateChanged', async () => {
  const world = createEnv();
  const room = new Room({ env: world.env });
  const ws = await connect(room, world, [participant('alice', [video('TR_av')])]);
  answerSubscribe(ws);
  await flush();
  const changes = recordEvents(room, ['subscriptionStateChanged']);
  ws.receive({ type: 'subscription_state', tracks: [{ sid: 'TR_av', state: 'paused' }], reason: 'video_cap' });
  ws.receive({ type: 'subscription_state', tracks: [{ sid: 'TR_av', state: 'paused' }], reason: 'video_cap' });
  ws.receive({ type: 'subscription_state', tracks: [{ sid: 'TR_av', state: 'active' }], reason: 'video_cap' });
  assert.deepEqual(changes.map((e) => [e[1].sid, e[2]]), [['TR_av', 'paused'], ['TR_av', 'active']]);
});

test('setMuted disables the local track and sends mute; an admin mute from the server disables it too', async () => {
  const world = createEnv();
  const room = new Room({ env: world.env });
  const ws = await connect(room, world);
  const muted = recordEvents(room, ['trackMuted']);
  const p = room.localParticipant.enableMicrophone(true);
  await flush();
  answerPublish(ws);
  const pub = await p;
  assert.equal(world.userMediaCalls[0].audio.echoCancellation, true);

  const m = room.localParticipant.setMuted('microphone', true);
  assert.equal(pub.track.enabled, false);
  assert.equal(pub.muted, true);
  const frame = ws.last('mute');
  assert.deepEqual(frame, { v: 1, type: 'mute', id: frame.id, sid: 'TR_microphone', muted: true });
  ws.receive({ type: 'ok', id: frame.id });
  await m;
  ws.receive({ type: 'track_muted', participant: 'me', track: { sid: 'TR_microphone', muted: true }, by: 'self' });
  assert.deepEqual(muted.map((e) => [e[1], e[2], e[3]]), [[pub, room.localParticipant, 'self']], 'the echo is not a change');

  const u = room.localParticipant.setMuted('microphone', false);
  ws.receive({ type: 'ok', id: ws.last('mute').id });
  await u;
  assert.equal(pub.track.enabled, true);
  ws.receive({ type: 'track_muted', participant: 'me', track: { sid: 'TR_microphone', muted: true }, by: 'admin' });
  assert.equal(pub.track.enabled, false);
  assert.deepEqual(muted.at(-1).slice(1), [pub, room.localParticipant, 'admin']);

  await assert.rejects(room.localParticipant.setMuted('camera', true), (e) => e.code === 'unknown_track');

  // only an admin undoes an admin mute: the refused unmute puts the local state back
  const flips = [];
  room.on('trackMuted', (p) => flips.push(p.muted));
  const refused = room.localParticipant.setMuted('microphone', false);
  assert.equal(pub.track.enabled, true);
  ws.receive({ type: 'error', id: ws.last('mute').id, code: 'forbidden', message: 'muted by an admin' });
  await assert.rejects(refused, (e) => e.code === 'forbidden');
  assert.equal(pub.track.enabled, false);
  assert.equal(pub.muted, true);
  assert.deepEqual(flips, [false, true]);
});

test('a viewer asking for the camera fails before any device is opened', async () => {
  const world = createEnv();
  const room = new Room({ env: world.env });
  await assert.rejects(room.localParticipant.enableCamera(true), (e) => e.code === 'not_connected');
  await connect(room, world, [], { participant: { identity: 'v1', role: 'viewer', tracks: [] } });
  await assert.rejects(room.localParticipant.enableCamera(true), (e) => e.code === 'forbidden');
  assert.deepEqual(world.userMediaCalls, []);
});

test('negotiations cut short by leaving do not surface as error events', async () => {
  const world = createEnv();
  const room = new Room({ env: world.env });
  const errors = recordEvents(room, ['error']);
  const ws = await connect(room, world, [participant('alice', [video('TR_av')])]); // auto-subscribe in flight
  ws.receive({ type: 'track_published', participant: 'alice', track: audio('TR_aa') }); // queued behind it
  await room.disconnect();
  await flush();
  assert.deepEqual(errors, []);
});

test('enableCamera publishes a captured camera and unpublishes and stops it with false', async () => {
  const world = createEnv();
  const room = new Room({ env: world.env });
  const ws = await connect(room, world);
  const on = room.localParticipant.enableCamera(true);
  await flush();
  assert.deepEqual(ws.last('publish').tracks, [{ mid: '0', source: 'camera', muted: false }]);
  answerPublish(ws);
  const pub = await on;
  assert.equal(pub.source, 'camera');
  assert.equal(await room.localParticipant.enableCamera(true), pub, 'enabling twice keeps one publication');
  assert.equal(ws.sentOfType('publish').length, 1);

  const off = room.localParticipant.enableCamera(false);
  await flush();
  assert.deepEqual(ws.last('publish').tracks, []);
  answerPublish(ws);
  await off;
  assert.equal(pub.track.readyState, 'ended', 'the SDK stops what it captured');
  assert.equal(room.localParticipant.getTrackPublication('camera'), undefined);
});

test('enableScreenShare publishes source screen and unpublishes when the user stops sharing', async () => {
  const world = createEnv();
  const room = new Room({ env: world.env });
  const ws = await connect(room, world);
  const on = room.localParticipant.enableScreenShare(true);
  await flush();
  assert.deepEqual(ws.last('publish').tracks, [{ mid: '0', source: 'screen', muted: false }]);
  answerPublish(ws);
  const pub = await on;
  pub.track.end();
  await flush();
  assert.deepEqual(ws.last('publish').tracks, []);
  assert.equal(room.localParticipant.getTrackPublication('screen'), undefined);
  answerPublish(ws);
});

test('switchDevice replaces the sent track without renegotiating; getDevices filters by kind', async () => {
  const world = createEnv();
  const room = new Room({ env: world.env });
  const ws = await connect(room, world);
  const on = room.localParticipant.enableCamera(true);
  await flush();
  answerPublish(ws);
  const pub = await on;
  const old = pub.track;
  const transceiver = room.engine.publisherPc.transceivers[0];

  await room.localParticipant.switchDevice('videoinput', 'cam-2');
  assert.deepEqual(world.userMediaCalls.at(-1).video.deviceId, { exact: 'cam-2' });
  assert.notEqual(pub.track, old);
  assert.equal(transceiver.sender.track, pub.track);
  assert.equal(old.readyState, 'ended');
  assert.equal(ws.sentOfType('publish').length, 1, 'no new offer');

  const cams = await Room.getDevices('videoinput', world.env);
  assert.deepEqual(cams.map((d) => d.deviceId), ['cam-1', 'cam-2']);
  assert.equal((await Room.getDevices(undefined, world.env)).length, 3);
});
