package dev.onair.sfu.bwe;

/**
 * Receive-side bandwidth estimate of one publisher's incoming media, for REMB (libwebrtc
 * RemoteBitrateEstimatorAbsSendTime, draft-ietf-rmcat-gcc-02 §4–5 with the sender's time from the abs-send-time
 * header extension). Per packet: the 24-bit 6.18 fixed-point send time (seconds, wraps every 64 s) is unwrapped
 * (the nearer of the two directions), grouped by {@link InterArrival}, fed through the {@link TrendlineFilter} and
 * the {@link OveruseDetector}; the {@link AckedBitrateEstimator} measures the incoming bitrate (250 ms of arrival
 * time). The {@link AimdRateControl} runs on overuse at once and otherwise every {@link #UPDATE_INTERVAL_NANOS}, its
 * "acked" rate being the incoming rate: the estimate never grows above 1.5 × incoming + 10 kbit/s, so an
 * application-limited sender is not told it may send much more than it ever proved.
 *
 * <p>The estimate is valid ({@link #hasEstimate()}) once {@link #INITIALIZATION_NANOS} of arrivals were measured
 * or at the first overuse; it then starts at the config's start, kept within [incoming, 1.5 × incoming + 10 kbit/s].
 * A send-time jump of more than 3 s or an arrival going backwards restarts the delay grouping (counted in
 * {@link #resets()}); packets sent before the current group's first are ignored by the grouping. Never throws,
 * never yields NaN; no allocation per packet. Media loop only (one thread, no locks).
 */
public final class ReceiveSideEstimator {
    /** Abs-send-time ticks per second: 6.18 fixed point. */
    static final long TICKS_PER_SECOND = 1L << 18;
    static final int TICKS_MASK = (1 << 24) - 1;
    static final int HALF_RANGE_TICKS = 1 << 23;
    /** How often the rate control runs without overuse (libwebrtc sends REMB about this often when it changes). */
    static final long UPDATE_INTERVAL_NANOS = 100_000_000L;
    /** Arrivals measured before the first estimate. */
    static final long INITIALIZATION_NANOS = 1_000_000_000L;
    static final long MAX_RTT_MILLIS = 10_000L;

    private final BweConfig config;
    private final InterArrival interArrival = new InterArrival();
    private final TrendlineFilter trendline = new TrendlineFilter();
    private final OveruseDetector detector = new OveruseDetector();
    private final AimdRateControl aimd;
    private final AckedBitrateEstimator incoming = new AckedBitrateEstimator();

    private boolean started;
    private int lastTicks;
    private long unwrappedTicks;
    private long firstArrivalNanos;
    private long lastUpdateNanos;
    private boolean overuseSinceUpdate;
    private boolean valid;
    private long estimateBps;
    private DelaySignal delaySignal = DelaySignal.NORMAL;
    private long packets;
    private long resets;
    private long overuseEvents;

    public ReceiveSideEstimator(BweConfig config, long nowNanos) {
        this.config = config;
        this.aimd = new AimdRateControl(config, nowNanos);
        this.estimateBps = config.startBitrateBps();
    }

    /**
     * One received RTP packet (any SSRC of the transport, RTX included).
     *
     * @param absSendTime  the abs-send-time extension's 24-bit value (higher bits are ignored)
     * @param arrivalNanos when it arrived (the caller's MediaClock)
     * @param sizeBytes    its size on the wire (RTP header and payload)
     */
    public void onPacket(int absSendTime, long arrivalNanos, int sizeBytes) {
        packets++;
        int ticks = absSendTime & TICKS_MASK;
        if (!started) {
            started = true;
            lastTicks = ticks;
            unwrappedTicks = 0;
            firstArrivalNanos = arrivalNanos;
            lastUpdateNanos = arrivalNanos;
        }
        int delta = (ticks - lastTicks) & TICKS_MASK;
        if (delta >= HALF_RANGE_TICKS) {
            delta -= 1 << 24;
        }
        lastTicks = ticks;
        unwrappedTicks += delta;
        long sendNanos = ticksToNanos(unwrappedTicks);
        incoming.onPacket(arrivalNanos, sizeBytes);
        int step = interArrival.add(sendNanos, arrivalNanos);
        if (step == InterArrival.RESET) {
            trendline.reset();
            detector.reset();
            resets++;
        } else if (step == InterArrival.DELTA) {
            double sendDeltaMs = interArrival.sendDeltaNanos() / 1e6;
            double arrivalDeltaMs = interArrival.arrivalDeltaNanos() / 1e6;
            long groupArrival = interArrival.groupArrivalNanos();
            if (trendline.update(arrivalDeltaMs, sendDeltaMs, groupArrival)) {
                DelaySignal s = detector.detect(trendline.slope(), sendDeltaMs, trendline.numDeltas(), groupArrival);
                overuseSinceUpdate |= s == DelaySignal.OVERUSING;
            }
        }
        if (arrivalNanos < lastUpdateNanos) {
            lastUpdateNanos = arrivalNanos; // the clock went back: start the interval again
        }
        if (overuseSinceUpdate || arrivalNanos - lastUpdateNanos >= UPDATE_INTERVAL_NANOS) {
            update(arrivalNanos);
        }
    }

    /** Ticks of 1/2^18 s to nanoseconds, without overflow for any unwrapped value a long holds. */
    static long ticksToNanos(long ticks) {
        long seconds = ticks >> 18;
        long fraction = ticks & (TICKS_PER_SECOND - 1);
        long nanos = (fraction * 1_000_000_000L) >> 18;
        if (seconds > Long.MAX_VALUE / 1_000_000_000L - 1 || seconds < Long.MIN_VALUE / 1_000_000_000L + 1) {
            return seconds > 0 ? Long.MAX_VALUE / 2 : Long.MIN_VALUE / 2;
        }
        return seconds * 1_000_000_000L + nanos;
    }

    private void update(long nowNanos) {
        boolean overuse = overuseSinceUpdate;
        overuseSinceUpdate = false;
        lastUpdateNanos = nowNanos;
        long incomingBps = incoming.update();
        delaySignal = overuse ? DelaySignal.OVERUSING : detector.state();
        if (overuse) {
            overuseEvents++;
        }
        if (!valid) {
            if (incomingBps <= 0 || (!overuse && nowNanos - firstArrivalNanos < INITIALIZATION_NANOS)) {
                return;
            }
            valid = true;
            long bound = (long) (AimdRateControl.ACKED_INCREASE_FACTOR * incomingBps)
                    + AimdRateControl.ACKED_INCREASE_HEADROOM_BPS;
            aimd.setEstimate(Math.max(incomingBps, Math.min(config.startBitrateBps(), bound)), nowNanos);
        }
        estimateBps = config.clamp(aimd.update(delaySignal, incomingBps, nowNanos));
    }

    /** A round-trip time to the publisher, when known: sets the decrease interval and additive increase. */
    public void onRtt(long rttMillis) {
        aimd.setRttMillis(Math.max(1, Math.min(MAX_RTT_MILLIS, rttMillis)));
    }

    /** True once the estimate means something (see the class comment); send no REMB before. */
    public boolean hasEstimate() {
        return valid;
    }

    /** The most the publisher should send now, in bit/s; the config's start before {@link #hasEstimate()}. */
    public long estimateBps() {
        return estimateBps;
    }

    /** What arrived over the last 250 ms; 0 before 100 ms of arrivals. */
    public long incomingBitrateBps() {
        return incoming.bitrateBps();
    }

    public DelaySignal delaySignal() {
        return delaySignal;
    }

    public long packets() {
        return packets;
    }

    /** Restarts of the delay grouping (send-time jumps, arrivals going backwards). */
    public long resets() {
        return resets;
    }

    /** Rate-control runs that saw overuse. */
    public long overuseEvents() {
        return overuseEvents;
    }
}
