package dev.onair.lab.impair.model;

import dev.onair.lab.impair.JitterDistribution;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Adds a base delay plus jitter to a departure time. With reordering allowed every datagram's delay is
 * independent; without, a delivery time is never earlier than the previous one ({@code max(previous,
 * candidate)}), so the order is kept and a late datagram holds back the ones behind it.
 */
public final class DelayProcess {
    private static final double TRUNCATION_SIGMAS = 3.0;

    private long baseNanos;
    private double jitterNanos;
    private JitterDistribution distribution = JitterDistribution.NORMAL;
    private boolean reorderAllowed;
    private long lastDeliveryNanos = Long.MIN_VALUE;

    /** Sets the parameters; the last delivery time is kept, so switching to in-order never reorders. */
    public void configure(double delayMillis, double jitterMillis, JitterDistribution newDistribution,
            boolean newReorderAllowed) {
        baseNanos = Math.round(delayMillis * 1e6);
        jitterNanos = jitterMillis * 1e6;
        distribution = Objects.requireNonNull(newDistribution, "newDistribution");
        reorderAllowed = newReorderAllowed;
    }

    /** True when neither a delay nor jitter is configured. */
    public boolean zero() {
        return baseNanos == 0 && jitterNanos == 0;
    }

    /**
     * The delivery time of a datagram that leaves the bottleneck at {@code departureNanos}, drawing jitter from
     * {@code random} (nothing is drawn when the jitter is zero). Never earlier than {@code departureNanos}.
     */
    public long deliveryNanos(long departureNanos, SplittableRandom random) {
        long delay = baseNanos;
        if (jitterNanos > 0) {
            delay += Math.round(sampleJitter(random));
        }
        long candidate = departureNanos + Math.max(0, delay);
        if (!reorderAllowed && candidate < lastDeliveryNanos) {
            candidate = lastDeliveryNanos;
        }
        if (candidate > lastDeliveryNanos) {
            lastDeliveryNanos = candidate;
        }
        return candidate;
    }

    private double sampleJitter(SplittableRandom random) {
        if (distribution == JitterDistribution.UNIFORM) {
            return (2 * random.nextDouble() - 1) * jitterNanos;
        }
        double z;
        do {
            z = random.nextGaussian();
        } while (Math.abs(z) > TRUNCATION_SIGMAS);
        return z * jitterNanos;
    }
}
