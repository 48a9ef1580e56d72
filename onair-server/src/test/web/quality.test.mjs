// onair.js without a server: connection_quality frames, the participants' tiers, and the network lab.
import assert from 'node:assert/strict';
import { Room, OnairError, CONNECTION_TIERS } from '../../main/resources/web/onair.js';
import { test, createEnv, flush, recordEvents, participant, connect } from './fakes.mjs';

const qualityFrame = (participants) => ({ v: 1, type: 'connection_quality', participants });

test('connection_quality sets each known participant\'s tier and score and emits connectionQuality', async () => {
  const world = createEnv();
  const room = new Room({ env: world.env, autoSubscribe: false });
  const events = recordEvents(room, ['connectionQuality']);
  const ws = await connect(room, world, [participant('alice')]);
  assert.deepEqual(CONNECTION_TIERS, ['excellent', 'good', 'poor', 'lost']);
  assert.equal(room.participants.get('alice').connectionQuality, null, 'unknown until a frame lists it');

  ws.receive(qualityFrame([
    { identity: 'alice', tier: 'poor', score: 41.5 },
    { identity: 'me', tier: 'excellent' },
    { identity: 'stranger', tier: 'good' },
    { identity: 'alice2', tier: 'splendid' },
  ]));
  await flush();
  const alice = room.participants.get('alice');
  assert.equal(alice.connectionQuality, 'poor');
  assert.equal(alice.connectionScore, 41.5);
  assert.equal(room.localParticipant.connectionQuality, 'excellent');
  assert.equal(room.localParticipant.connectionScore, null);
  assert.equal(events.length, 1);
  const updates = events[0][1];
  assert.deepEqual(updates.map((u) => [u.identity, u.tier]), [['alice', 'poor'], ['me', 'excellent']],
    'unknown identities and tiers are skipped');
  assert.equal(updates[0].participant, alice);

  ws.receive(qualityFrame([{ identity: 'alice', tier: 'lost' }]));
  await flush();
  assert.equal(alice.connectionQuality, 'lost');
  assert.equal(alice.connectionScore, null);
});

test('lab.presets come from joined; setImpairment sends set_impairment and resolves with what was applied', async () => {
  const world = createEnv();
  const room = new Room({ env: world.env, autoSubscribe: false });
  const changes = recordEvents(room, ['impairmentChanged']);
  const ws = await connect(room, world, [], { lab: { presets: ['lte-good', '3g'] } });
  assert.deepEqual(room.lab.presets, ['lte-good', '3g']);
  assert.equal(room.lab.enabled, true);
  assert.equal(room.lab.applied, null);

  const set = room.lab.setImpairment({ preset: '3g', seed: 42, direction: 'downlink' });
  const sent = ws.sent.at(-1);
  assert.deepEqual({ ...sent, id: undefined },
    { v: 1, type: 'set_impairment', id: undefined, preset: '3g', seed: 42, direction: 'downlink' });
  ws.receive({ v: 1, type: 'impairment', id: sent.id, enabled: true, preset: '3g', seed: 42, direction: 'downlink' });
  assert.deepEqual(await set, { preset: '3g', seed: 42, direction: 'downlink' });
  assert.deepEqual(room.lab.applied, { preset: '3g', seed: 42, direction: 'downlink' });

  const cleared = room.lab.clear();
  const clearFrame = ws.sent.at(-1);
  assert.equal(clearFrame.type, 'clear_impairment');
  ws.receive({ v: 1, type: 'impairment', id: clearFrame.id, enabled: false });
  assert.equal(await cleared, null);
  assert.equal(room.lab.applied, null);
  assert.deepEqual(changes.map((c) => c[1]), [{ preset: '3g', seed: 42, direction: 'downlink' }, null]);
});

test('without lab the presets are empty and the server\'s refusal rejects with its code', async () => {
  const world = createEnv();
  const room = new Room({ env: world.env, autoSubscribe: false });
  const ws = await connect(room, world);
  assert.deepEqual(room.lab.presets, []);
  assert.equal(room.lab.enabled, false);

  const set = room.lab.setImpairment({ preset: '3g' });
  const sent = ws.sent.at(-1);
  assert.equal(sent.seed, undefined, 'no seed: the server draws one');
  assert.equal(sent.direction, undefined);
  ws.receive({ v: 1, type: 'error', id: sent.id, code: 'forbidden', message: 'needs lab' });
  await assert.rejects(set, (e) => e instanceof OnairError && e.code === 'forbidden');
  assert.equal(room.lab.applied, null);
});
