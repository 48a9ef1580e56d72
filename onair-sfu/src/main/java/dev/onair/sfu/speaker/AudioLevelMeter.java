package dev.onair.sfu.speaker;

/**
 * The loudness of one published audio track, from the RFC 6464 level of each packet. Media loop only.
 *
 * <p>Per packet ({@link #onLevel}, allocation-free, a table look-up and three additions) the level L (0..127,
 * negated dBov) becomes a linear amplitude {@code a = 10^(-L/20)} (0 dBov = 1.0, -20 dBov = 0.1, -40 dBov =
 * 0.01; 127 means silence per RFC 6464 §3 and maps to 0), added to the current window, and counted as voiced
 * when {@code L <= voicedMaxDbov}.
 *
 * <p>Per window ({@link #closeWindow}, called by the detector every tick): the window's mean amplitude
 * {@code m} (0 when no packet came, so muted or DTX tracks decay to silence) feeds an exponential moving
 * average with a time constant {@code tau}: {@code level += (1 - exp(-dt / tau)) * (m - level)}, where
 * {@code dt} is the window's real length, so the result does not depend on the tick jitter. The voiced share
 * of the window's packets is kept for the detector's enter rule. Amplitude is averaged (not dB) so that the
 * loud parts of speech dominate the quiet gaps between words, as a listener perceives them.
 */
public final class AudioLevelMeter {
    private static final double[] AMPLITUDE = new double[128];

    static {
        for (int i = 0; i < 127; i++) {
            AMPLITUDE[i] = Math.pow(10, -i / 20.0);
        }
        AMPLITUDE[127] = 0;
    }

    private final int voicedMaxDbov;
    private final long smoothingMillis;
    private int windowPackets;
    private int windowVoiced;
    private double windowSum;
    private double level;
    private double voicedFraction;
    private long levels;

    public AudioLevelMeter(SpeakerPolicy policy) {
        this.voicedMaxDbov = policy.voicedMaxDbov();
        this.smoothingMillis = policy.smoothingMillis();
    }

    /** The linear amplitude 0..1 of a level in negated dBov (127 = silence = 0). */
    public static double amplitude(int levelDbov) {
        return AMPLITUDE[levelDbov & 0x7F];
    }

    /** Records one packet's level, 0..127 negated dBov (the RFC 6464 field). */
    public void onLevel(int levelDbov) {
        int l = levelDbov & 0x7F;
        windowPackets++;
        windowSum += AMPLITUDE[l];
        if (l <= voicedMaxDbov) {
            windowVoiced++;
        }
        levels++;
    }

    /** Ends the current window of {@code elapsedMillis}: updates the smoothed level and the voiced share. */
    public void closeWindow(long elapsedMillis) {
        double mean = windowPackets == 0 ? 0 : windowSum / windowPackets;
        double alpha = 1 - Math.exp(-Math.max(0, elapsedMillis) / (double) smoothingMillis);
        level += alpha * (mean - level);
        voicedFraction = windowPackets == 0 ? 0 : windowVoiced / (double) windowPackets;
        windowPackets = 0;
        windowVoiced = 0;
        windowSum = 0;
    }

    /** The smoothed linear level 0..1 as of the last closed window. */
    public double level() {
        return level;
    }

    /** Share 0..1 of voiced packets in the last closed window (0 when it had none). */
    public double voicedFraction() {
        return voicedFraction;
    }

    /** Packets whose level was recorded, since the track started. */
    public long levels() {
        return levels;
    }
}
