package dev.onair.sfu.speaker;

/**
 * The tunables of active-speaker detection. {@link #DEFAULT} and why each value:
 *
 * <ul>
 *   <li>{@code tickMillis} 200: the detector runs 5 times a second, fast enough for a video switch to follow
 *       a new speaker within half a second, cheap enough to ignore (a few doubles per published audio track).</li>
 *   <li>{@code smoothingMillis} 300: time constant of the exponential moving average of each window's mean
 *       linear level, about one and a half syllables, so word gaps do not make the level collapse.</li>
 *   <li>{@code voicedMaxDbov} 40: a packet at -40 dBov or louder counts as voiced. WebRTC senders report
 *       speech roughly between -15 and -45 dBov and noise-suppressed silence below -60 dBov (often 127).</li>
 *   <li>{@code minVoicedFraction} 0.5 and {@code enterWindows} 2: to enter, at least half of the packets of
 *       each of the last 2 windows must be voiced, so at least 200 ms of continuous sound; a cough or a click
 *       shorter than that never makes a speaker.</li>
 *   <li>{@code enterLevel} 0.01 (= -40 dBov linear amplitude, the same bar as a voiced packet) and
 *       {@code exitLevel} 0.005 (about 6 dB lower): the hysteresis band, so a speaker hovering at the bar does
 *       not flap.</li>
 *   <li>{@code holdMillis} 600: a speaker stays while its smoothed level has been below {@code exitLevel}
 *       for less than this, which bridges the pauses between phrases (the smoothing already adds ~0.3-0.9 s).</li>
 *   <li>{@code reorderRatio} 1.25 (about 2 dB): two speakers swap places only when the one behind is this much
 *       louder, so near-equal speakers do not produce an event per tick.</li>
 * </ul>
 *
 * @param tickMillis        how often the media loop evaluates each room
 * @param smoothingMillis   time constant of the level's exponential moving average
 * @param voicedMaxDbov     a packet whose level (negated dBov) is at most this counts as voiced
 * @param minVoicedFraction share of voiced packets a window needs to count towards entering
 * @param enterWindows      consecutive such windows needed to enter
 * @param enterLevel        smoothed linear level (0..1) needed to enter
 * @param exitLevel         smoothed linear level below which the hold time runs
 * @param holdMillis        time below {@code exitLevel} after which a speaker leaves
 * @param reorderRatio      level ratio by which a speaker must exceed the one ahead to pass it
 */
public record SpeakerPolicy(long tickMillis, long smoothingMillis, int voicedMaxDbov, double minVoicedFraction,
                            int enterWindows, double enterLevel, double exitLevel, long holdMillis,
                            double reorderRatio) {

    public static final SpeakerPolicy DEFAULT = new SpeakerPolicy(200, 300, 40, 0.5, 2, 0.01, 0.005, 600, 1.25);

    public SpeakerPolicy {
        if (tickMillis < 1 || smoothingMillis < 1 || holdMillis < 0 || enterWindows < 1) {
            throw new IllegalArgumentException("times and counts must be positive");
        }
        if (voicedMaxDbov < 0 || voicedMaxDbov > 127 || minVoicedFraction < 0 || minVoicedFraction > 1) {
            throw new IllegalArgumentException("voicedMaxDbov is 0..127, minVoicedFraction 0..1");
        }
        if (!(exitLevel >= 0 && exitLevel <= enterLevel && enterLevel <= 1) || reorderRatio < 1) {
            throw new IllegalArgumentException("need 0 <= exitLevel <= enterLevel <= 1 and reorderRatio >= 1");
        }
    }
}
