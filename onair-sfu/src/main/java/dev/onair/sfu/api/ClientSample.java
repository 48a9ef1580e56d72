package dev.onair.sfu.api;

/**
 * A browser's view of one track over the interval between two of its uploads, stored at the server time the
 * upload arrived. Interval values (loss, frame rate from counters, freezes, concealment, jitter-buffer delay,
 * NACKs) are null on the first upload for a stream and whenever a counter went back; gauges (frame rate reported
 * by the browser, resolution, jitter, RTT) are taken as they are.
 *
 * @param atMillis                wall-clock time the upload arrived at the server (ms since the epoch)
 * @param intervalMillis          server time since the previous upload for this track; 0 for the first
 * @param lossPercent             inbound: packets lost / (received + lost) in the interval, in percent
 * @param jitterMillis            inbound: the browser's interarrival jitter
 * @param framesPerSecond         video: frames decoded (inbound) or encoded (outbound) per second over the
 *                                interval; on the first upload the browser's own {@code framesPerSecond}
 * @param frameWidth              video: the last decoded (inbound) or encoded (outbound) width
 * @param frameHeight             video: likewise the height
 * @param freezeCount             inbound video: freezes that started in the interval
 * @param freezeDurationMillis    inbound video: time frozen in the interval (from {@code totalFreezesDuration})
 * @param concealedPercent        inbound audio: concealed samples / samples received in the interval, in percent
 * @param jitterBufferDelayMillis inbound: mean time a sample/frame spent in the jitter buffer in the interval
 * @param nackCount               inbound: NACKs the browser sent in the interval
 * @param rttMillis               the browser's candidate-pair RTT at upload time
 * @param qualityLimitationReason outbound video: why the encoder holds back ("none", "bandwidth", "cpu", ...)
 */
public record ClientSample(long atMillis, long intervalMillis, Double lossPercent, Double jitterMillis,
                           Double framesPerSecond, Long frameWidth, Long frameHeight, Long freezeCount,
                           Double freezeDurationMillis, Double concealedPercent, Double jitterBufferDelayMillis,
                           Long nackCount, Double rttMillis, String qualityLimitationReason) {
}
