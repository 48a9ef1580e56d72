package dev.onair.server.it;

import dev.onair.client.ReceivedStream;
import dev.onair.client.WebRtcPeer;
import dev.onair.server.testing.Poll;
import java.time.Duration;

/** Waiting for media in integration tests (polling with a deadline, never plain sleeps). */
final class Media {
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    static final Duration STEP = Duration.ofMillis(20);

    private Media() {
    }

    /** Waits until the subscriber has at least {@code packets} packets of the SSRC; returns the count seen. */
    static long awaitPackets(WebRtcPeer peer, long ssrc, long packets) {
        return Poll.until(TIMEOUT, STEP, () -> peer.received().packets(ssrc), n -> n >= packets);
    }

    /** Waits until the subscriber's audio and video both have at least {@code packets} packets. */
    static void awaitAudioVideo(WebRtcPeer subscriber, long packets) {
        awaitPackets(subscriber, subscriber.answer().audioSsrc(), packets);
        awaitPackets(subscriber, subscriber.answer().videoSsrc(), packets);
    }

    static ReceivedStream audio(WebRtcPeer subscriber) {
        return subscriber.received().stream(subscriber.answer().audioSsrc());
    }

    static ReceivedStream video(WebRtcPeer subscriber) {
        return subscriber.received().stream(subscriber.answer().videoSsrc());
    }

    /** Waits until {@code condition} holds; returns whether it did. */
    static boolean await(java.util.function.BooleanSupplier condition) {
        return Poll.until(TIMEOUT, STEP, condition::getAsBoolean, b -> b);
    }
}
