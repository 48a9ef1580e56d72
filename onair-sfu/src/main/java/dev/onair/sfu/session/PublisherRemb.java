package dev.onair.sfu.session;

import dev.onair.protocol.rtp.HeaderExtensionCursor;
import dev.onair.protocol.rtp.RtpHeader;
import dev.onair.sfu.bwe.BweConfig;
import dev.onair.sfu.bwe.ReceiveSideEstimator;
import dev.onair.sfu.negotiation.MediaKind;
import dev.onair.sfu.negotiation.NegotiatedExtension;

/**
 * REMB towards one publisher whose video negotiated goog-remb and abs-send-time but not transport-cc: every RTP
 * packet of the transport (with the abs-send-time element) feeds a {@link ReceiveSideEstimator}, and a REMB is due
 * once the estimate is valid: then every {@link #INTERVAL_NANOS}, and at once (at most every
 * {@link #MIN_DROP_INTERVAL_NANOS}) when the estimate fell by {@link #DROP_FRACTION} or more since the last one sent.
 * Packets without the element (or with a short one) are skipped and counted. No allocation per packet; media loop
 * only.
 */
final class PublisherRemb {
    static final long INTERVAL_NANOS = 1_000_000_000L;
    static final long MIN_DROP_INTERVAL_NANOS = 200_000_000L;
    static final double DROP_FRACTION = 0.03;
    /** A REMB may say at most this: what a browser would send, not more than the estimator's ceiling. */
    static final BweConfig CONFIG = BweConfig.defaults();

    private final int absSendTimeId;
    private final ReceiveSideEstimator estimator;
    private boolean sentAny;
    private long lastSentNanos;
    private long lastSentBps;
    private long skipped;

    /**
     * The abs-send-time id of a setup that wants REMB: video, goog-remb and abs-send-time negotiated, transport-cc
     * not (with it the publisher estimates from our transport-wide feedback and a REMB would only cap it); else 0.
     */
    static int absSendTimeIdFor(TrackSetup s) {
        Integer abs = s.extensionIdsByUri().get(NegotiatedExtension.ABS_SEND_TIME);
        if (s.kind() != MediaKind.VIDEO || !s.rembSupported() || abs == null || abs <= 0
                || s.extensionIdsByUri().containsKey(NegotiatedExtension.TRANSPORT_CC)) {
            return 0;
        }
        return abs;
    }

    PublisherRemb(int absSendTimeId, long nowNanos) {
        this.absSendTimeId = absSendTimeId;
        this.estimator = new ReceiveSideEstimator(CONFIG, nowNanos);
    }

    /**
     * Feeds one parsed RTP packet of {@code len} bytes; true when a REMB is due now (then call {@link #take}).
     * {@code cursor} is reused.
     */
    boolean onPacket(byte[] buf, RtpHeader header, int len, HeaderExtensionCursor cursor, long arrivalNanos) {
        if (!header.hasExtension()) {
            skipped++;
            return false;
        }
        cursor.reset(buf, header);
        while (cursor.next()) {
            if (cursor.id() == absSendTimeId) {
                if (cursor.dataLength() < 3) {
                    break;
                }
                int off = cursor.dataOffset();
                int ticks = ((buf[off] & 0xFF) << 16) | ((buf[off + 1] & 0xFF) << 8) | (buf[off + 2] & 0xFF);
                estimator.onPacket(ticks, arrivalNanos, len);
                return isDue(arrivalNanos);
            }
        }
        skipped++;
        return false;
    }

    /** True when a REMB should go out now (see the class comment). */
    boolean isDue(long nowNanos) {
        if (!estimator.hasEstimate()) {
            return false;
        }
        if (!sentAny) {
            return true;
        }
        long since = nowNanos - lastSentNanos;
        if (since >= INTERVAL_NANOS || since < 0) {
            return true;
        }
        return since >= MIN_DROP_INTERVAL_NANOS && estimator.estimateBps() <= lastSentBps * (1 - DROP_FRACTION);
    }

    /** The bitrate to send now; remembers it as sent. */
    long take(long nowNanos) {
        sentAny = true;
        lastSentNanos = nowNanos;
        lastSentBps = estimator.estimateBps();
        return lastSentBps;
    }

    ReceiveSideEstimator estimator() {
        return estimator;
    }

    /** Packets that could not feed the estimator: no abs-send-time element, or a short one. */
    long skipped() {
        return skipped;
    }
}
