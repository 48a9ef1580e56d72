package dev.onair.lab.impair;

/**
 * A random loss model's parameters. Three kinds: {@link None}, {@link Bernoulli} (independent losses) and
 * {@link GilbertElliott} (bursty losses).
 */
public sealed interface LossSpec permits LossSpec.None, LossSpec.Bernoulli, LossSpec.GilbertElliott {

    /** No random loss. */
    LossSpec NONE = new None();

    /** The long-run fraction of datagrams lost, in [0, 1]. */
    double meanLossRatio();

    /** No random loss. */
    record None() implements LossSpec {
        @Override
        public double meanLossRatio() {
            return 0;
        }
    }

    /**
     * Independent losses: each datagram is lost with probability {@code lossProbability}.
     *
     * @param lossProbability in [0, 1]
     */
    record Bernoulli(double lossProbability) implements LossSpec {
        public Bernoulli {
            Probabilities.check("lossProbability", lossProbability);
        }

        @Override
        public double meanLossRatio() {
            return lossProbability;
        }
    }

    /**
     * The Gilbert–Elliott model with four parameters, in the parametrisation of G. Hasslinger and O. Hohlfeld,
     * "The Gilbert-Elliott Model for Packet Loss in Real Time Services on the Internet" (MMB 2008), also used by
     * RFC 3611 §4.7.2 (burst/gap metrics) and by Linux netem's {@code loss gemodel p r 1-h 1-k}.
     *
     * <p>A two-state Markov chain, Good and Bad, advanced once per datagram: first the datagram is lost with the
     * current state's loss probability, then the state moves on.
     * <ul>
     *   <li>{@code p} = P(Good → Bad), {@code r} = P(Bad → Good);</li>
     *   <li>{@code k} = P(delivered | Good), so the loss probability in Good is {@code 1 - k};</li>
     *   <li>{@code h} = P(delivered | Bad), so the loss probability in Bad is {@code 1 - h}.</li>
     * </ul>
     * With k = 1 and h = 0 it is the simple Gilbert model (mean burst length 1/r). The chain starts in Good.
     * Derived: π<sub>B</sub> = p/(p+r), mean loss = (1-k)·π<sub>G</sub> + (1-h)·π<sub>B</sub>, and the mean
     * burst length (the mean length of a run of consecutive losses) = P(loss) / P(loss followed by a delivery).
     */
    record GilbertElliott(double p, double r, double k, double h) implements LossSpec {
        public GilbertElliott {
            Probabilities.check("p", p);
            Probabilities.check("r", r);
            Probabilities.check("k", k);
            Probabilities.check("h", h);
            if (p + r == 0) {
                throw new IllegalArgumentException("p and r cannot both be 0 (the chain would never move)");
            }
        }

        /**
         * The simple Gilbert model (k = 1, h = 0) with the given mean loss and mean burst length.
         *
         * @param meanLossRatio in (0, 1)
         * @param meanBurstLengthPackets at least 1
         */
        public static GilbertElliott simpleGilbert(double meanLossRatio, double meanBurstLengthPackets) {
            if (!(meanLossRatio > 0 && meanLossRatio < 1) || !(meanBurstLengthPackets >= 1)) {
                throw new IllegalArgumentException("need 0 < meanLossRatio < 1 and meanBurstLengthPackets >= 1");
            }
            double r = 1 / meanBurstLengthPackets;
            double p = r * meanLossRatio / (1 - meanLossRatio);
            return new GilbertElliott(p, r, 1, 0);
        }

        /** The stationary probability of the Bad state, p / (p + r). */
        public double badStateRatio() {
            return p / (p + r);
        }

        @Override
        public double meanLossRatio() {
            double bad = badStateRatio();
            return (1 - k) * (1 - bad) + (1 - h) * bad;
        }

        /**
         * The mean number of consecutive lost datagrams in a loss run: P(loss) / P(loss, then a delivery), exact
         * for the stationary chain. Infinite when every datagram is lost.
         */
        public double meanBurstLengthPackets() {
            double bad = badStateRatio();
            double good = 1 - bad;
            double lossGood = 1 - k;
            double lossBad = 1 - h;
            // after Good: stays Good w.p. 1-p (delivered w.p. k) or goes Bad w.p. p (delivered w.p. h)
            double deliverAfterGood = (1 - p) * k + p * h;
            double deliverAfterBad = r * k + (1 - r) * h;
            double lossThenDelivery = good * lossGood * deliverAfterGood + bad * lossBad * deliverAfterBad;
            double loss = meanLossRatio();
            return lossThenDelivery == 0 ? Double.POSITIVE_INFINITY : loss / lossThenDelivery;
        }
    }
}
