package dev.onair.lab.impair.model;

import dev.onair.lab.impair.DropReason;
import dev.onair.lab.impair.LossSpec;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Decides random loss for each datagram from its own random stream. Bernoulli draws once per datagram;
 * Gilbert–Elliott draws twice (loss in the current state, then the transition), so the chain's sequence depends
 * only on the seed and the datagram count. See {@link LossSpec.GilbertElliott} for the parametrisation.
 */
public final class LossProcess {
    private final SplittableRandom random;
    private LossSpec spec = LossSpec.NONE;
    private double bernoulliLoss;
    private double p;
    private double r;
    private double k;
    private double h;
    private boolean gilbertElliott;
    private boolean bad;

    public LossProcess(SplittableRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /** Switches to {@code newSpec}; a Gilbert–Elliott chain keeps its current state. */
    public void configure(LossSpec newSpec) {
        spec = Objects.requireNonNull(newSpec, "newSpec");
        gilbertElliott = false;
        bernoulliLoss = 0;
        if (newSpec instanceof LossSpec.Bernoulli b) {
            bernoulliLoss = b.lossProbability();
        } else if (newSpec instanceof LossSpec.GilbertElliott ge) {
            gilbertElliott = true;
            p = ge.p();
            r = ge.r();
            k = ge.k();
            h = ge.h();
        }
    }

    /** The current parameters. */
    public LossSpec spec() {
        return spec;
    }

    /** True while a Gilbert–Elliott chain is in its Bad state. */
    public boolean inBadState() {
        return bad;
    }

    /** Advances the model by one datagram: null when it survives, else {@code LOSS} or {@code BURST}. */
    public DropReason next() {
        if (gilbertElliott) {
            boolean wasBad = bad;
            boolean lost = random.nextDouble() >= (wasBad ? h : k);
            double u = random.nextDouble();
            bad = wasBad ? u >= r : u < p;
            if (!lost) {
                return null;
            }
            return wasBad ? DropReason.BURST : DropReason.LOSS;
        }
        if (bernoulliLoss > 0 && random.nextDouble() < bernoulliLoss) {
            return DropReason.LOSS;
        }
        return null;
    }
}
