package dev.onair.server.rtc;

import dev.onair.server.auth.TokenService;
import dev.onair.server.json.WireJson;
import dev.onair.sfu.api.MediaService;
import io.netty.channel.ChannelHandler;
import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What every signalling socket shares: the token service, the media service, the frame builder and the
 * limits. The SFU routes room events to each joined socket's {@link RtcParticipant} itself, so the hub keeps
 * no list of sockets.
 */
public final class RtcHub {
    /** Close the socket when no join arrived this long after the upgrade. */
    public static final long JOIN_TIMEOUT_MILLIS = 10_000;
    /** The largest text frame we read; larger ones get an error frame. */
    static final int MAX_MESSAGE_BYTES = 64 * 1024;

    private final TokenService tokens;
    private final MediaService media;
    private final RtcMessages messages = new RtcMessages(WireJson.mapper());
    private final long joinTimeoutMillis;
    private final long resumeWindowSeconds;
    private final AtomicLong trickleCandidates = new AtomicLong();
    private final RtcLab lab;
    private final AtomicLong clientStatsAccepted = new AtomicLong();
    private final RejectedMessages rejected;

    public RtcHub(TokenService tokens, MediaService media) {
        this(tokens, media, JOIN_TIMEOUT_MILLIS, 30);
    }

    /** With another join timeout and resume window (tests, config). */
    public RtcHub(TokenService tokens, MediaService media, long joinTimeoutMillis, long resumeWindowSeconds) {
        this(tokens, media, joinTimeoutMillis, resumeWindowSeconds, new RejectedMessages());
    }

    /** Counting refused {@code client_stats} and {@code track_view} messages into {@code rejected} (for /metrics). */
    public RtcHub(TokenService tokens, MediaService media, long joinTimeoutMillis, long resumeWindowSeconds,
                  RejectedMessages rejected) {
        this.rejected = rejected;
        this.tokens = tokens;
        this.media = media;
        this.joinTimeoutMillis = joinTimeoutMillis;
        this.resumeWindowSeconds = resumeWindowSeconds;
        // A seed a request does not name is drawn here and reported back in the reply, as in the admin API.
        this.lab = new RtcLab(media, messages, new SecureRandom()::nextLong);
    }

    /** A new handler for one connection (handlers hold per-socket state). */
    public ChannelHandler newHandler() {
        return new RtcSocketHandler(this);
    }

    TokenService tokens() {
        return tokens;
    }

    MediaService media() {
        return media;
    }

    RtcLab lab() {
        return lab;
    }

    RtcMessages messages() {
        return messages;
    }

    long joinTimeoutMillis() {
        return joinTimeoutMillis;
    }

    long resumeWindowSeconds() {
        return resumeWindowSeconds;
    }

    /** Trickled client candidates received (accepted and counted; an ICE-lite server does not need them). */
    public long trickleCandidates() {
        return trickleCandidates.get();
    }

    void countTrickle() {
        trickleCandidates.incrementAndGet();
    }

    /** {@code client_stats} messages accepted and handed to the SFU. */
    public long clientStatsAccepted() {
        return clientStatsAccepted.get();
    }

    /** {@code client_stats} messages refused: too large, malformed (e.g. a negative number), refused by the SFU. */
    public long clientStatsRejected() {
        return rejected.clientStats().total();
    }

    void countClientStatsAccepted() {
        clientStatsAccepted.incrementAndGet();
    }

    void countClientStatsRejected(MessageRejection reason) {
        rejected.clientStats().increment(reason);
    }

    /** {@code track_view} messages refused: malformed (bad sid, size or type), refused by the SFU (unknown track). */
    public long trackViewsRejected() {
        return rejected.trackViews().total();
    }

    void countTrackViewRejected(MessageRejection reason) {
        rejected.trackViews().increment(reason);
    }
}
