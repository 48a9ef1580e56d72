// onair.js's chat without a server: the /chat socket (room.chat and a standalone Chat) against a fake
// WebSocket on mocked timers: ordering and dedupe, ack/error mapping, re-send with the same clientMsgId after a
// drop, resume (recovered true/false), tombstones, fatal closes, typing.
import { mock } from 'node:test';
import assert from 'node:assert/strict';
import { Room, Chat, chatUrl, chatReconnectDelayMillis, CHAT_MAX_MESSAGES, CHAT_RATE_LIMIT_RETRIES } from '../../main/resources/web/onair.js';
import { test, createEnv, flush, recordEvents, connect } from './fakes.mjs';

const EPOCH = 1767225600000;
const CHAT_EVENTS = ['chat', 'dm', 'effect', 'event', 'presence', 'typing', 'messageDeleted', 'chatResync',
  'chatStateChanged', 'error'];

/** A seeded generator (mulberry32): the same seed gives the same jitter. */
function seeded(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const msg = (seq, extra = {}) => ({
  type: 'msg', seq, epoch: EPOCH, time: EPOCH + seq, kind: 'chat', from: { identity: 'alice' }, text: `m${seq}`, ...extra,
});
const resumed = (lastSeq, extra = {}) => ({ type: 'resumed', recovered: false, fresh: true, epoch: EPOCH, lastSeq, ...extra });

/** A standalone Chat whose socket is open and joined (a fresh join with an empty log unless `lastSeq`). */
async function joinedChat(options = {}, lastSeq = 0) {
  const world = createEnv();
  const chat = new Chat('http://onair.test', 'tok', { env: world.env, room: 'demo', random: () => 1, ...options });
  const ws = world.chatSockets.at(-1);
  ws.serverOpen();
  ws.receive(resumed(lastSeq));
  await flush();
  return { world, chat, ws };
}

test('chatUrl: http(s) become ws(s), "/" and "/rtc" become "/chat"', () => {
  assert.equal(chatUrl('http://h:8080'), 'ws://h:8080/chat');
  assert.equal(chatUrl('https://h/'), 'wss://h/chat');
  assert.equal(chatUrl('ws://h/rtc'), 'ws://h/chat');
  assert.equal(chatUrl('wss://h/custom/chat'), 'wss://h/custom/chat');
});

test('chatReconnectDelayMillis: the backoff times a jitter in [0.5, 1), the same for the same seed', () => {
  assert.deepEqual([0, 1, 2, 5].map((a) => chatReconnectDelayMillis(a, () => 0)), [125, 250, 500, 2500]);
  const a = [0, 1, 2, 3, 4, 5].map((n) => chatReconnectDelayMillis(n, seeded(7)));
  const b = [0, 1, 2, 3, 4, 5].map((n) => chatReconnectDelayMillis(n, seeded(7)));
  assert.deepEqual(a, b);
  const r = seeded(42);
  for (let attempt = 0; attempt < 8; attempt += 1) {
    const d = chatReconnectDelayMillis(attempt, r);
    const base = Math.min(250 * 2 ** attempt, 5000);
    assert.ok(d >= base / 2 && d <= base, `attempt ${attempt}: ${d} in [${base / 2}, ${base}]`);
  }
});

test('room.connect opens /chat with the room token and name after joining; chat events are the room events too', async () => {
  const world = createEnv();
  const room = new Room({ env: world.env, statsIntervalMillis: 0 });
  const events = recordEvents(room, CHAT_EVENTS);
  await connect(room, world);
  assert.equal(world.chatSockets.length, 1);
  const ws = world.chatSockets[0];
  assert.equal(ws.url, 'ws://onair.test/chat');
  ws.serverOpen();
  assert.deepEqual(ws.sent, [{ type: 'join', token: 'tok', room: 'studio' }]);
  ws.receive(resumed(0));
  ws.receive(msg(1, { from: { identity: 'alice', name: 'Alice' } }));
  assert.equal(room.chat.state, 'connected');
  assert.deepEqual(events.map((e) => e[0]), ['chatStateChanged', 'chatStateChanged', 'chat']);
  assert.equal(events[2][1].text, 'm1');
  await room.disconnect();
  assert.equal(room.chat.state, 'closed');
  assert.equal(ws.closedWith.code, 1000);
});

test('new Room({ chat: false }) opens no /chat socket', async () => {
  const world = createEnv();
  const room = new Room({ env: world.env, chat: false, statsIntervalMillis: 0 });
  await connect(room, world);
  assert.equal(world.chatSockets.length, 0);
  assert.equal(room.chat.state, 'idle');
  await room.disconnect();
});

test('messages keep seq order; a repeated seq or another epoch is dropped and counted; each kind has its event', async () => {
  const { chat, ws } = await joinedChat();
  const events = recordEvents(chat, CHAT_EVENTS);
  ws.receive(msg(1));
  ws.receive(msg(2, { kind: 'reaction', name: 'heart', params: {}, text: undefined }));
  ws.receive(msg(2)); // again
  ws.receive(msg(3, { kind: 'effect', name: 'confetti', params: { x: 0.5 } }));
  ws.receive(msg(4, { kind: 'event', data: { poll: 1 } }));
  ws.receive(msg(5, { kind: 'dm', to: 'me', text: 'psst' }));
  ws.receive(msg(6, { kind: 'presence', state: 'joined' }));
  ws.receive(msg(7, { epoch: EPOCH + 1 }));
  ws.receive('not json');
  assert.deepEqual(chat.messages.map((m) => m.seq), [1, 2, 3, 4, 5, 6]);
  assert.deepEqual(events.map((e) => e[0]), ['chat', 'effect', 'effect', 'event', 'dm', 'presence']);
  assert.deepEqual([events[1][1].kind, events[2][1].kind], ['reaction', 'effect']);
  assert.equal(chat.lastSeq, 6);
  assert.deepEqual(chat.counters, { badFrames: 1, duplicates: 1, reconnects: 0, otherEpoch: 1 });
  assert.ok(chat.messages.every((m) => m.replayed === false && !('type' in m)));
});

test('the messages of the join snapshot are marked replayed, live ones not', async () => {
  const { chat, ws } = await joinedChat({}, 2);
  ws.receive(msg(1));
  ws.receive(msg(2, { kind: 'reaction', name: 'heart' }));
  ws.receive(msg(3));
  assert.deepEqual(chat.messages.map((m) => m.replayed), [true, true, false]);
});

test('send resolves with the ack; an error frame rejects that send with its code (and retryAfterMillis)', async () => {
  const { chat, ws } = await joinedChat({ rateLimitRetries: 0 }); // 0: a rate_limited send rejects at once
  const first = chat.send('hello');
  const second = chat.sendReaction('heart', { size: 2 });
  const third = chat.sendDm('bob', 'psst');
  const [s1, s2, s3] = ws.sentOfType('send');
  assert.deepEqual({ ...s1, clientMsgId: 'x' }, { type: 'send', kind: 'chat', clientMsgId: 'x', text: 'hello' });
  assert.deepEqual(s2.params, { size: 2 });
  assert.equal(s3.to, 'bob');
  assert.equal(new Set([s1.clientMsgId, s2.clientMsgId, s3.clientMsgId]).size, 3, 'one clientMsgId per message');
  ws.receive({ type: 'ack', clientMsgId: s2.clientMsgId, seq: 8, epoch: EPOCH, duplicate: true });
  ws.receive({ type: 'ack', clientMsgId: s1.clientMsgId, seq: 7, epoch: EPOCH, duplicate: false });
  ws.receive({ type: 'error', code: 'rate_limited', reason: 'slow down', clientMsgId: s3.clientMsgId, retryAfterMillis: 200 });
  assert.deepEqual(await first, { seq: 7, epoch: EPOCH, duplicate: false });
  assert.deepEqual(await second, { seq: 8, epoch: EPOCH, duplicate: true });
  await assert.rejects(third, (e) => e.code === 'rate_limited' && e.retryAfterMillis === 200 && e.message === 'slow down');
});

test('an error without a clientMsgId (e.g. typing refused) is an error event, not a rejection', async () => {
  const { chat, ws } = await joinedChat();
  const errors = recordEvents(chat, ['error']);
  ws.receive({ type: 'error', code: 'forbidden', reason: 'no chat permission' });
  assert.equal(errors.length, 1);
  assert.equal(errors[0][1].code, 'forbidden');
  assert.equal(chat.state, 'connected');
});

test('a drop reconnects after the jittered backoff, resumes from epoch/lastSeq and re-sends unacked messages with the same id', async () => {
  const { world, chat, ws } = await joinedChat({ random: () => 0 });
  ws.receive(msg(1));
  ws.receive(msg(2));
  const pending = chat.send('are you there?');
  const id = ws.last('send').clientMsgId;
  ws.serverClose(1006);
  assert.equal(chat.state, 'reconnecting');
  const late = chat.send('written while offline');
  mock.timers.tick(124);
  assert.equal(world.chatSockets.length, 1, 'no attempt before 125 ms (250 ms × jitter 0.5)');
  mock.timers.tick(1);
  assert.equal(world.chatSockets.length, 2);
  const ws2 = world.chatSockets[1];
  ws2.serverOpen();
  assert.deepEqual(ws2.sent, [{ type: 'join', token: 'tok', room: 'demo', epoch: EPOCH, lastSeq: 2 }]);
  ws2.receive(resumed(3, { recovered: true, fresh: false }));
  const resent = ws2.sentOfType('send');
  assert.deepEqual(resent.map((f) => f.text), ['are you there?', 'written while offline']);
  assert.equal(resent[0].clientMsgId, id, 'the same clientMsgId, so the server stores it once');
  ws2.receive({ type: 'ack', clientMsgId: id, seq: 3, epoch: EPOCH, duplicate: true });
  ws2.receive({ type: 'ack', clientMsgId: resent[1].clientMsgId, seq: 4, epoch: EPOCH, duplicate: false });
  assert.deepEqual(await pending, { seq: 3, epoch: EPOCH, duplicate: true });
  assert.equal((await late).seq, 4);
  assert.equal(chat.counters.reconnects, 1);
});

test('a failed reconnect backs off further; the attempt count restarts once resumed', async () => {
  const { world, chat, ws } = await joinedChat({ random: () => 1 });
  ws.serverClose(1001); // shutdown: reconnect
  mock.timers.tick(250);
  world.chatSockets[1].serverClose(1006);
  mock.timers.tick(499);
  assert.equal(world.chatSockets.length, 2);
  mock.timers.tick(1);
  assert.equal(world.chatSockets.length, 3);
  world.chatSockets[2].serverOpen();
  world.chatSockets[2].receive(resumed(0, { recovered: true, fresh: false }));
  world.chatSockets[2].serverClose(4429, 'slow_consumer'); // resumable
  assert.equal(chat.state, 'reconnecting');
  mock.timers.tick(250);
  assert.equal(world.chatSockets.length, 4);
});

test('resume with recovered: true replays only what was missed; seqs already seen are dropped; no chatResync', async () => {
  const { world, chat, ws } = await joinedChat();
  ws.receive(msg(1));
  ws.receive(msg(2));
  const events = recordEvents(chat, ['chat', 'chatResync']);
  chat.simulateSocketDrop();
  assert.equal(ws.closedWith.code, 4000);
  mock.timers.tick(250);
  const ws2 = world.chatSockets[1];
  ws2.serverOpen();
  ws2.receive(resumed(4, { recovered: true, fresh: false }));
  ws2.receive(msg(2)); // an overlap must not show twice
  ws2.receive(msg(3));
  ws2.receive(msg(4));
  ws2.receive(msg(5));
  assert.deepEqual(chat.messages.map((m) => [m.seq, m.replayed]), [[1, false], [2, false], [3, true], [4, true], [5, false]]);
  assert.deepEqual(events.map((e) => e[1].seq), [3, 4, 5]);
  assert.equal(chat.counters.duplicates, 1);
});

test('resume with recovered: false replaces the list with the snapshot and emits chatResync', async () => {
  const { world, chat, ws } = await joinedChat();
  ws.receive(msg(1));
  ws.receive(msg(2));
  ws.serverClose(1006);
  mock.timers.tick(250);
  const ws2 = world.chatSockets[1];
  ws2.serverOpen();
  const events = recordEvents(chat, ['chatResync', 'chat']);
  ws2.receive(resumed(31, { recovered: false, fresh: false, epoch: EPOCH + 9 }));
  assert.deepEqual(events, [['chatResync', []]]);
  assert.deepEqual(chat.messages, []);
  ws2.receive(msg(30, { epoch: EPOCH + 9 }));
  ws2.receive(msg(31, { epoch: EPOCH + 9 }));
  assert.deepEqual(chat.messages.map((m) => m.seq), [30, 31]);
  assert.equal(chat.epoch, EPOCH + 9);
  assert.equal(chat.lastSeq, 31);
});

test('tombstones: a delete removes its target and emits messageDeleted; a replayed deleted message is skipped', async () => {
  const { chat, ws } = await joinedChat({}, 2);
  const events = recordEvents(chat, ['chat', 'messageDeleted']);
  ws.receive({ type: 'msg', seq: 1, epoch: EPOCH, time: EPOCH, deleted: true });
  ws.receive(msg(2));
  ws.receive(msg(3));
  ws.receive(msg(4, { kind: 'delete', targetSeq: 2, from: { identity: 'admin' }, text: undefined }));
  assert.deepEqual(chat.messages.map((m) => m.seq), [3]);
  assert.deepEqual(events.map((e) => [e[0], e[0] === 'chat' ? e[1].seq : e[1]]), [['chat', 2], ['chat', 3], ['messageDeleted', 2]]);
  assert.equal(chat.lastSeq, 4);
});

test('a 4403 close (banned, other room) ends the chat: no reconnect, pending sends rejected', async () => {
  const { world, chat, ws } = await joinedChat();
  const errors = recordEvents(chat, ['error']);
  const pending = chat.send('hi');
  ws.receive({ type: 'error', code: 'banned', reason: 'banned from demo' });
  ws.serverClose(4403, 'banned');
  assert.equal(chat.state, 'closed');
  await assert.rejects(pending, (e) => e.code === 'banned');
  mock.timers.tick(10_000);
  assert.equal(world.chatSockets.length, 1);
  assert.deepEqual(errors.map((e) => e[1].code), ['banned'], 'one error: the close repeats what the frame said');
  await assert.rejects(chat.send('again'), (e) => e.code === 'chat_closed');
});

test('a 4401 close (bad token) ends the chat too', async () => {
  const world = createEnv();
  const chat = new Chat('ws://onair.test', 'bad', { env: world.env });
  world.chatSockets[0].serverOpen();
  assert.deepEqual(world.chatSockets[0].sent, [{ type: 'join', token: 'bad' }]);
  const errors = recordEvents(chat, ['error']);
  world.chatSockets[0].serverClose(4401, 'unauthenticated'); // no error frame before it: the close says why
  mock.timers.tick(10_000);
  assert.equal(chat.state, 'closed');
  assert.equal(world.chatSockets.length, 1);
  assert.deepEqual(errors.map((e) => e[1].code), ['unauthenticated']);
});

test('a 4400 close with reason protocol_error (too many malformed frames) ends the chat as protocol_error', async () => {
  const { world, chat, ws } = await joinedChat();
  const errors = recordEvents(chat, ['error']);
  ws.serverClose(4400, 'protocol_error');
  mock.timers.tick(10_000);
  assert.equal(chat.state, 'closed');
  assert.equal(world.chatSockets.length, 1, 'no reconnect');
  assert.deepEqual(errors.map((e) => e[1].code), ['protocol_error']);
});

test('new Room({ chatRateLimitRetries }) bounds room.chat re-sends of rate_limited sends', async () => {
  const world = createEnv();
  const room = new Room({ env: world.env, statsIntervalMillis: 0, chatRateLimitRetries: 0 });
  await connect(room, world);
  const ws = world.chatSockets[0];
  ws.serverOpen();
  ws.receive(resumed(0));
  const p = room.chat.send('spam');
  const id = ws.last('send').clientMsgId;
  ws.receive({ type: 'error', code: 'rate_limited', reason: 'slow down', clientMsgId: id, retryAfterMillis: 200 });
  await assert.rejects(p, (e) => e.code === 'rate_limited' && e.retries === 0);
  mock.timers.tick(10_000);
  assert.equal(ws.sentOfType('send').length, 1, 'not re-sent');
  await room.disconnect();
});

test('typing: frames become typing events; setTyping sends only changes, and only while connected', async () => {
  const { chat, ws } = await joinedChat();
  const events = recordEvents(chat, ['typing']);
  ws.receive({ type: 'typing', from: { identity: 'bob', name: 'Bob' }, state: 'typing' });
  ws.receive({ type: 'typing', from: { identity: 'bob', name: 'Bob' }, state: 'idle' });
  assert.deepEqual(events, [['typing', { identity: 'bob', name: 'Bob' }, true], ['typing', { identity: 'bob', name: 'Bob' }, false]]);
  await chat.setTyping(true);
  await chat.setTyping(true);
  await chat.setTyping(false);
  assert.deepEqual(ws.sentOfType('send'), [
    { type: 'send', kind: 'presence', state: 'typing' }, { type: 'send', kind: 'presence', state: 'idle' }]);
});

test('sends before the socket opens wait for the join and go out after resumed', async () => {
  const world = createEnv();
  const chat = new Chat('ws://onair.test', 'tok', { env: world.env, random: () => 1 });
  const p = chat.sendEvent({ poll: 'yes' });
  const ws = world.chatSockets[0];
  ws.serverOpen();
  assert.deepEqual(ws.sent.map((f) => f.type), ['join']);
  ws.receive(resumed(0));
  const send = ws.last('send');
  assert.deepEqual(send.data, { poll: 'yes' });
  ws.receive({ type: 'ack', clientMsgId: send.clientMsgId, seq: 1, epoch: EPOCH, duplicate: false });
  assert.equal((await p).seq, 1);
});

test('chat.messages keeps only the newest CHAT_MAX_MESSAGES', async () => {
  const { chat, ws } = await joinedChat();
  for (let seq = 1; seq <= CHAT_MAX_MESSAGES + 5; seq += 1) ws.receive(msg(seq));
  assert.equal(chat.messages.length, CHAT_MAX_MESSAGES);
  assert.deepEqual([chat.messages[0].seq, chat.messages.at(-1).seq], [6, CHAT_MAX_MESSAGES + 5]);
});

test('rate_limited: the send is re-sent with the same clientMsgId after retryAfterMillis, then resolves with the ack', async () => {
  const { chat, ws } = await joinedChat();
  const p = chat.send('hello');
  const sent = ws.last('send');
  ws.receive({ type: 'error', code: 'rate_limited', reason: 'slow down', clientMsgId: sent.clientMsgId, retryAfterMillis: 300 });
  mock.timers.tick(299);
  assert.equal(ws.sentOfType('send').length, 1, 'no re-send before retryAfterMillis');
  mock.timers.tick(1);
  const resent = ws.sentOfType('send');
  assert.equal(resent.length, 2);
  assert.deepEqual(resent[1], sent, 'the same frame, the same clientMsgId');
  ws.receive({ type: 'ack', clientMsgId: sent.clientMsgId, seq: 9, epoch: EPOCH, duplicate: false });
  assert.deepEqual(await p, { seq: 9, epoch: EPOCH, duplicate: false });
  mock.timers.tick(10_000);
  assert.equal(ws.sentOfType('send').length, 2, 'nothing more once acked');
});

test('rate_limited: after CHAT_RATE_LIMIT_RETRIES re-sends the send rejects with a clear rate_limited error', async () => {
  const { chat, ws } = await joinedChat();
  const p = chat.send('spam');
  const id = ws.last('send').clientMsgId;
  for (let i = 0; i < CHAT_RATE_LIMIT_RETRIES; i += 1) {
    ws.receive({ type: 'error', code: 'rate_limited', reason: 'over 5 messages per second', clientMsgId: id, retryAfterMillis: 200 });
    mock.timers.tick(200);
  }
  assert.equal(ws.sentOfType('send').length, 1 + CHAT_RATE_LIMIT_RETRIES);
  assert.ok(ws.sentOfType('send').every((f) => f.clientMsgId === id));
  ws.receive({ type: 'error', code: 'rate_limited', reason: 'over 5 messages per second', clientMsgId: id, retryAfterMillis: 200 });
  await assert.rejects(p, (e) => e.code === 'rate_limited' && e.retryAfterMillis === 200 && e.clientMsgId === id
    && e.retries === CHAT_RATE_LIMIT_RETRIES
    && e.message === `still rate limited after ${CHAT_RATE_LIMIT_RETRIES} re-sends: over 5 messages per second`);
  mock.timers.tick(10_000);
  assert.equal(ws.sentOfType('send').length, 1 + CHAT_RATE_LIMIT_RETRIES, 'no re-send after the rejection');
});

test('rate_limited without retryAfterMillis waits 1 s; a huge one is capped at 10 s; rateLimitRetries sets the bound', async () => {
  const { chat, ws } = await joinedChat({ rateLimitRetries: 1 });
  const p = chat.send('a');
  const id = ws.last('send').clientMsgId;
  ws.receive({ type: 'error', code: 'rate_limited', reason: 'slow down', clientMsgId: id });
  mock.timers.tick(999);
  assert.equal(ws.sentOfType('send').length, 1);
  mock.timers.tick(1);
  assert.equal(ws.sentOfType('send').length, 2);
  ws.receive({ type: 'error', code: 'rate_limited', reason: 'slow down', clientMsgId: id });
  await assert.rejects(p, (e) => e.code === 'rate_limited' && e.retries === 1);

  const q = chat.send('b');
  const id2 = ws.last('send').clientMsgId;
  ws.receive({ type: 'error', code: 'rate_limited', reason: 'slow down', clientMsgId: id2, retryAfterMillis: 3_600_000 });
  mock.timers.tick(10_000);
  assert.equal(ws.last('send').clientMsgId, id2);
  assert.equal(ws.sentOfType('send').length, 4);
  ws.receive({ type: 'ack', clientMsgId: id2, seq: 3, epoch: EPOCH, duplicate: false });
  assert.equal((await q).seq, 3);
});

test('rate_limited: a send waiting for its re-send rejects with chat_closed on close and is not re-sent', async () => {
  const { chat, ws } = await joinedChat();
  const p = chat.send('bye');
  const id = ws.last('send').clientMsgId;
  ws.receive({ type: 'error', code: 'rate_limited', reason: 'slow down', clientMsgId: id, retryAfterMillis: 500 });
  chat.close();
  await assert.rejects(p, (e) => e.code === 'chat_closed');
  mock.timers.tick(1_000);
  assert.equal(ws.sentOfType('send').length, 1);
});

test('rate_limited while the socket drops: the resume re-sends it once, the scheduled re-send finds it acked', async () => {
  const { world, chat, ws } = await joinedChat({ random: () => 0 });
  const p = chat.send('through a drop');
  const id = ws.last('send').clientMsgId;
  ws.receive({ type: 'error', code: 'rate_limited', reason: 'slow down', clientMsgId: id, retryAfterMillis: 1_000 });
  ws.serverClose(1006);
  mock.timers.tick(125);
  const ws2 = world.chatSockets[1];
  ws2.serverOpen();
  ws2.receive(resumed(0, { recovered: true, fresh: false }));
  assert.deepEqual(ws2.sentOfType('send').map((f) => f.clientMsgId), [id]);
  ws2.receive({ type: 'ack', clientMsgId: id, seq: 1, epoch: EPOCH, duplicate: false });
  assert.equal((await p).seq, 1);
  mock.timers.tick(1_000);
  assert.equal(ws2.sentOfType('send').length, 1);
});

test('deleteMessage (admins) sends a delete frame; the tombstone then removes it; refused while not connected', async () => {
  const { chat, ws } = await joinedChat();
  ws.receive(msg(1));
  const events = recordEvents(chat, ['messageDeleted', 'error']);
  await chat.deleteMessage(1);
  assert.deepEqual(ws.last('delete'), { type: 'delete', seq: 1 });
  ws.receive(msg(2, { kind: 'delete', targetSeq: 1, from: { identity: 'admin' }, text: undefined }));
  assert.deepEqual(chat.messages, []);
  ws.receive({ type: 'error', code: 'not_found', reason: 'no message 7 in history' }); // a second delete's answer
  assert.deepEqual(events.map((e) => [e[0], e[0] === 'error' ? e[1].code : e[1]]), [['messageDeleted', 1], ['error', 'not_found']]);
  await assert.rejects(chat.deleteMessage(0), (e) => e.code === 'bad_request');
  ws.serverClose(1006);
  await assert.rejects(chat.deleteMessage(1), (e) => e.code === 'not_connected');
  assert.equal(ws.sentOfType('delete').length, 1);
});
