// The client_stats upload: summarizeStats over fake getStats() reports, and the room's periodic upload.
import { mock } from 'node:test';
import assert from 'node:assert/strict';
import { Room, summarizeStats, DEFAULT_STATS_INTERVAL_MILLIS } from '../../main/resources/web/onair.js';
import { test, createEnv, flush, connect, answerPublish } from './fakes.mjs';

/** A Map-like RTCStatsReport of these stats objects. */
function report(...stats) {
  return new Map(stats.map((s, i) => [s.id ?? `s${i}`, { id: `s${i}`, ...s }]));
}

const inboundVideo = {
  type: 'inbound-rtp', kind: 'video', ssrc: 1111, mid: '1', packetsReceived: 900, packetsLost: 12,
  jitter: 0.004, framesDecoded: 300, framesPerSecond: 29.97, frameWidth: 640, frameHeight: 480, freezeCount: 1,
  totalFreezesDuration: 0.4, jitterBufferDelay: 12.5, jitterBufferEmittedCount: 300, nackCount: 3,
  bytesReceived: 123456, codecId: 'c1', decoderImplementation: 'libvpx',
};
const inboundAudio = {
  type: 'inbound-rtp', kind: 'audio', ssrc: 2222, mid: '0', packetsReceived: 500, packetsLost: -2,
  jitter: 0.002, concealedSamples: 480, totalSamplesReceived: 480000, jitterBufferDelay: 28800,
  jitterBufferEmittedCount: 480000,
};
const outboundVideo = {
  type: 'outbound-rtp', kind: 'video', ssrc: 3333, packetsSent: 1000, framesEncoded: 310, framesPerSecond: 30,
  frameWidth: 1280, frameHeight: 720, qualityLimitationReason: 'bandwidth', rid: 'h',
};

test('summarizeStats keeps the fields the server uses, in W3C names and units', () => {
  const body = summarizeStats([report(inboundVideo, inboundAudio, outboundVideo,
    { type: 'transport', selectedCandidatePairId: 'pair1' },
    { id: 'pair1', type: 'candidate-pair', currentRoundTripTime: 0.031, nominated: true, state: 'succeeded' },
    { type: 'candidate-pair', currentRoundTripTime: 0.9, nominated: false, state: 'failed' },
    { type: 'codec', mimeType: 'video/VP8' })]);
  assert.equal(body.type, 'client_stats');
  assert.deepEqual(body.inbound[0], {
    ssrc: 1111, kind: 'video', mid: '1', packetsReceived: 900, packetsLost: 12, jitter: 0.004, framesDecoded: 300,
    framesPerSecond: 29.97, frameWidth: 640, frameHeight: 480, freezeCount: 1, totalFreezesDuration: 0.4,
    jitterBufferDelay: 12.5, jitterBufferEmittedCount: 300, nackCount: 3,
  });
  assert.equal(body.inbound[1].packetsLost, 0, 'a negative packetsLost (duplicates) is sent as 0');
  assert.equal(body.inbound[1].concealedSamples, 480);
  assert.deepEqual(body.outbound, [{
    ssrc: 3333, kind: 'video', packetsSent: 1000, framesEncoded: 310, framesPerSecond: 30, frameWidth: 1280,
    frameHeight: 720, qualityLimitationReason: 'bandwidth',
  }]);
  assert.equal(body.currentRoundTripTime, 0.031, 'the selected pair, not another one');
});

test('summarizeStats leaves out what is not a finite number and bounds the lists', () => {
  const many = [];
  for (let i = 0; i < 40; i++) many.push({ type: 'inbound-rtp', kind: 'audio', ssrc: i, jitter: NaN, nackCount: Infinity });
  many.push({ type: 'inbound-rtp', kind: 'data', ssrc: 99 }, { type: 'inbound-rtp', kind: 'video' });
  const body = summarizeStats([report(...many)]);
  assert.equal(body.inbound.length, 32);
  assert.deepEqual(body.inbound[0], { ssrc: 0, kind: 'audio' });
  assert.equal(body.outbound, undefined);
  assert.equal(body.currentRoundTripTime, undefined);
  assert.ok(JSON.stringify(body).length < 16 * 1024, 'well under the server limit');
});

test('a connected room uploads client_stats every 2 s from both peer connections, and stops on disconnect', async () => {
  const world = createEnv();
  const room = new Room({ env: world.env });
  const ws = await connect(room, world);
  assert.equal(DEFAULT_STATS_INTERVAL_MILLIS, 2000);

  mock.timers.tick(2000);
  await flush();
  assert.equal(ws.sent.filter((f) => f.type === 'client_stats').length, 0, 'no peer connection yet: nothing sent');

  const publishing = room.localParticipant.enableCamera(true);
  await flush();
  answerPublish(ws);
  await publishing;
  const pc = world.pcs[0];
  let calls = 0;
  pc.getStats = async () => { calls += 1; return report(outboundVideo); };

  mock.timers.tick(2000);
  await flush();
  await flush();
  const uploads = ws.sent.filter((f) => f.type === 'client_stats');
  assert.equal(calls, 1);
  assert.equal(uploads.length, 1);
  assert.equal(uploads[0].v, 1);
  assert.equal(uploads[0].id, undefined, 'fire and forget: no id, so no reply');
  assert.equal(uploads[0].outbound[0].ssrc, 3333);
  assert.equal(room.engine.stats.sent, 1);

  await room.disconnect();
  mock.timers.tick(10_000);
  await flush();
  assert.equal(calls, 1, 'no collection after disconnect');
});

test('statsIntervalMillis: 0 turns the periodic upload off; uploadStats still sends on demand', async () => {
  const world = createEnv();
  const room = new Room({ env: world.env, statsIntervalMillis: 0 });
  const ws = await connect(room, world);
  const publishing = room.localParticipant.enableCamera(true);
  await flush();
  answerPublish(ws);
  await publishing;
  world.pcs[0].getStats = async () => report(inboundAudio);
  mock.timers.tick(9_000); // under the 10 s ping, which would need a pong
  await flush();
  assert.equal(ws.sent.filter((f) => f.type === 'client_stats').length, 0);
  const body = await room.uploadStats();
  assert.equal(body.inbound[0].ssrc, 2222);
  assert.equal(ws.sent.filter((f) => f.type === 'client_stats').length, 1);
});
