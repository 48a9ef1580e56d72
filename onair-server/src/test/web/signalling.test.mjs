// onair.js without a server: the join frame, the room snapshot and events, errors, keepalive.
import { mock } from 'node:test';
import assert from 'node:assert/strict';
import { Room, OnairError, signalUrl } from '../../main/resources/web/onair.js';
import { test, createEnv, flush, recordEvents, ALL_EVENTS, participant, joinedFrame, connect } from './fakes.mjs';


const video = (sid, extra = {}) => ({ sid, kind: 'video', source: 'camera', muted: false, ...extra });
const audio = (sid, extra = {}) => ({ sid, kind: 'audio', source: 'microphone', muted: false, ...extra });

test('signalUrl maps http(s) to ws(s) and a bare host to /rtc', () => {
  assert.equal(signalUrl('http://host:8080'), 'ws://host:8080/rtc');
  assert.equal(signalUrl('https://host/'), 'wss://host/rtc');
  assert.equal(signalUrl('ws://host:8080/rtc'), 'ws://host:8080/rtc');
  assert.equal(signalUrl('wss://host/custom/path'), 'wss://host/custom/path');
  assert.throws(() => signalUrl('ftp://host'), (e) => e instanceof OnairError && e.code === 'bad_url');
});

test('connect sends one join frame with v, id, token and room, then is connected', async () => {
  const world = createEnv();
  const room = new Room({ env: world.env });
  const events = recordEvents(room, ['connectionStateChanged']);

  const done = room.connect('http://onair.test:8080', 'tok-123', { room: 'studio' });
  const ws = world.sockets[0];
  assert.equal(ws.url, 'ws://onair.test:8080/rtc');
  assert.equal(room.state, 'connecting');
  assert.deepEqual(ws.sent, [], 'nothing is sent before the socket opens');
  ws.serverOpen();
  await flush();

  assert.deepEqual(ws.sent, [{ v: 1, type: 'join', id: '1', token: 'tok-123', room: 'studio' }]);
  ws.receive(joinedFrame('1'));
  await done;
  assert.equal(room.state, 'connected');
  assert.equal(room.localParticipant.identity, 'me');
  assert.equal(room.localParticipant.role, 'participant');
  assert.equal(room.name, 'studio');
  assert.equal(room.kind, 'conference');
  assert.deepEqual(events, [['connectionStateChanged', 'connecting'], ['connectionStateChanged', 'connected']]);
});

test('join without a room name sends no room field', async () => {
  const world = createEnv();
  const room = new Room({ env: world.env });
  room.connect('ws://onair.test/rtc', 'tok').catch(() => {});
  world.sockets[0].serverOpen();
  await flush();
  assert.deepEqual(world.sockets[0].sent, [{ v: 1, type: 'join', id: '1', token: 'tok' }]);
});

test('the snapshot fills participants without join events; server events keep the map up to date', async () => {
  const world = createEnv();
  const room = new Room({ env: world.env, autoSubscribe: false });
  const events = recordEvents(room, ALL_EVENTS.filter((e) => e !== 'connectionStateChanged'));
  const ws = await connect(room, world, [participant('alice', [video('TR_av')], { metadata: '{"hand":false}' })]);

  assert.deepEqual(events, [], 'participants of the snapshot are there when connect resolves, no events');
  const alice = room.participants.get('alice');
  assert.equal(alice.name, 'Alice');
  assert.equal(alice.metadata, '{"hand":false}');
  assert.deepEqual([...alice.tracks.keys()], ['TR_av']);
  assert.equal(alice.tracks.get('TR_av').subscribed, false);
  assert.equal(alice.tracks.get('TR_av').state, 'unsubscribed');

  ws.receive({ v: 1, type: 'participant_joined', participant: participant('bob') });
  ws.receive({ v: 1, type: 'track_published', participant: 'bob', track: audio('TR_ba') });
  ws.receive({ v: 1, type: 'track_muted', participant: 'bob', track: { sid: 'TR_ba', muted: true }, by: 'admin' });
  ws.receive({ v: 1, type: 'participant_updated', participant: { identity: 'bob', name: 'Bobby', role: 'participant' } });
  ws.receive({ v: 1, type: 'active_speakers', speakers: [{ identity: 'alice', level: 0.8 }, { identity: 'bob', level: 0.1 }] });
  ws.receive({ v: 1, type: 'track_unpublished', participant: 'alice', track: { sid: 'TR_av', kind: 'video' } });
  ws.receive({ v: 1, type: 'participant_left', participant: { identity: 'bob' }, reason: 'left' });

  const bob = events[0][1];
  assert.deepEqual(events.map((e) => e[0]), ['participantJoined', 'trackPublished', 'trackMuted', 'participantUpdated',
    'activeSpeakersChanged', 'trackUnpublished', 'trackUnpublished', 'participantLeft']);
  assert.equal(bob.identity, 'bob');
  assert.equal(events[1][1].sid, 'TR_ba');
  assert.equal(events[1][2], bob);
  assert.equal(events[2][1].muted, true);
  assert.equal(events[2][3], 'admin');
  assert.equal(bob.name, 'Bobby');
  assert.deepEqual(room.activeSpeakers, [{ identity: 'alice', level: 0.8 }, { identity: 'bob', level: 0.1 }]);
  assert.equal(events[5][1].sid, 'TR_av');
  assert.equal(events[6][1].sid, 'TR_ba', 'bob\'s tracks are unpublished before he leaves');
  assert.equal(events[7][2], 'left');
  assert.deepEqual([...room.participants.keys()], ['alice']);
  assert.equal(room.participants.get('alice').tracks.size, 0);
});

test('viewers are counted, not shown as tiles: viewerCount follows joined and viewer joins/leaves', async () => {
  const world = createEnv();
  const room = new Room({ env: world.env });
  const counts = [];
  room.on('viewerCountChanged', (n) => counts.push(n));
  const ws = await connect(room, world, [], { viewerCount: 3, room: { name: 'show', kind: 'broadcast' } });
  assert.equal(room.kind, 'broadcast');
  assert.equal(room.viewerCount, 3);
  ws.receive({ type: 'participant_joined', participant: { identity: 'v9', role: 'viewer', tracks: [] } });
  ws.receive({ type: 'participant_left', participant: { identity: 'v9' }, reason: 'left' });
  assert.deepEqual(counts, [3, 4, 3]);
});

test('an error frame rejects the pending command with the same id; an unsolicited one emits error', async () => {
  const world = createEnv();
  const room = new Room({ env: world.env });
  const ws = await connect(room, world);
  const errors = recordEvents(room, ['error']);

  const pending = room.engine.request({ type: 'mute', sid: 'TR_nope', muted: true });
  const sent = ws.last('mute');
  assert.deepEqual(sent, { v: 1, type: 'mute', sid: 'TR_nope', muted: true, id: sent.id });
  ws.receive({ v: 1, type: 'error', id: sent.id, code: 'unknown_track', message: 'not your track' });
  await assert.rejects(pending, (e) => e instanceof OnairError && e.code === 'unknown_track'
    && e.message === 'not your track' && e.requestId === sent.id);
  assert.deepEqual(errors, [], 'an answered error is not also emitted');

  ws.receive({ v: 1, type: 'error', code: 'at_capacity', message: 'full' });
  assert.equal(errors.length, 1);
  assert.equal(errors[0][1].code, 'at_capacity');
  assert.equal(room.state, 'connected', 'error frames keep the socket');
});

test('a refused join rejects connect with the code and ends disconnected, without retrying', async () => {
  const world = createEnv();
  const room = new Room({ env: world.env });
  const done = room.connect('ws://onair.test/rtc', 'expired');
  const ws = world.sockets[0];
  ws.serverOpen();
  await flush();
  ws.receive({ v: 1, type: 'error', id: ws.last('join').id, code: 'unauthenticated', message: 'token expired' });
  ws.serverClose(4401);
  await assert.rejects(done, (e) => e.code === 'unauthenticated');
  assert.equal(room.state, 'disconnected');
  mock.timers.tick(60_000);
  assert.equal(world.sockets.length, 1);
});

test('a socket that never opens rejects connect with connection_failed', async () => {
  const world = createEnv();
  const room = new Room({ env: world.env });
  const done = room.connect('ws://onair.test/rtc', 'tok');
  world.sockets[0].serverClose(1006);
  await assert.rejects(done, (e) => e.code === 'connection_failed');
  assert.equal(room.state, 'disconnected');
});

test('bad server frames are counted and reported, never thrown; unknown types are ignored', async () => {
  const world = createEnv();
  const room = new Room({ env: world.env });
  const ws = await connect(room, world);
  const errors = recordEvents(room, ['error']);
  ws.receive('{not json');
  ws.receive('[1,2]');
  ws.receive({ type: 'participant_joined' }); // no participant
  ws.receive({ type: 'track_published', participant: 'ghost', track: { sid: 5 } });
  ws.receive({ type: 'some_future_event', x: 1 });
  assert.equal(room.engine.counters.badFrames, 4);
  assert.equal(room.engine.counters.unknownFrames, 1);
  assert.deepEqual(errors.map((e) => e[1].code), ['bad_frame', 'bad_frame', 'bad_frame', 'bad_frame']);
  assert.equal(room.state, 'connected');
});

test('events that arrive right behind joined are applied, in order', async () => {
  const world = createEnv();
  const room = new Room({ env: world.env, autoSubscribe: false });
  const done = room.connect('ws://onair.test/rtc', 'tok');
  const ws = world.sockets[0];
  ws.serverOpen();
  await flush();
  ws.receive(joinedFrame(ws.last('join').id));
  ws.receive({ type: 'participant_joined', participant: participant('zoe') }); // same tick
  await done;
  await flush();
  assert.deepEqual([...room.participants.keys()], ['zoe']);
});

test('keepalive: a ping every 10 s; a missing pong drops the socket and starts resuming', async () => {
  const world = createEnv();
  const room = new Room({ env: world.env });
  const ws = await connect(room, world);
  mock.timers.tick(9_999);
  assert.equal(ws.sentOfType('ping').length, 0);
  mock.timers.tick(1);
  assert.deepEqual(ws.last('ping'), { v: 1, type: 'ping' });
  ws.receive({ v: 1, type: 'pong' });
  mock.timers.tick(10_000);
  assert.equal(ws.sentOfType('ping').length, 2);
  assert.equal(room.state, 'connected');
  mock.timers.tick(10_000); // the second ping went unanswered
  assert.equal(room.state, 'reconnecting');
  assert.equal(ws.closedWith.code, 4000);
  assert.equal(ws.sentOfType('leave').length, 0);
});

test('disconnect sends leave, closes both PCs and ends disconnected with reason client_leave', async () => {
  const world = createEnv();
  const room = new Room({ env: world.env });
  const ws = await connect(room, world, [participant('alice', [video('TR_av')])]);
  const events = recordEvents(room, ['disconnected', 'connectionStateChanged']);
  await room.disconnect();
  assert.deepEqual(ws.last('leave'), { v: 1, type: 'leave' });
  assert.equal(ws.closedWith.code, 1000);
  assert.ok(world.pcs.every((pc) => pc.closed));
  assert.equal(room.state, 'disconnected');
  assert.equal(room.participants.size, 0);
  assert.deepEqual(events, [['connectionStateChanged', 'disconnected'], ['disconnected', 'client_leave']]);
});

test('closes with codes 4401/4403/4409/4410/4411 end the session without resuming', async () => {
  for (const [code, reason] of [[4401, 'unauthenticated'], [4403, 'forbidden'], [4409, 'replaced'],
    [4410, 'removed'], [4411, 'room_closed']]) {
    const world = createEnv();
    const room = new Room({ env: world.env });
    const ws = await connect(room, world);
    const events = recordEvents(room, ['disconnected', 'reconnecting', 'error']);
    ws.receive({ v: 1, type: 'error', code: reason, message: 'bye' });
    ws.serverClose(code);
    mock.timers.tick(60_000);
    assert.deepEqual(events.map((e) => e[0]), ['error', 'disconnected'], `close ${code}`);
    assert.equal(events[1][1], reason);
    assert.equal(world.sockets.length, 1, `no resume after ${code}`);
  }
});

test('a room can connect again after it was disconnected', async () => {
  const world = createEnv();
  const room = new Room({ env: world.env });
  await connect(room, world);
  await room.disconnect();
  await connect(room, world);
  assert.equal(room.state, 'connected');
  assert.equal(world.sockets.length, 2);
});

test('connect while connected is refused', async () => {
  const world = createEnv();
  const room = new Room({ env: world.env });
  await connect(room, world);
  await assert.rejects(room.connect('ws://x/rtc', 'tok'), (e) => e.code === 'already_connected');
});

test('once and off remove listeners; a throwing listener does not stop the others', async () => {
  const world = createEnv();
  const room = new Room({ env: world.env });
  const seen = [];
  const original = console.error;
  console.error = () => {};
  try {
    room.on('participantJoined', () => { throw new Error('app bug'); });
    room.once('participantJoined', (p) => seen.push(`once:${p.identity}`));
    const always = (p) => seen.push(`on:${p.identity}`);
    room.on('participantJoined', always);
    const ws = await connect(room, world);
    ws.receive({ type: 'participant_joined', participant: participant('a') });
    room.off('participantJoined', always);
    ws.receive({ type: 'participant_joined', participant: participant('b') });
  } finally {
    console.error = original;
  }
  assert.deepEqual(seen, ['once:a', 'on:a']);
});

test('trickle: local candidates are sent for the right PC, end-of-candidates as null', async () => {
  const world = createEnv();
  const room = new Room({ env: world.env });
  const ws = await connect(room, world, [participant('alice', [video('TR_av')])]);
  const pc = room.engine.subscriberPc;
  pc.emitCandidate({ toJSON: () => ({ candidate: 'candidate:1 1 udp 1 10.0.0.1 5000 typ host', sdpMid: '0' }) });
  pc.emitCandidate(null);
  assert.deepEqual(ws.sentOfType('trickle'), [
    { v: 1, type: 'trickle', pc: 'subscriber', candidate: { candidate: 'candidate:1 1 udp 1 10.0.0.1 5000 typ host', sdpMid: '0' } },
    { v: 1, type: 'trickle', pc: 'subscriber', candidate: null },
  ]);
});
