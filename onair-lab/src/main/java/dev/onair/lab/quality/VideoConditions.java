package dev.onair.lab.quality;

/**
 * One subscriber's video over one interval, against what the publisher sends.
 *
 * @param freezeRatio fraction of the interval the picture was frozen, 0..1 (browser {@code totalFreezesDuration}
 *     over the interval)
 * @param receivedFramesPerSecond decoded frame rate at the subscriber
 * @param publishedFramesPerSecond the publisher's frame rate (of its best layer); 0 when unknown
 * @param receivedPixels width × height decoded at the subscriber
 * @param publishedPixels width × height of the publisher's best layer; 0 when unknown
 * @param stallsPerMinute separate freeze/stall events per minute of the interval
 */
public record VideoConditions(double freezeRatio, double receivedFramesPerSecond,
                              double publishedFramesPerSecond, double receivedPixels, double publishedPixels,
                              double stallsPerMinute) {

    /** Perfect conditions at the given publisher frame rate and size. */
    public static VideoConditions perfect(double framesPerSecond, double pixels) {
        return new VideoConditions(0, framesPerSecond, framesPerSecond, pixels, pixels, 0);
    }
}
