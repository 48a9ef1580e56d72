package dev.onair.sfu.session;

import dev.onair.protocol.DropCounts;
import dev.onair.protocol.rtcp.RtcpPacket;
import dev.onair.protocol.rtcp.RtcpParseResult;
import dev.onair.protocol.rtcp.RtcpParser;
import dev.onair.protocol.rtcp.RtcpWriter;
import dev.onair.sfu.api.ClientStats;
import dev.onair.sfu.api.MediaStatus;
import dev.onair.sfu.api.QualityAssessor;
import dev.onair.sfu.api.SessionReport;
import dev.onair.sfu.negotiation.MediaKind;
import dev.onair.sfu.recorder.ControlKind;
import dev.onair.sfu.recorder.FlightRecorder;
import dev.onair.sfu.telemetry.SessionTelemetry;
import dev.onair.sfu.telemetry.TrackCounters;
import dev.onair.sfu.track.SessionTrack;
import dev.onair.transport.peer.PeerTransport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What publisher and subscriber sessions share: one peer, one transport, one room; the peer's RTCP parsed
 * and counted by type; our RTCP written into the loop's scratch buffer; and a close that runs once.
 * Media loop only.
 */
public abstract sealed class MediaSession implements PeerTransport.Listener
        permits PublisherSession, SubscriberSession {
    private final String resourceId;
    private final String room;
    private final String identity;
    private final PeerTransport transport;
    private final SessionContext ctx;
    private final DropCounts<SessionDrop> drops = new DropCounts<>(SessionDrop.class);
    private final DropCounts<RtcpKind> rtcpReceived = new DropCounts<>(RtcpKind.class);
    private final DropCounts<RtcpKind> rtcpSent = new DropCounts<>(RtcpKind.class);
    private final SessionTelemetry telemetry = new SessionTelemetry(this instanceof SubscriberSession
            ? SessionTelemetry.SUBSCRIBER_CAPACITY : SessionTelemetry.DEFAULT_CAPACITY);
    private boolean connected;
    private boolean closed;
    /** The owner's flight recorder and this session's link in it; null when not recording. */
    private FlightRecorder recorder;
    private int recorderLink;

    MediaSession(String resourceId, String room, String identity, PeerTransport transport, SessionContext ctx) {
        this.resourceId = resourceId;
        this.room = room;
        this.identity = identity;
        this.transport = transport;
        this.ctx = ctx;
    }

    public final String resourceId() {
        return resourceId;
    }

    public final String room() {
        return room;
    }

    public final String identity() {
        return identity;
    }

    public final PeerTransport transport() {
        return transport;
    }

    public final DropCounts<SessionDrop> drops() {
        return drops;
    }

    public final DropCounts<RtcpKind> rtcpReceived() {
        return rtcpReceived;
    }

    /** Our RTCP packets sent to the peer, by type. */
    public final DropCounts<RtcpKind> rtcpSent() {
        return rtcpSent;
    }

    public final boolean isClosed() {
        return closed;
    }

    /** True once DTLS is up and until the session closes. */
    public final boolean isConnected() {
        return connected && !closed;
    }

    /** Records this session's own events (keyframe flags, keyframe requests) into {@code recorder} as {@code link}. */
    public final void attachRecorder(FlightRecorder recorder, int link) {
        this.recorder = recorder;
        this.recorderLink = link;
    }

    /** Records a control event of this session (its link) into the flight recorder, if there is one. */
    public final void recordControl(long nowNanos, ControlKind kind, long eventSsrc, int detail) {
        if (recorder != null) {
            recorder.recordControl(nowNanos, recorderLink, kind, eventSsrc, detail);
        }
    }

    /** Null when not recording. */
    final FlightRecorder recorder() {
        return recorder;
    }

    final int recorderLink() {
        return recorderLink;
    }

    final SessionContext ctx() {
        return ctx;
    }

    /** "publish" or "subscribe", for status and logs. */
    abstract String kindName();

    /** One RTCP packet of the peer's compound, already counted. */
    abstract void onRtcpPacket(RtcpPacket packet, long arrivalNanos);

    /** The session's tracks (m-lines) now, in m-line order; {@link #trackMid}, {@link #trackKind} index them. */
    public abstract List<? extends SessionTrack> tracks();

    private int trackCount() {
        return tracks().size();
    }

    private String trackMid(int index) {
        return tracks().get(index).mid();
    }

    private MediaKind trackKind(int index) {
        return tracks().get(index).kind();
    }

    /**
     * The SSRC the peer's browser sees for track {@code index}: the one it sends (publisher) or receives
     * (subscriber); -1 when not known yet.
     */
    abstract long trackPeerSsrc(int index);

    /** Copies the counters of track {@code index} into {@code c} (already reset) for this tick's sample. */
    abstract void fillCounters(int index, TrackCounters c);

    /** The per-track series of the report, in m-line order. */
    abstract List<SessionReport.TrackReport> trackReports(SessionTelemetry telemetry);

    /** Samples each track into {@code telemetry}; returns the sum of the tracks' bitrates (bps) this tick. */
    private long sampleTracks(long nowNanos, long wallMillis) {
        long bitrate = 0;
        int n = trackCount();
        List<String> mids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            TrackCounters c = telemetry.counters();
            fillCounters(i, c);
            SessionReport.TrackSample s = telemetry.sampleTrack(trackMid(i), nowNanos, wallMillis, c);
            if (s != null) {
                onTrackSampled(i, s, telemetry);
            }
            bitrate += s == null ? 0 : s.bitrateBps();
            mids.add(trackMid(i));
        }
        telemetry.retainTracks(mids);
        return bitrate;
    }

    /** Adds the newest telemetry sample of each of its audio tracks (those sampled at least once) to {@code into}. */
    public final void collectLatestAudio(List<SessionReport.TrackSample> into) {
        for (int i = 0; i < trackCount(); i++) {
            SessionReport.TrackSample s = trackKind(i) == MediaKind.AUDIO ? telemetry.lastTrackSample(trackMid(i))
                    : null;
            if (s != null) {
                into.add(s);
            }
        }
    }

    /**
     * Adds the samples this session took at {@code wallMillis} (this tick) of each track to {@code into} and
     * returns the datagrams per second its transport received in this tick (0 when it took no sample).
     */
    public final double collectTick(long wallMillis, List<QualityAssessor.TrackTick> into) {
        String direction = this instanceof PublisherSession ? "in" : "out";
        for (int i = 0; i < trackCount(); i++) {
            SessionReport.TrackSample s = telemetry.lastTrackSample(trackMid(i));
            if (s != null && s.atMillis() == wallMillis) {
                into.add(new QualityAssessor.TrackTick(trackKind(i) == MediaKind.AUDIO ? "audio" : "video",
                        direction, s));
            }
        }
        SessionReport.SessionSample ss = telemetry.lastSessionSample();
        return ss != null && ss.atMillis() == wallMillis ? ss.packetRateIn() : 0;
    }

    /**
     * Joins the browser's own stats to this session's tracks by SSRC: a publisher session takes the browser's
     * outbound entries (its SSRC is the one we receive), a subscriber session its inbound entries (the SSRC we
     * send). Each matched entry becomes one client sample of that track at {@code wallMillis}. Returns how many
     * tracks matched.
     */
    public final int acceptClientStats(ClientStats stats, long nowNanos, long wallMillis) {
        if (closed) {
            return 0;
        }
        int matched = 0;
        for (int i = 0; i < trackCount(); i++) {
            long ssrc = trackPeerSsrc(i);
            if (ssrc < 0) {
                continue;
            }
            if (this instanceof PublisherSession) {
                for (ClientStats.Outbound o : stats.outbound()) {
                    if (o.ssrc() == ssrc) {
                        telemetry.clientSampler(trackMid(i)).addOutbound(o, nowNanos, wallMillis, stats.rttMillis());
                        matched++;
                        break;
                    }
                }
            } else {
                for (ClientStats.Inbound in : stats.inbound()) {
                    if (in.ssrc() == ssrc) {
                        telemetry.clientSampler(trackMid(i)).addInbound(in, nowNanos, wallMillis, stats.rttMillis());
                        matched++;
                        break;
                    }
                }
            }
        }
        return matched;
    }

    /** Track {@code index} was just sampled as {@code s}; a publisher hands the source's view to its subscribers. */
    void onTrackSampled(int index, SessionReport.TrackSample s, SessionTelemetry telemetry) {
    }

    /** Packets the session's queue dropped so far (subscribers); 0 for publishers. */
    long queueDrops() {
        return 0;
    }

    /** Frees what the subclass owns and logs the end; the transport is already closed. */
    abstract void release(String reason);

    /** Periodic work once the session is connected and its consent fresh: our RTCP reports. */
    abstract void sendReports(long nowNanos);

    @Override
    public final void onConnected() {
        connected = true;
        ctx.owner().onSessionConnected(this);
    }

    @Override
    public final void onRtcp(byte[] buf, int off, int len, long arrivalNanos) {
        RtcpParseResult r = RtcpParser.parse(buf, off, len);
        if (r.drop() != null) {
            drops.increment(SessionDrop.RTCP_MALFORMED);
        }
        for (RtcpPacket pkt : r.packets()) {
            rtcpReceived.increment(RtcpKind.of(pkt));
            onRtcpPacket(pkt, arrivalNanos);
        }
    }

    @Override
    public final void onClosed(String reason) {
        close(reason);
    }

    /** Consent freshness first (RFC 7675), then reports. */
    public final void tick(long nowNanos) {
        if (!closed && !transport.checkConsent() && isConnected()) {
            sendReports(nowNanos);
        }
    }

    /** Writes one RTCP compound into the loop's scratch buffer and sends it. */
    final void sendRtcp(List<RtcpPacket> compound) {
        byte[] out = ctx.rtcpScratch();
        int len = RtcpWriter.writeCompound(compound, out, 0);
        if (len > 0) {
            transport.sendRtcp(out, 0, len);
            for (int i = 0; i < compound.size(); i++) {
                rtcpSent.increment(RtcpKind.of(compound.get(i)));
            }
        }
    }

    /** Closes the transport and frees everything; idempotent. The owner is told through {@link SessionOwner}. */
    public final void close(String reason) {
        if (closed) {
            return;
        }
        closed = true;
        transport.close(reason);
        release(reason);
        ctx.owner().onSessionClosed(this, reason);
    }

    /** Once a second, from the media loop's tick: one telemetry sample of the session and of each track. */
    public final void sampleTelemetry(long nowNanos, long wallMillis) {
        if (closed) {
            return;
        }
        long bitrateBps = sampleTracks(nowNanos, wallMillis);
        telemetry.sampleSession(nowNanos, wallMillis, bitrateBps, transport.packetsIn(), transport.packetsOut(),
                rtcpReceived.get(RtcpKind.NACK), rtcpReceived.get(RtcpKind.PLI), rtcpReceived.get(RtcpKind.FIR),
                queueDrops(), rtcpSent.get(RtcpKind.TWCC));
        sampleMore(nowNanos, wallMillis, telemetry);
    }

    /** This session's telemetry (media loop only). */
    final SessionTelemetry telemetry() {
        return telemetry;
    }

    /** After the once-a-second samples: what else a subclass samples (a subscriber's congestion control). */
    void sampleMore(long nowNanos, long wallMillis, SessionTelemetry telemetry) {
    }

    /** The session's telemetry so far, as an immutable report. */
    public final SessionReport report() {
        List<SessionReport.TrackReport> tracks = new ArrayList<>();
        for (SessionReport.TrackReport t : trackReports(telemetry)) {
            tracks.add(t.withClient(telemetry.clientSamples(t.mid())));
        }
        return new SessionReport(resourceId, room, identity, kindName(), info().state(), telemetry.capacity(),
                telemetry.sessionSamples(), tracks, telemetry.congestionSamples(), telemetry.layerSwitches());
    }

    public final MediaStatus.SessionInfo info() {
        String state = closed ? "closed" : transport.state().name().toLowerCase(Locale.ROOT);
        return new MediaStatus.SessionInfo(resourceId, room, identity, kindName(), state, transport.packetsIn(),
                transport.packetsOut(), MediaStatus.dropNames("session", drops,
                MediaStatus.dropNames("transport", transport.drops(), null)));
    }
}
