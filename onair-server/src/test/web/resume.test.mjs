// onair.js without a server: resume after a socket drop (backoff, window, resumed true/false) and ICE
// restarts while the socket is up. All on mocked timers.
import { mock } from 'node:test';
import assert from 'node:assert/strict';
import { Room, reconnectDelayMillis } from '../../main/resources/web/onair.js';
import {
  test, createEnv, flush, recordEvents, ALL_EVENTS, participant, joinedFrame, connect, answerPublish, answerSubscribe,
  FakeTrack,
} from './fakes.mjs';


const video = (sid, extra = {}) => ({ sid, kind: 'video', source: 'camera', muted: false, ...extra });

test('reconnectDelayMillis: 0.25 s, 0.5 s, 1 s, 2 s, 4 s, then capped at 5 s', () => {
  assert.deepEqual([0, 1, 2, 3, 4, 5, 6, 40].map(reconnectDelayMillis), [250, 500, 1000, 2000, 4000, 5000, 5000, 5000]);
});

/** A room that publishes a camera and receives alice's video, everything answered. */
async function busyRoom(options = {}) {
  const world = createEnv();
  const room = new Room({ env: world.env, ...options });
  const ws = await connect(room, world, [participant('alice', [video('TR_av')]), participant('bob')]);
  answerSubscribe(ws);
  const p = room.localParticipant.publishTrack(new FakeTrack('video'), { source: 'camera' });
  await flush();
  answerPublish(ws, { 0: 'TR_mine' });
  const pub = await p;
  return { world, room, ws, pub };
}

test('a dropped socket resumes with backoff 250, 500, 1000, 2000, 4000, 5000 ms and gives up after the window', async () => {
  const { world, room, ws } = await busyRoom();
  const events = recordEvents(room, ['reconnecting', 'connectionStateChanged', 'disconnected']);
  ws.serverClose(1006);
  assert.equal(room.state, 'reconnecting');
  assert.deepEqual(events, [['connectionStateChanged', 'reconnecting'], ['reconnecting']]);

  const attemptsAt = [];
  let elapsed = 0;
  let seen = world.sockets.length;
  while (elapsed < 30_000 && room.state === 'reconnecting') {
    mock.timers.tick(50);
    elapsed += 50;
    await flush();
    if (world.sockets.length > seen) {
      seen = world.sockets.length;
      attemptsAt.push(elapsed);
      world.sockets.at(-1).serverClose(1006); // the server is still unreachable
      await flush();
    }
  }
  const gaps = attemptsAt.map((t, i) => t - (i === 0 ? 0 : attemptsAt[i - 1]));
  assert.deepEqual(gaps.slice(0, 7), [250, 500, 1000, 2000, 4000, 5000, 5000]);
  assert.equal(elapsed, 30_000, 'the window is 30 s by default');
  assert.equal(room.state, 'disconnected');
  assert.deepEqual(events.slice(-2), [['connectionStateChanged', 'disconnected'], ['disconnected', 'resume_window_expired']]);
  assert.ok(world.pcs.every((pc) => pc.closed));
});

test('resumeWindowMillis shortens the window', async () => {
  const { room, ws } = await busyRoom({ resumeWindowMillis: 1_000 });
  ws.serverClose(1006);
  mock.timers.tick(999);
  assert.equal(room.state, 'reconnecting');
  mock.timers.tick(1);
  assert.equal(room.state, 'disconnected');
});

test('resumed: true restarts ICE on both PCs and re-offers the same track lists; no participant events', async () => {
  const { world, room, ws } = await busyRoom();
  const events = recordEvents(room, ALL_EVENTS);
  const [sub, pubPc] = [room.engine.subscriberPc, room.engine.publisherPc];
  const subscribeBefore = ws.last('subscribe').tracks;
  const publishBefore = ws.last('publish').tracks;

  ws.serverClose(1006);
  mock.timers.tick(250);
  const ws2 = world.sockets.at(-1);
  assert.notEqual(ws2, ws);
  ws2.serverOpen();
  await flush();
  const join = ws2.last('join');
  assert.deepEqual(join, { v: 1, type: 'join', id: join.id, token: 'tok', room: 'studio', resume: 'rs_1' });
  ws2.receive(joinedFrame(join.id, [participant('alice', [video('TR_av')]), participant('bob')],
    { resumed: true, resumeToken: 'rs_2', participant: participant('me', [video('TR_mine')]) }));
  await flush();

  assert.equal(room.state, 'connected');
  assert.equal(room.engine.resumeToken, 'rs_2');
  assert.equal(sub.restartIceCalls, 1);
  assert.equal(pubPc.restartIceCalls, 1);
  assert.equal(room.engine.subscriberPc, sub, 'same PCs');
  assert.equal(room.engine.publisherPc, pubPc);
  assert.match(ws2.last('publish').sdp, /ice-restart/);
  assert.match(ws2.last('subscribe').sdp, /ice-restart/);
  assert.deepEqual(ws2.last('publish').tracks, publishBefore);
  assert.deepEqual(ws2.last('subscribe').tracks, subscribeBefore);
  answerPublish(ws2, { 0: 'TR_mine' });
  answerSubscribe(ws2);
  await flush();
  assert.deepEqual(events.map((e) => e[0]), ['connectionStateChanged', 'reconnecting', 'connectionStateChanged', 'reconnected']);
  assert.equal(sub.signalingState, 'stable');
  assert.equal(pubPc.signalingState, 'stable');
});

test('a resume snapshot is reconciled: only real differences become events', async () => {
  const { world, room, ws } = await busyRoom();
  const events = recordEvents(room, ALL_EVENTS.filter((e) => !['connectionStateChanged', 'reconnecting', 'reconnected',
    'subscriptionStateChanged'].includes(e)));
  ws.serverClose(1006);
  mock.timers.tick(250);
  const ws2 = world.sockets.at(-1);
  ws2.serverOpen();
  await flush();
  // while we were away: bob left, carol joined with a screen, alice muted and renamed herself
  ws2.receive(joinedFrame(ws2.last('join').id, [
    participant('alice', [video('TR_av', { muted: true })], { name: 'Alice B.' }),
    participant('carol', [video('TR_cs', { source: 'screen' })]),
  ], { resumed: true }));
  await flush();
  assert.deepEqual(events.map((e) => [e[0], e[1].identity ?? e[1].sid]), [
    ['participantLeft', 'bob'],
    ['participantUpdated', 'alice'],
    ['trackMuted', 'TR_av'],
    ['participantJoined', 'carol'],
    ['trackPublished', 'TR_cs'],
  ]);
  assert.deepEqual([...room.participants.keys()], ['alice', 'carol']);
  assert.deepEqual(ws2.last('subscribe').tracks, [{ mid: '0', sid: 'TR_av' }, { mid: '1', sid: 'TR_cs' }],
    'carol\'s screen is subscribed in the same ICE-restart offer');
  assert.equal(ws2.sentOfType('subscribe').length, 1);
});

test('resumed: false tears both PCs down, republishes the local tracks and resubscribes', async () => {
  const { world, room, ws, pub } = await busyRoom();
  const events = recordEvents(room, ALL_EVENTS);
  const [oldSub, oldPub] = [room.engine.subscriberPc, room.engine.publisherPc];
  const oldAliceTrack = room.participants.get('alice').tracks.get('TR_av').track;

  ws.serverClose(1006);
  mock.timers.tick(250);
  const ws2 = world.sockets.at(-1);
  ws2.serverOpen();
  await flush();
  ws2.receive(joinedFrame(ws2.last('join').id, [participant('alice', [video('TR_av')]), participant('bob')],
    { resumed: false, resumeToken: 'rs_new' }));
  await flush();

  assert.ok(oldSub.closed && oldPub.closed, 'old PCs closed');
  assert.equal(world.pcs.length, 4, 'two new PCs');
  assert.equal(oldSub.restartIceCalls + oldPub.restartIceCalls, 0);
  const newPub = room.engine.publisherPc;
  assert.notEqual(newPub, oldPub);
  assert.equal(newPub.transceivers[0].sender.track, pub.track, 'the same local track is sent again');
  assert.deepEqual(ws2.last('publish').tracks, [{ mid: '0', source: 'camera', muted: false }]);
  assert.deepEqual(ws2.last('subscribe').tracks, [{ mid: '0', sid: 'TR_av' }]);
  assert.equal(pub.sid, null, 'the old sid is gone until the new answer');

  answerPublish(ws2, { 0: 'TR_mine2' });
  answerSubscribe(ws2);
  await flush();
  assert.equal(pub.sid, 'TR_mine2');
  assert.deepEqual([...room.localParticipant.tracks.keys()], ['TR_mine2']);
  const names = events.map((e) => e[0]);
  assert.ok(!names.includes('participantJoined') && !names.includes('participantLeft'), names.join());
  const unsub = events.find((e) => e[0] === 'trackUnsubscribed');
  assert.equal(unsub[1], oldAliceTrack);
  const resub = events.find((e) => e[0] === 'trackSubscribed');
  assert.equal(resub[1], room.engine.subscriberPc.transceivers[0].receiver.track);
  assert.equal(resub[2].sid, 'TR_av');
  assert.equal(events.find((e) => e[0] === 'localTrackPublished')[1].sid, 'TR_mine2');
});

test('an offer in flight when the socket drops is rolled back and sent again after resume', async () => {
  const world = createEnv();
  const room = new Room({ env: world.env });
  const ws = await connect(room, world);
  const p = room.localParticipant.publishTrack(new FakeTrack('audio'));
  await flush();
  assert.equal(ws.sentOfType('publish').length, 1);
  ws.serverClose(1006); // no answer ever comes on this socket
  await flush();
  assert.equal(room.engine.publisherPc.signalingState, 'stable');
  mock.timers.tick(250);
  const ws2 = world.sockets.at(-1);
  ws2.serverOpen();
  await flush();
  ws2.receive(joinedFrame(ws2.last('join').id, [], { resumed: true }));
  await flush();
  assert.equal(ws2.sentOfType('publish').length, 1, 'one offer: the retry and the ICE restart coalesce');
  answerPublish(ws2);
  assert.equal((await p).sid, 'TR_microphone');
});

test('simulateSocketDrop closes the socket without leave and resumes', async () => {
  const { world, room, ws } = await busyRoom();
  room.simulateSocketDrop();
  assert.equal(room.state, 'reconnecting');
  assert.equal(ws.sentOfType('leave').length, 0);
  assert.equal(ws.readyState, 3);
  mock.timers.tick(250);
  assert.equal(world.sockets.length, 2);
  assert.equal(room.engine.socket, world.sockets[1]);
});

test('a resume join refused as unauthenticated ends the session at once', async () => {
  const { world, room, ws } = await busyRoom();
  const events = recordEvents(room, ['disconnected']);
  ws.serverClose(1006);
  mock.timers.tick(250);
  const ws2 = world.sockets.at(-1);
  ws2.serverOpen();
  await flush();
  ws2.receive({ type: 'error', id: ws2.last('join').id, code: 'unauthenticated', message: 'token expired' });
  ws2.serverClose(4401);
  await flush();
  assert.deepEqual(events, [['disconnected', 'unauthenticated']]);
  mock.timers.tick(60_000);
  assert.equal(world.sockets.length, 2);
});

test('disconnect while reconnecting stops the retries', async () => {
  const { world, room, ws } = await busyRoom();
  ws.serverClose(1006);
  await room.disconnect();
  mock.timers.tick(60_000);
  assert.equal(world.sockets.length, 1);
  assert.equal(room.state, 'disconnected');
});

test('ICE failed with the socket up: restartIce and a new offer on that PC only', async () => {
  const { room, ws } = await busyRoom();
  const sub = room.engine.subscriberPc;
  const pubPc = room.engine.publisherPc;
  sub.setConnectionState('failed');
  await flush();
  assert.equal(sub.restartIceCalls, 1);
  assert.equal(pubPc.restartIceCalls, 0);
  assert.equal(ws.sentOfType('subscribe').length, 2);
  assert.match(ws.last('subscribe').sdp, /ice-restart/);
  assert.equal(ws.sentOfType('publish').length, 1);
});

test('ICE disconnected restarts only after 2 s; recovering before that cancels it', async () => {
  const { room, ws } = await busyRoom();
  const pubPc = room.engine.publisherPc;
  pubPc.setIceState('disconnected');
  mock.timers.tick(1_999);
  pubPc.setIceState('connected');
  mock.timers.tick(10);
  assert.equal(pubPc.restartIceCalls, 0);

  pubPc.setIceState('disconnected');
  mock.timers.tick(2_000);
  await flush();
  assert.equal(pubPc.restartIceCalls, 1);
  assert.equal(ws.sentOfType('publish').length, 2);
  assert.match(ws.last('publish').sdp, /ice-restart/);
});

test('a joined without resumeToken (an older server) still connects; a drop then re-joins afresh', async () => {
  const world = createEnv();
  const room = new Room({ env: world.env });
  const ws = await connect(room, world, [participant('alice', [video('TR_av')])], { resumeToken: undefined });
  assert.equal(room.state, 'connected');
  assert.equal(room.engine.resumeToken, null);
  answerSubscribe(ws);
  await flush();
  ws.serverClose(1006);
  mock.timers.tick(250);
  const ws2 = world.sockets.at(-1);
  ws2.serverOpen();
  await flush();
  const join = ws2.last('join');
  assert.deepEqual(join, { v: 1, type: 'join', id: join.id, token: 'tok', room: 'studio' }, 'no resume field');
  ws2.receive(joinedFrame(join.id, [participant('alice', [video('TR_av')])], { resumeToken: undefined, resumed: undefined }));
  await flush();
  assert.equal(room.state, 'connected');
  assert.equal(world.pcs.length, 2, 'a fresh subscriber PC');
  assert.deepEqual(ws2.last('subscribe').tracks, [{ mid: '0', sid: 'TR_av' }]);
});
