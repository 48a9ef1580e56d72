package dev.onair.sfu.bwe;

/**
 * The delay-based rate (draft-ietf-rmcat-gcc-02 §5.5, libwebrtc AimdRateControl). States: increase on
 * {@link DelaySignal#NORMAL}, decrease on {@link DelaySignal#OVERUSING}, hold on {@link DelaySignal#UNDERUSING}
 * (and right after a decrease).
 * <ul>
 *   <li>Decrease: to 0.85 × the acked bitrate, at most once per RTT (10..200 ms) unless the acked rate fell below
 *       half the estimate; the acked rate at each overuse feeds a smoothed link-capacity estimate.</li>
 *   <li>Increase: multiplicative (8 %/s) while no link capacity is known or the acked rate has left its 3σ band;
 *       additive (one average packet per response time = RTT + 100 ms, at least 4 kbit/s/s) near it.</li>
 *   <li>Never above 1.5 × acked + 10 kbit/s: a link the application does not fill cannot prove it carries
 *       more, so the estimate does not grow without bound on an idle or application-limited link.</li>
 * </ul>
 */
final class AimdRateControl {
    static final double BETA = 0.85;
    static final double MULTIPLICATIVE_INCREASE_PER_SECOND = 1.08;
    static final long MIN_MULTIPLICATIVE_INCREASE_BPS = 1_000L;
    static final double MIN_ADDITIVE_INCREASE_BPS_PER_SECOND = 4_000.0;
    static final double ACKED_INCREASE_FACTOR = 1.5;
    static final long ACKED_INCREASE_HEADROOM_BPS = 10_000L;
    static final long RESPONSE_EXTRA_MILLIS = 100L;
    static final double FRAMES_PER_SECOND = 30.0;
    static final double PACKET_BYTES = 1200.0;
    static final double CAPACITY_SMOOTHING = 0.05;

    enum State { HOLD, INCREASE, DECREASE }

    private final BweConfig config;
    private long currentBps;
    private State state = State.HOLD;
    private long lastUpdateNanos;
    private long lastChangeNanos;
    private long lastDecreaseNanos;
    private long rttMillis = 200;
    private double capacityKbps = -1;
    private double capacityVariance = 0.4;
    private boolean decreasedLast;

    AimdRateControl(BweConfig config, long nowNanos) {
        this.config = config;
        this.currentBps = config.startBitrateBps();
        this.lastUpdateNanos = nowNanos;
        this.lastChangeNanos = nowNanos;
        this.lastDecreaseNanos = nowNanos;
    }

    void setRttMillis(long rttMillis) {
        this.rttMillis = rttMillis;
    }

    /** One step per feedback; {@code ackedBps} 0 when not known yet. */
    long update(DelaySignal signal, long ackedBps, long nowNanos) {
        decreasedLast = false;
        changeState(signal, nowNanos);
        double secondsSinceUpdate = Math.max(0, Math.min(1.0, (nowNanos - lastUpdateNanos) / 1e9));
        switch (state) {
            case INCREASE -> increase(ackedBps, secondsSinceUpdate, nowNanos);
            case DECREASE -> decrease(ackedBps, nowNanos);
            default -> { }
        }
        lastUpdateNanos = nowNanos;
        return currentBps;
    }

    private void changeState(DelaySignal signal, long nowNanos) {
        switch (signal) {
            case NORMAL -> {
                if (state == State.HOLD) {
                    state = State.INCREASE;
                    lastUpdateNanos = nowNanos;
                }
            }
            case OVERUSING -> state = State.DECREASE;
            case UNDERUSING -> state = State.HOLD;
        }
    }

    private void increase(long ackedBps, double seconds, long nowNanos) {
        if (ackedBps <= 0) {
            return;
        }
        if (capacityKbps > 0 && ackedBps / 1000.0 > capacityUpperKbps()) {
            capacityKbps = -1;
        }
        long limit = (long) Math.min(Long.MAX_VALUE / 4.0,
                ACKED_INCREASE_FACTOR * ackedBps + ACKED_INCREASE_HEADROOM_BPS);
        if (currentBps >= limit) {
            return;
        }
        long increment;
        if (capacityKbps > 0) {
            increment = (long) (nearMaxIncreaseBpsPerSecond() * seconds);
        } else {
            double alpha = Math.pow(MULTIPLICATIVE_INCREASE_PER_SECOND, seconds);
            increment = Math.max((long) (currentBps * (alpha - 1.0)), MIN_MULTIPLICATIVE_INCREASE_BPS);
        }
        long next = config.clamp(Math.min(currentBps + increment, limit));
        if (next != currentBps) {
            currentBps = next;
            lastChangeNanos = nowNanos;
        }
    }

    private double nearMaxIncreaseBpsPerSecond() {
        double frameBytes = currentBps / 8.0 / FRAMES_PER_SECOND;
        double packetsPerFrame = Math.max(1.0, Math.ceil(frameBytes / PACKET_BYTES));
        double averagePacketBits = frameBytes / packetsPerFrame * 8.0;
        double responseSeconds = (rttMillis + RESPONSE_EXTRA_MILLIS) / 1000.0;
        return Math.max(MIN_ADDITIVE_INCREASE_BPS_PER_SECOND, averagePacketBits / responseSeconds);
    }

    private void decrease(long ackedBps, long nowNanos) {
        if (timeToReduceFurther(ackedBps, nowNanos)) {
            long decreased;
            if (ackedBps > 0) {
                decreased = (long) (BETA * ackedBps);
                if (decreased > currentBps && capacityKbps > 0) {
                    decreased = (long) (BETA * capacityKbps * 1000);
                }
                updateCapacity(ackedBps / 1000.0);
            } else {
                decreased = currentBps / 2;
            }
            // At most a halving per decrease: the acked rate is measured over 250 ms, and a sudden step in latency (a
            // route change, a handover, the lab switching on 80 ms) leaves it nearly empty for a moment; without the
            // floor one overuse took a 5 Mbit/s estimate to 50 kbit/s and paused video for 3 s. A real cap is still
            // reached within a few round trips (halvings).
            decreased = Math.max(decreased, currentBps / 2);
            decreased = config.clamp(decreased);
            if (decreased < currentBps) {
                currentBps = decreased;
                decreasedLast = true;
                lastChangeNanos = nowNanos;
                lastDecreaseNanos = nowNanos;
            }
        }
        state = State.HOLD;
    }

    private boolean timeToReduceFurther(long ackedBps, long nowNanos) {
        long intervalMillis = Math.max(10, Math.min(200, rttMillis));
        if (nowNanos - lastDecreaseNanos >= intervalMillis * 1_000_000L) {
            return true;
        }
        return ackedBps > 0 && ackedBps < currentBps / 2;
    }

    private void updateCapacity(double sampleKbps) {
        if (capacityKbps > 0 && sampleKbps < capacityLowerKbps()) {
            capacityKbps = -1;
        }
        if (capacityKbps < 0) {
            capacityKbps = sampleKbps;
        } else {
            capacityKbps = (1 - CAPACITY_SMOOTHING) * capacityKbps + CAPACITY_SMOOTHING * sampleKbps;
        }
        double norm = Math.max(capacityKbps, 1.0);
        double error = capacityKbps - sampleKbps;
        capacityVariance = (1 - CAPACITY_SMOOTHING) * capacityVariance
                + CAPACITY_SMOOTHING * error * error / norm;
        capacityVariance = Math.max(0.4, Math.min(2.5, capacityVariance));
    }

    private double capacityUpperKbps() {
        return capacityKbps + 3 * Math.sqrt(capacityKbps * capacityVariance);
    }

    private double capacityLowerKbps() {
        return Math.max(0, capacityKbps - 3 * Math.sqrt(capacityKbps * capacityVariance));
    }

    /** Sets the rate outright (a probe result), keeping the state machine as is. */
    void setEstimate(long bps, long nowNanos) {
        currentBps = config.clamp(bps);
        lastChangeNanos = nowNanos;
        if (capacityKbps > 0 && bps / 1000.0 > capacityUpperKbps()) {
            capacityKbps = -1;
        }
    }

    long estimateBps() {
        return currentBps;
    }

    boolean decreasedLast() {
        return decreasedLast;
    }

    State state() {
        return state;
    }

    /** The smoothed acked rate at overuse, or -1 when none is known (multiplicative increase). */
    long linkCapacityBps() {
        return capacityKbps < 0 ? -1 : (long) (capacityKbps * 1000);
    }
}
