package dev.onair.bench.quality;

import java.util.Map;

/**
 * The player's cumulative inbound-rtp counters at one moment, as its page read them from {@code getStats()} (video
 * and audio m-lines; Chromium's names, units in ours).
 *
 * @param atMillis                     time since the run started (the page's clock)
 * @param videoPacketsReceived         video {@code packetsReceived} (Chromium counts a packet repaired by RTX on the
 *                                     RTX stream, not here)
 * @param videoPacketsLost             video {@code packetsLost} (repairs are not subtracted)
 * @param retransmittedPacketsReceived video {@code retransmittedPacketsReceived}
 * @param nackCount                    video NACKs the player sent
 * @param framesDecoded                video frames decoded
 * @param freezeCount                  video freezes (Chromium's definition)
 * @param totalFreezesDurationSeconds  their total duration
 * @param frameWidth                   the width of the last decoded frame; 0 before the first
 * @param videoBytesReceived           video payload bytes received
 * @param audioPacketsReceived         audio {@code packetsReceived}
 * @param audioPacketsLost             audio {@code packetsLost} (audio is not retransmitted; FEC/RED repairs are not
 *                                     subtracted)
 * @param concealedSamples             audio samples concealed
 * @param totalSamplesReceived         audio samples received
 */
public record PlayerSample(double atMillis, long videoPacketsReceived, long videoPacketsLost,
                           long retransmittedPacketsReceived, long nackCount, long framesDecoded, long freezeCount,
                           double totalFreezesDurationSeconds, int frameWidth, long videoBytesReceived,
                           long audioPacketsReceived, long audioPacketsLost, long concealedSamples,
                           long totalSamplesReceived) {

    /** From the page's map; a missing or non-numeric field reads as 0. */
    public static PlayerSample fromMap(Map<?, ?> m) {
        return new PlayerSample(dbl(m, "atMillis"), lng(m, "videoPacketsReceived"), lng(m, "videoPacketsLost"),
                lng(m, "retransmittedPacketsReceived"), lng(m, "nackCount"), lng(m, "framesDecoded"),
                lng(m, "freezeCount"), dbl(m, "totalFreezesDurationSeconds"), (int) lng(m, "frameWidth"),
                lng(m, "videoBytesReceived"), lng(m, "audioPacketsReceived"), lng(m, "audioPacketsLost"),
                lng(m, "concealedSamples"),
                lng(m, "totalSamplesReceived"));
    }

    static long lng(Map<?, ?> m, String key) {
        return m.get(key) instanceof Number n ? n.longValue() : 0;
    }

    static double dbl(Map<?, ?> m, String key) {
        return m.get(key) instanceof Number n ? n.doubleValue() : 0;
    }
}
