package dev.onair.sfu.bwe;

/**
 * Classic GCC loss control (draft-ietf-rmcat-gcc-02 §6, libwebrtc SendSideBandwidthEstimation): the loss fraction
 * over at least {@value #MIN_PACKETS} reported packets; above 10 % the limit drops to estimate × (1 − 0.5 × loss), at most once per
 * 300 ms + RTT, but never below {@value #ACKED_FLOOR} × the acked rate; below 2 % it may rise to estimate × 1.08 +
 * 1 kbit/s once per second; in between it holds. The estimator uses min(delay-based, this limit).
 *
 * <p>Why the floor: the loss fraction is taken over the last {@value #MIN_PACKETS} packets, so after a sender
 * overran a link it still counts that burst's losses while the acked rate already shows what the link carries. With
 * 66 % of a second's packets lost when a 1 Mbit/s cap met a 2.5 Mbit/s layer, repeated cuts took the estimate to
 * ~500 kbit/s on a link that had just delivered 1 Mbit/s, below the layer that fits. The delay-based control makes
 * the same choice: one decrease goes to 0.85 × acked, not lower.
 *
 * <p>Why {@value #MIN_PACKETS} packets, not libwebrtc's 20: libwebrtc takes the fraction from receiver reports, about
 * one a second and at video rates 100 packets or more each, whereas ours comes from transport-wide feedback every
 * 50–100 ms. Over 20-packet windows 5 % random loss (the quality bench's loss5-rtt80) reads above 10 % in 7.5 % of
 * the windows (binomial), so random loss alone cut the limit every second or two and paused a 700 kbit/s video for
 * the rest of a run; over 100 packets that happens in 1.1 % of the windows. Congestion loss is still seen within a
 * second at video rates, and the delay-based control reacts sooner anyway.
 */
final class LossBasedController {
    static final double LOW_LOSS = 0.02;
    static final double HIGH_LOSS = 0.10;
    static final int MIN_PACKETS = 100;
    static final double INCREASE_FACTOR = 1.08;
    static final long INCREASE_EXTRA_BPS = 1_000L;
    static final long INCREASE_INTERVAL_NANOS = 1_000_000_000L;
    static final long DECREASE_INTERVAL_NANOS = 300_000_000L;
    /** A decrease never goes below this × the acked rate (when one is known). */
    static final double ACKED_FLOOR = 0.85;

    private final BweConfig config;
    private long lostPackets;
    private long expectedPackets;
    private double lossFraction;
    private boolean fresh;
    private long limitBps;
    private boolean hasIncreased;
    private long lastIncreaseNanos;
    private boolean hasDecreased;
    private long lastDecreaseNanos;
    private boolean decreasedLast;

    LossBasedController(BweConfig config) {
        this.config = config;
        this.limitBps = config.maxBitrateBps();
    }

    void onPackets(int lost, int total) {
        lostPackets += lost;
        expectedPackets += total;
        if (expectedPackets >= MIN_PACKETS) {
            lossFraction = (double) lostPackets / expectedPackets;
            lostPackets = 0;
            expectedPackets = 0;
            fresh = true;
        }
    }

    /**
     * Applies the newest loss fraction, if one is due, against the current combined estimate.
     *
     * @param ackedBps what arrived over the last 250 ms; 0 when not known (no floor then)
     */
    long update(long estimateBps, long ackedBps, long rttMillis, long nowNanos) {
        decreasedLast = false;
        if (!fresh) {
            return limitBps;
        }
        fresh = false;
        if (lossFraction < LOW_LOSS) {
            if (!hasIncreased || nowNanos - lastIncreaseNanos >= INCREASE_INTERVAL_NANOS) {
                long raised = (long) (estimateBps * INCREASE_FACTOR) + INCREASE_EXTRA_BPS;
                limitBps = config.clamp(Math.max(limitBps, raised));
                hasIncreased = true;
                lastIncreaseNanos = nowNanos;
            }
        } else if (lossFraction > HIGH_LOSS) {
            long interval = DECREASE_INTERVAL_NANOS + rttMillis * 1_000_000L;
            if (!hasDecreased || nowNanos - lastDecreaseNanos >= interval) {
                long cut = (long) (estimateBps * (1.0 - 0.5 * lossFraction));
                long floor = (long) (ACKED_FLOOR * ackedBps);
                limitBps = config.clamp(Math.min(estimateBps, Math.max(cut, floor)));
                hasDecreased = true;
                lastDecreaseNanos = nowNanos;
                decreasedLast = true;
            }
        }
        return limitBps;
    }

    /** A probe showed the link carries {@code bps}: lift the limit unless the loss is high. */
    void onProbe(long bps) {
        if (lossFraction <= HIGH_LOSS) {
            limitBps = config.clamp(Math.max(limitBps, bps));
        }
    }

    double lossFraction() {
        return lossFraction;
    }

    long limitBps() {
        return limitBps;
    }

    boolean decreasedLast() {
        return decreasedLast;
    }
}
