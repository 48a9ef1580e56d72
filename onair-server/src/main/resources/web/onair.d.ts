/**
 * onair.js: the browser SDK of Onair, a WebRTC SFU. It speaks signalling protocol v1 over the WebSocket
 * `/rtc` (docs/protocol.md) and runs two `RTCPeerConnection`s, a publisher and a subscriber; the client is the
 * offerer on both and the server only answers.
 *
 * ```ts
 * import { Room } from '/onair.js';
 * const room = new Room({ autoSubscribe: true });
 * room.on('trackSubscribed', (track, pub, participant) => attach(track, participant));
 * await room.connect('ws://host:8080/rtc', token, { room: 'studio' });
 * await room.localParticipant.enableCamera(true);
 * await room.localParticipant.enableMicrophone(true);
 * ```
 *
 * @packageDocumentation
 */

/** The protocol version sent as `v` in every frame. */
export declare const PROTOCOL_VERSION: 1;
/** Keepalive: a `ping` every 10 s; a ping unanswered for a whole interval counts as a dropped socket. */
export declare const PING_INTERVAL_MILLIS: 10000;
/** How long ICE may stay `disconnected`, with the socket up, before the SDK restarts ICE on that PC. */
export declare const ICE_DISCONNECTED_GRACE_MILLIS: 2000;

/**
 * The delay before resume attempt `attempt` (0-based) after the socket dropped:
 * 250 ms, 500 ms, 1 s, 2 s, 4 s, then 5 s for every later attempt.
 */
export declare function reconnectDelayMillis(attempt: number): number;

/**
 * The signalling URL for `url`: `http:` becomes `ws:`, `https:` becomes `wss:`, and a URL without a path
 * (`http://host:8080`) gets `/rtc`. Relative URLs resolve against `base`, else `location.href`.
 * @throws {OnairError} `bad_url` for anything that is not ws(s) or http(s).
 */
export declare function signalUrl(url: string, base?: string): string;

/** `'disconnected' → 'connecting' → 'connected' ⇄ 'reconnecting' → 'disconnected'`. */
export type ConnectionState = 'disconnected' | 'connecting' | 'connected' | 'reconnecting';
/** `conference`: everyone may publish (with the `publish` permission); `broadcast`: hosts publish, viewers watch. */
export type RoomKind = 'conference' | 'broadcast';
/** `participant` in a conference; `host` or `viewer` in a broadcast room. */
export type ParticipantRole = 'host' | 'participant' | 'viewer';
export type TrackKind = 'audio' | 'video';
export type TrackSource = 'camera' | 'microphone' | 'screen' | 'screen_audio';
/**
 * Where a remote track stands for this client:
 * - `unsubscribed`: not asked for;
 * - `subscribing`: asked for, the subscribe offer is under way;
 * - `active`: media flows;
 * - `paused`: the server's video cap paused it (conference rooms; it resumes by itself);
 * - `unavailable`: the server could not bind it (it was unpublished meanwhile, or it is your own track).
 */
export type SubscriptionState = 'unsubscribed' | 'subscribing' | 'active' | 'paused' | 'unavailable';
/** Who muted a track: the participant itself, or an administrator (only an admin can undo an admin mute). */
export type MuteOrigin = 'self' | 'admin';
/**
 * Why the room ended:
 * - `client_leave`: {@link Room.disconnect} was called;
 * - `resume_window_expired`: the socket stayed down longer than `resumeWindowMillis`;
 * - `unauthenticated` (close 4401), `forbidden` (4403), `replaced` (4409, the same identity joined elsewhere),
 *   `removed` (4410, by an administrator), `room_closed` (4411).
 */
export type DisconnectReason =
  | 'client_leave' | 'resume_window_expired' | 'unauthenticated' | 'forbidden' | 'replaced' | 'removed'
  | 'room_closed' | (string & {});
/** Error codes: the protocol's (docs/protocol.md, "Error codes") and the SDK's own. */
export type OnairErrorCode =
  | 'malformed_json' | 'bad_request' | 'unsupported_version' | 'unknown_type' | 'frame_too_large'
  | 'binary_not_supported' | 'not_joined' | 'already_joined' | 'forbidden' | 'negotiation_failed'
  | 'unknown_track' | 'at_capacity' | 'unauthenticated' | 'join_timeout' | 'replaced' | 'removed' | 'room_closed'
  /** SDK: the signalling socket closed while the command waited for its answer. */
  | 'connection_closed'
  /** SDK: the signalling socket could not be opened. */
  | 'connection_failed'
  /** SDK: the room was left while the command waited. */
  | 'disconnected'
  /** SDK: a command that needs a connection, with the room disconnected. */
  | 'not_connected'
  /** SDK: {@link Room.connect} while not disconnected. */
  | 'already_connected'
  /** SDK: a server frame the SDK could not use (counted in `engine.counters.badFrames`). */
  | 'bad_frame'
  | 'bad_url' | 'bad_joined' | 'bad_answer' | 'unsupported' | 'internal'
  | (string & {});

/** A server `error` frame, or a failure of the SDK itself. */
export declare class OnairError extends Error {
  constructor(code: OnairErrorCode, message?: string, requestId?: string | null);
  readonly name: 'OnairError';
  /** The machine-readable code, e.g. `forbidden` or `connection_closed`. */
  readonly code: OnairErrorCode;
  /** The `id` of the command the server refused; null for unsolicited errors and SDK errors. */
  readonly requestId: string | null;
  /** Chat sends: the server's wait before a retry (`rate_limited`). */
  readonly retryAfterMillis?: number;
  /** Chat sends: the refused send's `clientMsgId`. */
  readonly clientMsgId?: string;
  /** Chat sends: how often the SDK re-sent it before giving up (`rate_limited`). */
  readonly retries?: number;
}

/** A speaker in `active_speakers`, loudest first. */
export interface ActiveSpeaker {
  identity: string;
  /** Audio level, 0 (silence) to 1 (loudest). */
  level: number;
}

/**
 * What the SDK takes from the outside world; every member defaults to the global of the same name
 * (`mediaDevices` to `navigator.mediaDevices`). Tests inject fakes here.
 */
export interface RoomEnvironment {
  WebSocket?: { new (url: string): WebSocket };
  RTCPeerConnection?: { new (configuration?: RTCConfiguration): RTCPeerConnection };
  mediaDevices?: Pick<MediaDevices, 'getUserMedia' | 'enumerateDevices'> & Partial<Pick<MediaDevices, 'getDisplayMedia'>>;
  setTimeout?: (fn: () => void, ms: number) => unknown;
  clearTimeout?: (handle: unknown) => void;
  setInterval?: (fn: () => void, ms: number) => unknown;
  clearInterval?: (handle: unknown) => void;
  /** For {@link RemoteTrackPublication.attach}. */
  MediaStream?: { new (tracks: MediaStreamTrack[]): MediaStream };
  /** Measures attached videos for `track_view` (none: sizes are measured only on attach/detach). */
  ResizeObserver?: { new (callback: ResizeObserverCallback): ResizeObserver };
  /** Tells whether attached videos are on screen (none: always counted as visible). */
  IntersectionObserver?: { new (callback: IntersectionObserverCallback): IntersectionObserver };
  /** Its `visibilityState` `hidden` reports every view as 0x0. */
  document?: Pick<Document, 'visibilityState' | 'addEventListener' | 'removeEventListener'>;
  /** Device pixels per CSS pixel (default `window.devicePixelRatio`). */
  devicePixelRatio?: number;
}

export interface RoomOptions {
  /** Subscribe to every remote track as it is published (default true). With false, call {@link Room.subscribe}. */
  autoSubscribe?: boolean;
  /** How long to keep trying to resume after the socket dropped (default 30000, the server's window). */
  resumeWindowMillis?: number;
  /** ICE servers for both PCs; none are needed for a server reachable directly (default `[]`). */
  iceServers?: RTCIceServer[];
  /** Injected environment (tests); defaults to the browser's globals. */
  env?: RoomEnvironment;
  /**
   * How often to upload both PCs' `getStats()` summary as `client_stats`, which the server joins to its own
   * telemetry in the session report (default {@link DEFAULT_STATS_INTERVAL_MILLIS}; 0 turns it off).
   */
  statsIntervalMillis?: number;
  /** Open the room's chat (`room.chat`, WebSocket `/chat`) after `connect` (default true). */
  chat?: boolean;
  /** Jitter source of the chat's reconnect backoff, in [0, 1) (default Math.random; a seeded one in tests). */
  random?: () => number;
  /** `room.chat`'s re-sends of a `rate_limited` send before it rejects (default {@link CHAT_RATE_LIMIT_RETRIES}). */
  chatRateLimitRetries?: number;
}

export interface ConnectOptions {
  /** The room to join; required when the token's `room` claim is `*`. */
  room?: string;
}

/** A track published by another participant. */
export declare class RemoteTrackPublication {
  /** The server's track id, e.g. `TR_4c1d9e`; stable for the track's lifetime. */
  readonly sid: string;
  readonly kind: TrackKind;
  readonly source: TrackSource;
  readonly participantIdentity: string;
  /** The publisher muted it (or an admin did); media may still flow as silence/black. */
  muted: boolean;
  /** This client asked to receive it (autoSubscribe or {@link Room.subscribe}). */
  subscribed: boolean;
  state: SubscriptionState;
  /** The received track once subscribed and mapped to its m-line; null otherwise. */
  track: MediaStreamTrack | null;
  /**
   * Shows the track in `el` (srcObject, set again whenever the track is received anew). For video the SDK then
   * reports the size `el` is shown at (CSS px x devicePixelRatio, the largest of the attached elements, 0x0 while
   * hidden or off screen) in `track_view`, debounced by {@link VIEW_DEBOUNCE_MILLIS}, so the server can send a
   * simulcast layer no larger than that. Returns `el`.
   */
  attach<E extends HTMLMediaElement>(el: E): E;
  /** Stops showing it in `el` (srcObject = null), or in every attached element; returns those elements. */
  detach(el?: HTMLMediaElement): HTMLMediaElement[];
  readonly attachedElements: HTMLMediaElement[];
  /** The last size reported in `track_view` (device px), or null before the first report. */
  readonly viewSize: { width: number; height: number } | null;
}

/** Another participant of the room. Viewers of a broadcast room only appear to hosts. */
export declare class RemoteParticipant {
  readonly identity: string;
  name: string | null;
  role: ParticipantRole;
  /** Application metadata (a string, at most 1 KiB), e.g. JSON. */
  metadata: string | null;
  /** Publications by sid. */
  readonly tracks: Map<string, RemoteTrackPublication>;
  /** The first publication from `source`, if any. */
  getTrackPublication(source: TrackSource): RemoteTrackPublication | undefined;
  /** Its connection tier from the last `connection_quality` that listed it; null while unknown. */
  readonly connectionQuality: ConnectionTier | null;
  /** 0..100 (the lower of audio rating and video score); null when unknown. */
  readonly connectionScore: number | null;
}

/** A track this client publishes. */
export declare class LocalTrackPublication {
  /** Null until the server's `publish_answer` names it (and again after a resume with `resumed: false`). */
  readonly sid: string | null;
  readonly kind: TrackKind;
  readonly source: TrackSource;
  muted: boolean;
  /** The track being sent; {@link LocalParticipant.switchDevice} replaces it. */
  track: MediaStreamTrack;
  /** Sent as the simulcast layers {@link CAMERA_SIMULCAST_ENCODINGS} (cameras by default). */
  readonly simulcast: boolean;
  /**
   * Dynacast: the rids the server last said someone watches (`layers`); the others are paused
   * (`encodings[i].active = false`), all of them when empty. Null before the server said anything.
   */
  readonly activeLayers: string[] | null;
}

export interface PublishTrackOptions {
  /** Default: `microphone` for audio, `camera` for video. */
  source?: TrackSource;
  /** Send a camera as three simulcast layers (default true; ignored for other sources, which send one layer). */
  simulcast?: boolean;
}

/** One simulcast layer of a camera: `rid` q (quarter), h (half), f (full resolution). */
export interface SimulcastEncoding {
  readonly rid: 'q' | 'h' | 'f';
  readonly scaleResolutionDownBy: number;
  readonly maxBitrate: number;
}
/** The camera's simulcast layers, lowest first: q 1/4 at 150 kbps, h 1/2 at 500 kbps, f full at 1.5 Mbps. */
export declare const CAMERA_SIMULCAST_ENCODINGS: readonly SimulcastEncoding[];
/** How long an attached video's size must stay still before `track_view` reports it (ms). */
export declare const VIEW_DEBOUNCE_MILLIS: 300;

/** This client in the room. Publishing needs a room that is not disconnected, and a role other than viewer. */
export declare class LocalParticipant {
  /** Null until joined. */
  readonly identity: string | null;
  readonly name: string | null;
  readonly role: ParticipantRole | null;
  readonly metadata: string | null;
  /** Published tracks by sid (a publication appears here once the server has given it a sid). */
  readonly tracks: Map<string, LocalTrackPublication>;
  /** Our own connection tier as the server judges it; null while unknown. */
  readonly connectionQuality: ConnectionTier | null;
  readonly connectionScore: number | null;
  /** Every local publication, including those still waiting for their sid. */
  readonly publications: LocalTrackPublication[];
  /** The first publication from `source`, sid or not. */
  getTrackPublication(source: TrackSource): LocalTrackPublication | undefined;

  /**
   * Publishes a track on the publisher PC (created on the first publish). Resolves when the server answered
   * the offer that carries it. Offers are queued: one in flight per PC, later changes coalesced.
   * @throws {OnairError} `not_connected`, `forbidden` (a viewer), `negotiation_failed`, `disconnected`.
   */
  publishTrack(track: MediaStreamTrack, options?: PublishTrackOptions): Promise<LocalTrackPublication>;
  /** Stops sending (the m-line goes inactive and is reused later); stops the track if the SDK captured it. */
  unpublishTrack(trackOrPublication: MediaStreamTrack | LocalTrackPublication): Promise<void>;
  /**
   * true: captures the camera (`getUserMedia`, the device chosen by {@link switchDevice} if any) and publishes
   * it as `camera`; if already published, unmutes it. false: unpublishes and stops it.
   * @throws {OnairError} `not_connected` or `forbidden` (a viewer) before any device is opened.
   */
  enableCamera(enabled: boolean, constraints?: MediaTrackConstraints, options?: { simulcast?: boolean }): Promise<LocalTrackPublication | undefined>;
  /** As {@link enableCamera}, for the microphone (echo cancellation and noise suppression on). */
  enableMicrophone(enabled: boolean, constraints?: MediaTrackConstraints): Promise<LocalTrackPublication | undefined>;
  /**
   * true: `getDisplayMedia`, published as `screen` (plus `screen_audio` when the browser shares audio);
   * unpublished by itself when the user stops sharing. false: unpublishes it.
   */
  enableScreenShare(enabled: boolean): Promise<LocalTrackPublication | undefined>;
  /**
   * Mutes or unmutes the track published from `source`: disables it locally (`track.enabled`), emits
   * `trackMuted`, and sends `mute`. While not connected, the flag travels with the next publish offer.
   * When the server refuses (e.g. unmuting an admin mute: only an admin can), the local state is put back.
   * @throws {OnairError} `unknown_track` when nothing is published from `source`; the server's refusal.
   */
  setMuted(source: TrackSource, muted: boolean): Promise<void>;
  /**
   * Switches camera (`videoinput`) or microphone (`audioinput`) with `replaceTrack`: no renegotiation.
   * Remembered for the next {@link enableCamera} / {@link enableMicrophone} when nothing is published.
   */
  switchDevice(kind: 'videoinput' | 'audioinput', deviceId: string): Promise<void>;
}

/** Counters of the signalling engine. */
export interface EngineCounters {
  /** Server frames that were not JSON objects with a `type`, or that lacked required fields. */
  badFrames: number;
  /** Server frames of a type this SDK does not know (ignored). */
  unknownFrames: number;
  trickleSent: number;
  resumeAttempts: number;
  /** `track_view` messages the server refused (e.g. the subscription is not there yet). */
  trackViewErrors: number;
}

/**
 * **Test hooks.** The internals of a {@link Room}, for tests and diagnostics; not a stable API. Anything
 * done to these objects directly (closing a PC, sending on the socket) bypasses the SDK's bookkeeping.
 */
export interface RoomEngine {
  /** The publisher PC; null until the first publish. */
  readonly publisherPc: RTCPeerConnection | null;
  /** The subscriber PC; null until there is something to subscribe to. */
  readonly subscriberPc: RTCPeerConnection | null;
  /** The current signalling WebSocket; null when disconnected. */
  readonly socket: WebSocket | null;
  readonly state: ConnectionState;
  /** The `resumeToken` of the last `joined`. */
  readonly resumeToken: string | null;
  readonly counters: Readonly<EngineCounters>;
}

/** Every event of a {@link Room} with its listener's arguments. */
export interface RoomEventMap {
  connectionStateChanged: [state: ConnectionState];
  /** Someone joined after us. Participants already there when `connect()` resolves emit nothing: read `participants`. */
  participantJoined: [participant: RemoteParticipant];
  /** Their tracks are unpublished (`trackUnsubscribed`, `trackUnpublished`) first. */
  participantLeft: [participant: RemoteParticipant, reason: string];
  /** Name, metadata or role changed; also for the local participant. */
  participantUpdated: [participant: RemoteParticipant | LocalParticipant];
  trackPublished: [publication: RemoteTrackPublication, participant: RemoteParticipant];
  trackUnpublished: [publication: RemoteTrackPublication, participant: RemoteParticipant];
  /** A track arrived on the subscriber PC and is mapped (by mid) to its publication: attach it. */
  trackSubscribed: [track: MediaStreamTrack, publication: RemoteTrackPublication, participant: RemoteParticipant];
  /** Detach it: unsubscribed, unpublished, or its PC was replaced (resume with `resumed: false`). */
  trackUnsubscribed: [track: MediaStreamTrack, publication: RemoteTrackPublication, participant: RemoteParticipant];
  /** Muted or unmuted (read `publication.muted`), remote or local. */
  trackMuted: [publication: RemoteTrackPublication | LocalTrackPublication, participant: RemoteParticipant | LocalParticipant, by: MuteOrigin];
  /** Loudest first; empty when nobody speaks. */
  activeSpeakersChanged: [speakers: ActiveSpeaker[]];
  subscriptionStateChanged: [publication: RemoteTrackPublication, state: SubscriptionState];
  /** The socket dropped; the SDK resumes with backoff until `resumeWindowMillis`. Media may keep flowing. */
  reconnecting: [];
  /** Resumed (ICE restarted), or re-joined afresh when the server no longer knew us (PCs recreated). */
  reconnected: [];
  /** The room ended; `participants` is empty and every PC is closed. Not emitted when `connect()` itself fails. */
  disconnected: [reason: DisconnectReason];
  /** A local publication got its sid (again after a resume with `resumed: false`). */
  localTrackPublished: [publication: LocalTrackPublication];
  localTrackUnpublished: [publication: LocalTrackPublication];
  /** Dynacast: the server's `layers` changed which simulcast layers of a local track are sent (`activeLayers`). */
  localTrackLayersChanged: [publication: LocalTrackPublication, activeRids: string[]];
  /** An unsolicited server `error` frame, a bad server frame, or a background failure (e.g. an auto-subscribe). */
  error: [error: OnairError];
  /** The number of viewers of a broadcast room changed. */
  viewerCountChanged: [count: number];
  /** A `connection_quality` frame: the participants it listed (local included) that we know. */
  connectionQuality: [updates: ConnectionQualityUpdate[]];
  /** The network lab's setting for us changed (null: off). */
  impairmentChanged: [applied: AppliedImpairment | null];
  /** Chat (also on `room.chat`): a new `chat` message, live or replayed (`message.replayed`). */
  chat: [message: ChatMessage];
  /** A direct message to or from us. */
  dm: [message: ChatMessage];
  /** A reaction (`kind: 'reaction'`) or screen effect (`kind: 'effect'`): `name` and `params`. */
  effect: [message: ChatMessage];
  /** An application-defined event: `data`. */
  event: [message: ChatMessage];
  /** Someone's first connection joined the room or their last one left (`state`). */
  presence: [message: ChatMessage];
  /** Someone else started or stopped typing. */
  typing: [from: ChatSender, typing: boolean];
  /** An admin deleted message `seq`; it is gone from `chat.messages`. */
  messageDeleted: [seq: number];
  /** The history could not be resumed (`recovered: false`): `chat.messages` was cleared and the snapshot follows. */
  chatResync: [messages: ChatMessage[]];
  chatStateChanged: [state: ChatState];
}

export type RoomEvent = keyof RoomEventMap;

/** A connection to one room. Reusable: after `disconnected`, `connect()` may be called again. */
export declare class Room {
  constructor(options?: RoomOptions);
  readonly options: Readonly<Required<Omit<RoomOptions, 'env' | 'random' | 'chatRateLimitRetries'>>>;
  readonly state: ConnectionState;
  /** The room's name and kind, from `joined`. */
  readonly name: string | null;
  readonly kind: RoomKind | null;
  /** Remote participants by identity (for a viewer: the hosts). */
  readonly participants: Map<string, RemoteParticipant>;
  readonly localParticipant: LocalParticipant;
  /** Loudest first. */
  readonly activeSpeakers: ActiveSpeaker[];
  /** Viewers of a broadcast room, from `joined`, kept up to date from viewer joins/leaves where we see them. */
  readonly viewerCount: number;
  /** **Test hook**: the PCs, the socket and counters. */
  readonly engine: RoomEngine;
  /** The network lab (a token with the `lab` permission). */
  readonly lab: RoomLab;
  /** The room's messages (chat, reactions and effects, events, DMs, typing); its events are the room's too. */
  readonly chat: Chat;

  /**
   * Opens the signalling socket and joins. Resolves once `joined` arrived: `participants` then holds everyone
   * already there (no `participantJoined` for them), and with autoSubscribe their tracks are being subscribed.
   * @param url `ws(s)://host/rtc`, or `http(s)://host` (→ `/rtc`).
   * @param token An access token (HS256 JWT) with `subscribe` and/or `publish`.
   * @throws {OnairError} `unauthenticated`, `forbidden`, `connection_failed`, `already_connected`, …
   */
  connect(url: string, token: string, options?: ConnectOptions): Promise<void>;
  /** Sends `leave`, closes both PCs and the socket, stops the tracks the SDK captured. */
  disconnect(): Promise<void>;
  /** Uploads the PCs' `getStats()` summary now; resolves with the message sent, or null when there was none. */
  uploadStats(): Promise<ClientStatsMessage | null>;
  /**
   * Receives a remote track (for `autoSubscribe: false`); resolves when the subscribe offer was answered.
   * `trackSubscribed` follows when media is mapped. Reuses an inactive m-line of the same kind if there is one.
   * @throws {OnairError} `unknown_track`.
   */
  subscribe(sid: string): Promise<void>;
  /** Stops receiving a remote track: `trackUnsubscribed`, and its m-line goes inactive for later reuse. */
  unsubscribe(sid: string): Promise<void>;
  /**
   * **Test hook**: closes the WebSocket abruptly, *without* `leave`, as a network failure would, so that the
   * resume path (backoff, `join` with `resume`, ICE restart) runs.
   */
  simulateSocketDrop(): void;
  /** `enumerateDevices()`, filtered by `kind` when given. Labels are empty until media permission is granted. */
  static getDevices(kind?: MediaDeviceKind, env?: RoomEnvironment): Promise<MediaDeviceInfo[]>;

  on<E extends RoomEvent>(event: E, listener: (...args: RoomEventMap[E]) => void): this;
  off<E extends RoomEvent>(event: E, listener: (...args: RoomEventMap[E]) => void): this;
  once<E extends RoomEvent>(event: E, listener: (...args: RoomEventMap[E]) => void): this;
}

/** A participant's connection tier, best first. */
export type ConnectionTier = 'excellent' | 'good' | 'poor' | 'lost';
export declare const CONNECTION_TIERS: readonly ConnectionTier[];

export interface ConnectionQualityUpdate {
  identity: string;
  tier: ConnectionTier;
  /** 0..100, null when unknown. */
  score: number | null;
  participant: RemoteParticipant | LocalParticipant;
}

export type ImpairmentDirection = 'uplink' | 'downlink' | 'both';

export interface ImpairmentOptions {
  /** One of {@link RoomLab.presets}. */
  preset: string;
  /** 64-bit integer; the server draws one (and reports it) when absent. */
  seed?: number;
  /** Default `both`. */
  direction?: ImpairmentDirection;
}

export interface AppliedImpairment {
  preset: string;
  seed: number;
  direction: ImpairmentDirection;
}

/** The network lab: impairs this participant's own network on the server (needs `lab` in the token). */
export declare class RoomLab {
  /** Preset names from `joined`; empty without the `lab` permission. */
  readonly presets: string[];
  /** True when the token holds `lab`. */
  readonly enabled: boolean;
  /** What the server applied to us, or null. */
  readonly applied: AppliedImpairment | null;
  /**
   * Applies a preset to our own network; resolves with what was applied.
   * @throws {OnairError} `forbidden` (no `lab`), `unknown_preset`, `bad_request`.
   */
  setImpairment(options: ImpairmentOptions): Promise<AppliedImpairment>;
  /** Lifts it; resolves with null. */
  clear(): Promise<null>;
}
/** Default period of the `client_stats` upload: 2000 ms. */
export declare const DEFAULT_STATS_INTERVAL_MILLIS: 2000;

/** One inbound-rtp entry of `client_stats` (W3C webrtc-stats names and units; absent fields are left out). */
export interface ClientInboundStats {
  ssrc: number;
  kind: 'audio' | 'video';
  mid?: string;
  packetsReceived?: number;
  packetsLost?: number;
  /** Seconds. */
  jitter?: number;
  framesDecoded?: number;
  framesPerSecond?: number;
  frameWidth?: number;
  frameHeight?: number;
  freezeCount?: number;
  /** Seconds. */
  totalFreezesDuration?: number;
  concealedSamples?: number;
  totalSamplesReceived?: number;
  /** Seconds, summed over emitted samples/frames. */
  jitterBufferDelay?: number;
  jitterBufferEmittedCount?: number;
  nackCount?: number;
}

/** One outbound-rtp entry of `client_stats`. */
export interface ClientOutboundStats {
  ssrc: number;
  kind: 'audio' | 'video';
  packetsSent?: number;
  framesEncoded?: number;
  framesPerSecond?: number;
  frameWidth?: number;
  frameHeight?: number;
  qualityLimitationReason?: string;
}

/** The `client_stats` message (docs/protocol.md). */
export interface ClientStatsMessage {
  type: 'client_stats';
  inbound?: ClientInboundStats[];
  outbound?: ClientOutboundStats[];
  /** The selected candidate pair's RTT in seconds. */
  currentRoundTripTime?: number;
}

/** The `client_stats` body of getStats() reports (at most 32 entries per list). */
export declare function summarizeStats(reports: Iterable<RTCStatsReport | RTCStats[]>): ClientStatsMessage;

// ---------------------------------------------------------------------------------------------------------
// Messaging (docs/messaging.md): the WebSocket /chat

/** `idle` before `connect`; `reconnecting` after a drop (the resume follows); `closed` by `close()` or the server. */
export type ChatState = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'closed';
export type ChatMessageKind = 'chat' | 'dm' | 'reaction' | 'effect' | 'event' | 'presence';

export interface ChatSender {
  identity: string;
  name?: string | null;
}

/** A stored message as the server stamped it: `from`, `seq`, `epoch`, `time` come from the server, never the sender. */
export interface ChatMessage {
  seq: number;
  epoch: number;
  /** Server time, ms since 1970. */
  time: number;
  kind: ChatMessageKind | (string & {});
  from: ChatSender;
  clientMsgId?: string;
  /** chat, dm */
  text?: string;
  /** dm: the recipient's identity */
  to?: string;
  /** reaction, effect */
  name?: string;
  params?: Record<string, unknown>;
  /** event */
  data?: unknown;
  /** presence: 'joined' | 'left' */
  state?: string;
  /** Part of the replay or snapshot after a (re)connect, not live: apps skip animating old effects. */
  replayed: boolean;
}

/** What a send resolves with once the server stored the message; `duplicate` for a retry it already had. */
export interface ChatAck {
  seq: number;
  epoch: number;
  duplicate: boolean;
}

export interface ChatOptions {
  /** The room; required when the token's `room` claim is `*`. */
  room?: string | null;
  /** Injected environment (tests). */
  env?: RoomEnvironment;
  /** Jitter source of the reconnect backoff, in [0, 1) (default Math.random). */
  random?: () => number;
  /**
   * How often a send refused with `rate_limited` is re-sent (after the error's `retryAfterMillis`, with the same
   * `clientMsgId`) before it rejects (default {@link CHAT_RATE_LIMIT_RETRIES}; 0: reject at once).
   */
  rateLimitRetries?: number;
}

/**
 * The room's messages over their own WebSocket. Sends reject with an {@link OnairError} whose `code` is the
 * server's (`forbidden`, `muted`, `rate_limited` with `retryAfterMillis`, `empty_text`, …) or `chat_closed`.
 * A `rate_limited` send is first re-sent (same `clientMsgId`) after `retryAfterMillis`, up to
 * `rateLimitRetries` times; then it rejects with `rate_limited` and `retries` on the error.
 */
export declare class Chat {
  /** Connects at once when `url` and `token` are given (a viewer without media); `room.chat` is started by the Room. */
  constructor(url?: string | null, token?: string | null, options?: ChatOptions);
  readonly state: ChatState;
  /** In `seq` order, deleted ones removed; the newest {@link CHAT_MAX_MESSAGES}. */
  readonly messages: ChatMessage[];
  readonly epoch: number | null;
  readonly lastSeq: number;
  readonly counters: { badFrames: number; duplicates: number; reconnects: number; otherEpoch: number };
  connect(url: string, token: string, options?: ChatOptions): void;
  send(text: string): Promise<ChatAck>;
  sendReaction(name: string, params?: Record<string, unknown>): Promise<ChatAck>;
  sendEffect(name: string, params?: Record<string, unknown>): Promise<ChatAck>;
  sendEvent(data: unknown): Promise<ChatAck>;
  sendDm(to: string, text: string): Promise<ChatAck>;
  setTyping(typing: boolean): Promise<void>;
  /**
   * Admins only: deletes message `seq` for everyone. Resolves once sent; every socket then gets `messageDeleted(seq)`,
   * or this one an `error` event (`forbidden`, `not_found`). Rejects with `not_connected` while not joined.
   */
  deleteMessage(seq: number): Promise<void>;
  close(): void;
  /** **Test hook**: drops the socket as the network would; the chat reconnects and resumes. */
  simulateSocketDrop(): void;
  on<E extends ChatEvent>(event: E, listener: (...args: RoomEventMap[E]) => void): this;
  off<E extends ChatEvent>(event: E, listener: (...args: RoomEventMap[E]) => void): this;
  once<E extends ChatEvent>(event: E, listener: (...args: RoomEventMap[E]) => void): this;
}

export type ChatEvent = 'chat' | 'dm' | 'effect' | 'event' | 'presence' | 'typing' | 'messageDeleted' | 'chatResync'
  | 'chatStateChanged' | 'error';

/** `chat.messages` keeps the newest this many (1000, the server's default history). */
export declare const CHAT_MAX_MESSAGES: number;
/** Default re-sends of a `rate_limited` send before it rejects (3). */
export declare const CHAT_RATE_LIMIT_RETRIES: number;
/** ws(s)://host/chat from ws(s):// or http(s):// URLs (a bare "/" or a "/rtc" path becomes "/chat"). */
export declare function chatUrl(url: string, base?: string): string;
/** The chat's reconnect delay: reconnectDelayMillis(attempt) times a jitter in [0.5, 1) from `random`. */
export declare function chatReconnectDelayMillis(attempt: number, random?: () => number): number;
