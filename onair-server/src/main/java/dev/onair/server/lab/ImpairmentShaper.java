package dev.onair.server.lab;

import dev.onair.lab.impair.DropReason;
import dev.onair.lab.impair.Impairment;
import dev.onair.lab.impair.Verdict;
import dev.onair.transport.shape.DatagramShaper;
import dev.onair.transport.shape.ShapeDecision;
import dev.onair.transport.shape.ShapeDrop;

/** A lab {@link Impairment} as a transport {@link DatagramShaper}: copies each verdict, allocates nothing. */
public final class ImpairmentShaper implements DatagramShaper {
    private static final ShapeDrop[] DROPS = new ShapeDrop[DropReason.values().length];

    static {
        for (DropReason r : DropReason.values()) {
            DROPS[r.ordinal()] = ShapeDrop.valueOf(r.name());
        }
    }

    private final Impairment impairment;
    private final ShapeDecision decision = new ShapeDecision();

    public ImpairmentShaper(Impairment impairment) {
        this.impairment = impairment;
    }

    public Impairment impairment() {
        return impairment;
    }

    @Override
    public ShapeDecision decide(long nowNanos, int sizeBytes) {
        Verdict v = impairment.decide(nowNanos, sizeBytes);
        if (v.dropped()) {
            return decision.drop(DROPS[v.dropReason().ordinal()]);
        }
        decision.deliver(v.deliverAtNanos());
        if (v.duplicated()) {
            decision.duplicate(v.duplicateAtNanos());
        }
        return decision;
    }
}
