package dev.onair.transport.shape;

import java.util.ArrayDeque;
import java.util.function.LongFunction;

/** A shaper whose decisions a test lists in advance, each a function of "now"; afterwards it delivers at once. */
final class ScriptedShaper implements DatagramShaper {
    private final ShapeDecision decision = new ShapeDecision();
    private final ArrayDeque<LongFunction<ShapeDecision>> script = new ArrayDeque<>();
    int calls;

    ScriptedShaper then(LongFunction<ShapeDecision> step) {
        script.add(step);
        return this;
    }

    ScriptedShaper drop(ShapeDrop reason) {
        return then(now -> decision.drop(reason));
    }

    ScriptedShaper delay(long nanos) {
        return then(now -> decision.deliver(now + nanos));
    }

    ScriptedShaper duplicate(long deliverAfterNanos, long duplicateAfterNanos) {
        return then(now -> decision.deliver(now + deliverAfterNanos).duplicate(now + duplicateAfterNanos));
    }

    @Override
    public ShapeDecision decide(long nowNanos, int sizeBytes) {
        calls++;
        LongFunction<ShapeDecision> step = script.poll();
        return step == null ? decision.deliver(nowNanos) : step.apply(nowNanos);
    }
}
