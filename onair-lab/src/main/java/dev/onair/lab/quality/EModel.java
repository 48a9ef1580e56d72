package dev.onair.lab.quality;

/**
 * The ITU-T G.107 E-model (the narrowband transmission rating model, clause 7), as a pure function of the
 * call's {@link AudioConditions}:
 *
 * <pre>
 *   R = Ro - Is - Id - Ie,eff + A          (G.107 §7.1), floored at 0 and capped at 100
 *   MOS = G.107 Annex B of R               ({@link MosMapping})
 * </pre>
 *
 * <ul>
 *   <li>{@code Ro} (basic signal-to-noise ratio, §7.2) and {@code Is} (simultaneous impairments: loudness,
 *       sidetone, quantizing, §7.3) are computed from {@link EModelParameters} with the full G.107 formulas.
 *       With the defaults {@code Ro = 94.77} and {@code Is = 1.41}.</li>
 *   <li>{@code Id = Idte + Idle + Idd} (§7.4), full formulas, with the usual assumption for a 4-wire VoIP path
 *       (no 2-wire hybrid): the echo path delay {@code T} and the absolute delay {@code Ta} both equal the
 *       one-way mouth-to-ear delay, and the listener echo loop {@code Tr = 2 Ta}. Echo is then controlled by
 *       the default {@code TELR = 65 dB} (a working echo canceller). {@code Idd} uses the default delay
 *       sensitivity ({@code mT = 100 ms, sT = 1}). The STMR &lt; 9 and &gt; 20 adjustments are not modelled
 *       (the default STMR is 15).</li>
 *   <li>{@code Ie,eff = Ie + (95 - Ie) Ppl / (Ppl / BurstR + Bpl)} (§7.5).</li>
 * </ul>
 *
 * Immutable and thread-safe; nothing is allocated except the returned {@link AudioScore}.
 */
public final class EModel {

    /** Delays above this are treated as this (and a NaN delay as this, the worst case). */
    public static final double MAX_DELAY_MILLIS = 10_000;

    private final EModelParameters p;
    private final double noiseDbm0p;
    private final double basicSignalToNoise;

    /** An E-model with the given terminal and circuit parameters. */
    public EModel(EModelParameters parameters) {
        this.p = parameters;
        this.noiseDbm0p = totalNoise(parameters);
        this.basicSignalToNoise = 15 - 1.5 * (parameters.sendLoudnessRatingDb() + noiseDbm0p);
    }

    /** An E-model with the G.107 defaults. */
    public static EModel withDefaults() {
        return new EModel(EModelParameters.defaults());
    }

    /** The rating, its parts and the MOS for one interval's conditions. Never throws. */
    public AudioScore score(AudioConditions conditions) {
        double delayMillis = clampDelay(conditions.oneWayDelayMillis());
        double id = delayImpairment(delayMillis);
        double ieEff = effectiveEquipmentImpairment(conditions.codec(), conditions.lossPercent(),
                conditions.burstRatio());
        double r = basicSignalToNoise - simultaneousImpairment(delayMillis) - id - ieEff + p.advantageFactor();
        double rating = Math.max(0, Math.min(100, r));
        return new AudioScore(rating, id, ieEff, MosMapping.mosFromRating(rating));
    }

    /** Ro, the basic signal-to-noise ratio (G.107 §7.2). */
    public double basicSignalToNoise() {
        return basicSignalToNoise;
    }

    /** Is for an echo path delay T (G.107 §7.3); T only matters through STMRo and barely with TELR = 65. */
    public double simultaneousImpairment(double echoDelayMillis) {
        double olr = p.sendLoudnessRatingDb() + p.receiveLoudnessRatingDb();
        double xolr = olr + 0.2 * (64 + noiseDbm0p - p.receiveLoudnessRatingDb());
        double iolr = 20 * (Math.pow(1 + Math.pow(xolr / 8, 8), 1.0 / 8) - xolr / 8);
        double stmro = -10 * Math.log10(Math.pow(10, -p.sidetoneMaskingRatingDb() / 10)
                + Math.exp(-echoDelayMillis / 4) * Math.pow(10, -p.talkerEchoLossDb() / 10));
        double ist = 12 * Math.pow(1 + Math.pow((stmro - 13) / 6, 8), 1.0 / 8)
                - 28 * Math.pow(1 + Math.pow((stmro + 1) / 19.4, 35), 1.0 / 35)
                - 13 * Math.pow(1 + Math.pow((stmro - 3) / 33, 13), 1.0 / 13)
                + 29;
        double q = 37 - 15 * Math.log10(p.quantizingDistortionUnits());
        double g = 1.07 + 0.258 * q + 0.0602 * q * q;
        double y = (basicSignalToNoise - 100) / 15 + 46 / 8.4 - g / 9;
        double z = 46 / 30.0 - g / 40;
        double iq = 15 * Math.log10(1 + Math.pow(10, y) + Math.pow(10, z));
        return iolr + ist + iq;
    }

    /** Id = Idte + Idle + Idd for a one-way delay (T = Ta, Tr = 2 Ta; G.107 §7.4). */
    public double delayImpairment(double oneWayDelayMillis) {
        double ta = clampDelay(oneWayDelayMillis);
        return talkerEchoImpairment(ta) + listenerEchoImpairment(2 * ta) + absoluteDelayImpairment(ta);
    }

    /** Idte, talker echo, for an echo path delay T (G.107 §7.4). */
    public double talkerEchoImpairment(double echoDelayMillis) {
        double t = echoDelayMillis;
        double terv = p.talkerEchoLossDb() - 40 * Math.log10((1 + t / 10) / (1 + t / 150))
                + 6 * Math.exp(-0.3 * t * t);
        double roe = -1.5 * (noiseDbm0p - p.receiveLoudnessRatingDb());
        double re = 80 + 2.5 * (terv - 14);
        double d = roe - re;
        return (d / 2 + Math.sqrt(d * d / 4 + 100) - 1) * (1 - Math.exp(-t));
    }

    /** Idle, listener echo, for the round-trip delay Tr of the 4-wire loop (G.107 §7.4). */
    public double listenerEchoImpairment(double roundTripMillis) {
        double rle = 10.5 * (p.weightedEchoPathLossDb() + 7) * Math.pow(roundTripMillis + 1, -0.25);
        double d = basicSignalToNoise - rle;
        return d / 2 + Math.sqrt(d * d / 4 + 169);
    }

    /**
     * Idd, too-long absolute delay (G.107 §7.4, default mT = 100 ms, sT = 1): 0 up to 100 ms, else with
     * {@code X = log2(Ta / 100)}: {@code 25 ((1 + X^6)^(1/6) - 3 (1 + (X/3)^6)^(1/6) + 2)}.
     */
    public static double absoluteDelayImpairment(double absoluteDelayMillis) {
        double ta = clampDelay(absoluteDelayMillis);
        if (ta <= 100) {
            return 0;
        }
        double x = Math.log10(ta / 100) / Math.log10(2);
        return 25 * (Math.pow(1 + Math.pow(x, 6), 1.0 / 6) - 3 * Math.pow(1 + Math.pow(x / 3, 6), 1.0 / 6) + 2);
    }

    /**
     * Ie,eff (G.107 §7.5). Loss is clamped to 0..100 (NaN as 100); BurstR below 1 or NaN as 1 (random);
     * G.107 allows BurstR &lt; 1 for "smoother than random" loss, which a network measurement cannot tell.
     */
    public static double effectiveEquipmentImpairment(CodecImpairment codec, double lossPercent,
                                                      double burstRatio) {
        double ppl = lossPercent >= 0 ? Math.min(100, lossPercent) : (Double.isNaN(lossPercent) ? 100 : 0);
        double burst = burstRatio >= 1 && Double.isFinite(burstRatio) ? burstRatio : 1;
        double ie = codec.equipmentImpairment();
        return ie + (95 - ie) * ppl / (ppl / burst + codec.packetLossRobustness());
    }

    private static double clampDelay(double millis) {
        if (Double.isNaN(millis)) {
            return MAX_DELAY_MILLIS;
        }
        return Math.max(0, Math.min(MAX_DELAY_MILLIS, millis));
    }

    private static double totalNoise(EModelParameters p) {
        double olr = p.sendLoudnessRatingDb() + p.receiveLoudnessRatingDb();
        double nos = p.sendRoomNoiseDbA() - p.sendLoudnessRatingDb() - p.sendDValue() - 100
                + 0.004 * Math.pow(p.sendRoomNoiseDbA() - olr - p.sendDValue() - 14, 2);
        double pre = p.receiveRoomNoiseDbA()
                + 10 * Math.log10(1 + Math.pow(10, (10 - p.listenerSidetoneRatingDb()) / 10));
        double nor = p.receiveLoudnessRatingDb() - 121 + pre + 0.008 * Math.pow(pre - 35, 2);
        double nfo = p.receiveNoiseFloorDbmp() + p.receiveLoudnessRatingDb();
        return 10 * Math.log10(Math.pow(10, p.circuitNoiseDbm0p() / 10) + Math.pow(10, nos / 10)
                + Math.pow(10, nor / 10) + Math.pow(10, nfo / 10));
    }
}
