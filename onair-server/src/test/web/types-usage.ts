// Compile-only (tsc --noEmit, see types.test.mjs): the SDK used as an app would, against onair.d.ts. The
// expect-error directives below must stay errors: they prove the types reject misuse.
import {
  Room, OnairError, signalUrl, reconnectDelayMillis, PING_INTERVAL_MILLIS,
  type RemoteParticipant, type RemoteTrackPublication, type LocalTrackPublication, type ConnectionState,
  type ActiveSpeaker, type SubscriptionState, type DisconnectReason, type RoomEnvironment,
} from '../../main/resources/web/onair.js';
import {
  Chat, chatUrl, chatReconnectDelayMillis, type ChatMessage, type ChatSender, type ChatState, type ChatAck,
} from '../../main/resources/web/onair.js';

export async function demo(token: string, video: HTMLVideoElement): Promise<void> {
  const room = new Room({ autoSubscribe: true, resumeWindowMillis: 30_000, iceServers: [] });
  room.on('participantJoined', (p: RemoteParticipant) => p.identity.toUpperCase());
  room.on('participantLeft', (p, reason: string) => `${p.identity} ${reason}`);
  room.on('trackSubscribed', (track: MediaStreamTrack, pub: RemoteTrackPublication, p: RemoteParticipant) => {
    video.srcObject = new MediaStream([track]);
    return [pub.sid, pub.kind, pub.source, pub.state, p.name];
  });
  room.on('trackMuted', (pub, p, by) => [pub.muted, p.identity, by === 'admin']);
  room.on('activeSpeakersChanged', (speakers: ActiveSpeaker[]) => speakers.map((s) => s.level));
  room.on('subscriptionStateChanged', (pub, state: SubscriptionState) => [pub.sid, state]);
  room.on('connectionStateChanged', (state: ConnectionState) => state);
  room.once('disconnected', (reason: DisconnectReason) => reason);
  room.on('error', (e: OnairError) => [e.code, e.requestId, e.message]);
  room.on('localTrackPublished', (pub: LocalTrackPublication) => pub.sid);
  room.on('reconnecting', () => undefined);
  // @ts-expect-error: no such event
  room.on('participantConnected', () => undefined);
  // @ts-expect-error: trackSubscribed gives a MediaStreamTrack first, not a string
  room.on('trackSubscribed', (track: string) => track);

  await room.connect('ws://host:8080/rtc', token, { room: 'studio' });
  const uploaded = await room.uploadStats();
  if (uploaded) [uploaded.type, uploaded.inbound?.[0]?.framesDecoded, uploaded.currentRoundTripTime];
  new Room({ statsIntervalMillis: 5_000 });
  await room.connect(signalUrl('http://host:8080'), token);
  const cam: LocalTrackPublication | undefined = await room.localParticipant.enableCamera(true);
  await room.localParticipant.enableMicrophone(true);
  await room.localParticipant.enableScreenShare(true);
  await room.localParticipant.setMuted('camera', true);
  // @ts-expect-error: not a source
  await room.localParticipant.setMuted('webcam', true);
  const [track] = (await navigator.mediaDevices.getUserMedia({ video: true })).getVideoTracks();
  if (track) await room.localParticipant.publishTrack(track, { source: 'camera' });
  await room.localParticipant.switchDevice('videoinput', 'device-id');
  const devices: MediaDeviceInfo[] = await Room.getDevices('audioinput');
  await room.subscribe('TR_x');
  await room.unsubscribe('TR_x');
  for (const [identity, p] of room.participants) {
    for (const [sid, pub] of p.tracks) [identity, sid, pub.subscribed, pub.track?.kind, p.role, p.metadata];
  }
  const local = room.localParticipant;
  [local.identity, local.name, local.role, local.metadata, local.tracks.size, cam?.sid, devices.length];
  [room.state, room.activeSpeakers, room.viewerCount, room.kind, room.name];
  // test hooks
  [room.engine.publisherPc?.connectionState, room.engine.subscriberPc, room.engine.socket?.readyState,
    room.engine.counters.badFrames];
  room.simulateSocketDrop();
  reconnectDelayMillis(3) + PING_INTERVAL_MILLIS;
  await room.disconnect();
}

export function injected(env: RoomEnvironment): Room {
  return new Room({ env, autoSubscribe: false });
}

export async function quality(room: Room): Promise<string[]> {
  room.on('connectionQuality', (updates) => updates.map((u) => `${u.identity} ${u.tier} ${u.score ?? '-'}`));
  room.on('impairmentChanged', (applied) => applied?.preset);
  const tiers: (string | null)[] = [room.localParticipant.connectionQuality];
  for (const p of room.participants.values()) tiers.push(p.connectionQuality, String(p.connectionScore));
  if (room.lab.enabled) {
    const applied = await room.lab.setImpairment({ preset: room.lab.presets[0], seed: 7, direction: 'both' });
    tiers.push(applied.preset, String(applied.seed), applied.direction);
    // @ts-expect-error: direction is uplink, downlink or both
    await room.lab.setImpairment({ preset: '3g', direction: 'up' });
    await room.lab.clear();
  }
  return tiers.filter((t): t is string => t !== null);
}

export async function chat(room: Room, token: string): Promise<number> {
  room.on('chat', (m: ChatMessage) => [m.seq, m.from.identity, m.text, m.replayed]);
  room.on('effect', (m) => [m.kind === 'reaction', m.name, m.params]);
  room.on('typing', (from: ChatSender, typing: boolean) => [from.name, typing]);
  room.on('messageDeleted', (seq: number) => seq);
  room.on('chatResync', (messages: ChatMessage[]) => messages.length);
  room.chat.on('chatStateChanged', (state: ChatState) => state);
  // @ts-expect-error: participant events are the room's, not the chat's
  room.chat.on('participantJoined', () => undefined);
  const ack: ChatAck = await room.chat.send('hi');
  await room.chat.sendReaction('heart');
  await room.chat.sendEffect('confetti', { x: 0.5 });
  await room.chat.sendEvent({ poll: 1 });
  await room.chat.sendDm('bob', 'psst');
  await room.chat.setTyping(true);
  // @ts-expect-error: a text is required
  await room.chat.send();
  const viewer = new Chat(chatUrl('https://host'), token, { room: 'demo' });
  viewer.close();
  return ack.seq + (ack.duplicate ? 0 : ack.epoch) + chatReconnectDelayMillis(0, () => 0.5);
}
