package dev.onair.lab.impair;

import dev.onair.lab.impair.model.Bottleneck;
import dev.onair.lab.impair.model.DelayProcess;
import dev.onair.lab.impair.model.LossProcess;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The impairment of one direction of one participant's traffic. The media loop calls {@link #decide} for every
 * datagram (before decryption inbound, after encryption outbound) and schedules delayed and duplicate deliveries
 * itself. When {@link #enabled()} is false the caller can skip the call (it would deliver at once anyway).
 *
 * <p>Per datagram, in this order: the scenario's profile for {@code nowNanos} is put in effect; the loss model
 * draws (every datagram, so its sequence depends only on the seed and the datagram count); a blackout drops;
 * a random loss drops; the bottleneck queues or drops ({@code QUEUE_FULL}); the delay adds base + jitter to the
 * departure; duplication may add a second delivery with its own jitter.
 *
 * <p><b>Determinism:</b> one {@link SplittableRandom} seeded with {@link #seed()} is split, in a fixed order, into
 * one stream per model (loss, jitter, duplication), so enabling duplication or jitter does not shift the loss
 * sequence. The same seed, scenario, origin and sequence of {@code (nowNanos, sizeBytes)} give the same verdicts
 * bit for bit.
 *
 * <p>Not thread-safe: one instance belongs to one media loop. {@code nowNanos} must not go backwards (an earlier
 * value is treated as the latest one seen). Allocation-free per datagram; the {@link Verdict} is reused.
 */
public final class Impairment {
    private final long seed;
    private final long originNanos;
    private final Scenario scenario;
    private final Timeline timeline;
    private final boolean enabled;
    private final SplittableRandom jitterRandom;
    private final SplittableRandom duplicateRandom;
    private final LossProcess loss;
    private final DelayProcess delay = new DelayProcess();
    private final Bottleneck bottleneck = new Bottleneck();
    private final Verdict verdict = new Verdict();
    private final long[] dropsByReason = new long[DropReason.values().length];

    private ImpairmentProfile profile;
    private int segment = -1;
    private long lastNowNanos = Long.MIN_VALUE;
    private long lastOffsetNanos = -1;
    private long datagrams;
    private long duplicates;

    private Impairment(Scenario scenario, long seed, long originNanos) {
        this.scenario = Objects.requireNonNull(scenario, "scenario");
        this.seed = seed;
        this.originNanos = originNanos;
        this.timeline = scenario.compile();
        this.enabled = !timeline.allNeutral();
        SplittableRandom root = new SplittableRandom(seed);
        this.loss = new LossProcess(root.split());
        this.jitterRandom = root.split();
        this.duplicateRandom = root.split();
        this.profile = timeline.profiles[0];
    }

    /**
     * An impairment that plays {@code scenario} from {@code originNanos} (its offset 0), with the random streams
     * seeded by {@code seed}.
     */
    public static Impairment create(Scenario scenario, long seed, long originNanos) {
        return new Impairment(scenario, seed, originNanos);
    }

    /** An impairment holding one profile forever. */
    public static Impairment create(ImpairmentProfile profile, long seed, long originNanos) {
        return create(Scenario.constant("custom", profile), seed, originNanos);
    }

    /** An impairment that changes nothing ({@link #enabled()} is false). */
    public static Impairment off() {
        return create(ImpairmentProfile.NONE, 0, 0);
    }

    /** False when no moment of the scenario impairs anything: the caller may skip {@link #decide}. */
    public boolean enabled() {
        return enabled;
    }

    /** The seed of every random stream here, for reports. */
    public long seed() {
        return seed;
    }

    /** The time the scenario's offset 0 corresponds to. */
    public long originNanos() {
        return originNanos;
    }

    /** The scenario being played. */
    public Scenario scenario() {
        return scenario;
    }

    /** The profile in effect at the last {@link #decide} (the scenario's first one before any). */
    public ImpairmentProfile currentProfile() {
        return profile;
    }

    /**
     * Decides the fate of one datagram of {@code sizeBytes} arriving at {@code nowNanos}. The returned verdict is
     * owned by this impairment and overwritten by the next call.
     */
    public Verdict decide(long nowNanos, int sizeBytes) {
        if (!enabled) {
            verdict.deliver(nowNanos);
            datagrams++;
            return verdict;
        }
        long now = Math.max(nowNanos, lastNowNanos);
        lastNowNanos = now;
        datagrams++;
        advance(now);
        DropReason lossReason = loss.next();
        if (profile.blackout()) {
            return drop(DropReason.BLACKOUT);
        }
        if (lossReason != null) {
            return drop(lossReason);
        }
        long departure = bottleneck.enqueue(now, sizeBytes);
        if (departure == Bottleneck.DROPPED) {
            return drop(DropReason.QUEUE_FULL);
        }
        verdict.deliver(delay.deliveryNanos(departure, jitterRandom));
        double duplicateProbability = profile.duplicateProbability();
        if (duplicateProbability > 0 && duplicateRandom.nextDouble() < duplicateProbability) {
            duplicates++;
            verdict.duplicate(delay.deliveryNanos(departure, duplicateRandom));
        }
        return verdict;
    }

    /** Datagrams decided so far. */
    public long datagrams() {
        return datagrams;
    }

    /** Datagrams dropped so far for {@code reason}. */
    public long drops(DropReason reason) {
        return dropsByReason[reason.ordinal()];
    }

    /** Duplicates produced so far. */
    public long duplicates() {
        return duplicates;
    }

    private Verdict drop(DropReason reason) {
        dropsByReason[reason.ordinal()]++;
        verdict.drop(reason);
        return verdict;
    }

    /** Puts the timeline's segment for {@code now} in effect; a long compare unless a boundary was crossed. */
    private void advance(long now) {
        long offset = Math.max(0, now - originNanos);
        long[] starts = timeline.startNanos;
        if (timeline.loopNanos > 0) {
            offset %= timeline.loopNanos;
            if (offset < lastOffsetNanos) {
                segment = -1;
            }
        }
        lastOffsetNanos = offset;
        int next = segment;
        while (next + 1 < starts.length && offset >= starts[next + 1]) {
            next++;
        }
        if (next != segment) {
            segment = next;
            apply(timeline.profiles[next], now);
        }
    }

    private void apply(ImpairmentProfile newProfile, long now) {
        profile = newProfile;
        loss.configure(newProfile.loss());
        delay.configure(newProfile.delayMillis(), newProfile.jitterMillis(), newProfile.jitterDistribution(),
                newProfile.reorderAllowed());
        bottleneck.configure(now, newProfile.rateBps(), newProfile.trace(), newProfile.queueLimit());
    }
}
