package dev.onair.lab.quality;

/**
 * The E-model's terminal and circuit parameters that do not change during a call (ITU-T G.107 §7.7, Table 3
 * gives every default used by {@link #defaults()}). Per-call quantities (delay, loss, codec) are passed to
 * {@link EModel#score} instead.
 *
 * @param sendLoudnessRatingDb SLR, default 8 dB
 * @param receiveLoudnessRatingDb RLR, default 2 dB
 * @param sidetoneMaskingRatingDb STMR, default 15 dB
 * @param listenerSidetoneRatingDb LSTR, default 18 dB
 * @param sendDValue Ds (telephone D-value, send side), default 3
 * @param receiveDValue Dr (telephone D-value, receive side), default 3
 * @param talkerEchoLossDb TELR, default 65 dB
 * @param weightedEchoPathLossDb WEPL, default 110 dB
 * @param circuitNoiseDbm0p Nc, default -70 dBm0p
 * @param receiveNoiseFloorDbmp Nfor, default -64 dBmp
 * @param sendRoomNoiseDbA Ps, default 35 dB(A)
 * @param receiveRoomNoiseDbA Pr, default 35 dB(A)
 * @param quantizingDistortionUnits qdu, default 1
 * @param advantageFactor A, default 0 (G.107 Table 2 gives up to 5 for cordless/mobile users)
 */
public record EModelParameters(
        double sendLoudnessRatingDb,
        double receiveLoudnessRatingDb,
        double sidetoneMaskingRatingDb,
        double listenerSidetoneRatingDb,
        double sendDValue,
        double receiveDValue,
        double talkerEchoLossDb,
        double weightedEchoPathLossDb,
        double circuitNoiseDbm0p,
        double receiveNoiseFloorDbmp,
        double sendRoomNoiseDbA,
        double receiveRoomNoiseDbA,
        double quantizingDistortionUnits,
        double advantageFactor) {

    private static final EModelParameters DEFAULTS =
            new EModelParameters(8, 2, 15, 18, 3, 3, 65, 110, -70, -64, 35, 35, 1, 0);

    /** The G.107 default values (Table 3); with them and no impairment R = 93.2. */
    public static EModelParameters defaults() {
        return DEFAULTS;
    }

    /** A copy with another advantage factor A (G.107 §7.6). */
    public EModelParameters withAdvantageFactor(double advantage) {
        return new EModelParameters(sendLoudnessRatingDb, receiveLoudnessRatingDb, sidetoneMaskingRatingDb,
                listenerSidetoneRatingDb, sendDValue, receiveDValue, talkerEchoLossDb, weightedEchoPathLossDb,
                circuitNoiseDbm0p, receiveNoiseFloorDbmp, sendRoomNoiseDbA, receiveRoomNoiseDbA,
                quantizingDistortionUnits, advantage);
    }
}
