package dev.onair.sfu.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.onair.sfu.api.ClientSample;
import dev.onair.sfu.api.ClientStats;
import org.junit.jupiter.api.Test;

class ClientSamplerTest {
    private static final long SECOND = 1_000_000_000L;

    private static ClientStats.Inbound video(long ssrc, long received, long lost, long decoded, long freezes,
                                             double freezeSeconds) {
        return new ClientStats.Inbound(ssrc, "video", "1", received, lost, 0.004, decoded, 24.0, 640L, 480L,
                freezes, freezeSeconds, null, null, 0.5, 100L, 3L);
    }

    private static ClientStats.Inbound audio(long received, long lost, long concealed, long samples,
                                             double jbDelaySeconds, long emitted) {
        return new ClientStats.Inbound(7, "audio", "0", received, lost, 0.002, null, null, null, null, null, null,
                concealed, samples, jbDelaySeconds, emitted, null);
    }

    @Test
    void firstUploadIsABaselineWithGaugesOnly() {
        ClientSampler s = new ClientSampler(10);
        ClientSample first = s.addInbound(video(5, 100, 0, 50, 0, 0), SECOND, 1000, 12.0);
        assertThat(first.intervalMillis()).isZero();
        assertThat(first.lossPercent()).isNull();
        assertThat(first.freezeCount()).isNull();
        assertThat(first.framesPerSecond()).isEqualTo(24.0); // the browser's own gauge
        assertThat(first.frameWidth()).isEqualTo(640L);
        assertThat(first.jitterMillis()).isCloseTo(4.0, within(1e-9));
        assertThat(first.rttMillis()).isEqualTo(12.0);
    }

    @Test
    void differencesVideoCountersOverTheServersInterval() {
        ClientSampler s = new ClientSampler(10);
        s.addInbound(video(5, 100, 0, 50, 0, 0), SECOND, 1000, null);
        ClientSample next = s.addInbound(video(5, 190, 10, 110, 2, 0.5), 3 * SECOND, 3000, null);
        assertThat(next.intervalMillis()).isEqualTo(2000);
        assertThat(next.lossPercent()).isCloseTo(10.0, within(1e-9)); // 10 lost of 100 expected
        assertThat(next.framesPerSecond()).isCloseTo(30.0, within(1e-9)); // 60 frames in 2 s
        assertThat(next.freezeCount()).isEqualTo(2);
        assertThat(next.freezeDurationMillis()).isCloseTo(500.0, within(1e-9));
        assertThat(s.samples().size()).isEqualTo(2);
    }

    @Test
    void audioConcealmentAndJitterBufferDelayAreIntervalRatios() {
        ClientSampler s = new ClientSampler(10);
        s.addInbound(audio(100, 0, 0, 96_000, 5_760.0, 96_000), SECOND, 1000, null);
        ClientSample next = s.addInbound(audio(200, 2, 4_800, 192_000, 11_520.0, 192_000), 3 * SECOND, 3000, null);
        assertThat(next.concealedPercent()).isCloseTo(5.0, within(1e-9));
        assertThat(next.jitterBufferDelayMillis()).isCloseTo(60.0, within(1e-6)); // 5,760 s summed over 96,000 samples
        assertThat(next.framesPerSecond()).isNull();
    }

    @Test
    void aNewSsrcOrACounterGoingBackRestartsTheBaseline() {
        ClientSampler s = new ClientSampler(10);
        s.addInbound(video(5, 100, 0, 50, 0, 0), SECOND, 1000, null);
        ClientSample otherSsrc = s.addInbound(video(6, 10, 0, 5, 0, 0), 2 * SECOND, 2000, null);
        assertThat(otherSsrc.lossPercent()).isNull();
        assertThat(otherSsrc.intervalMillis()).isZero();
        ClientSample back = s.addInbound(video(6, 5, 0, 2, 0, 0), 3 * SECOND, 3000, null);
        assertThat(back.lossPercent()).isNull();
        assertThat(back.framesPerSecond()).isEqualTo(24.0); // counters went back: the browser's gauge
    }

    @Test
    void outboundCountsEncodedFramesAndKeepsTheLimitationReason() {
        ClientSampler s = new ClientSampler(10);
        s.addOutbound(new ClientStats.Outbound(9, "video", 10L, 0L, null, 320L, 240L, "none"), SECOND, 1000, 5.0);
        ClientSample next = s.addOutbound(new ClientStats.Outbound(9, "video", 400L, 30L, 15.0, 320L, 240L,
                "bandwidth"), 2 * SECOND, 2000, 5.0);
        assertThat(next.framesPerSecond()).isCloseTo(30.0, within(1e-9));
        assertThat(next.qualityLimitationReason()).isEqualTo("bandwidth");
        assertThat(next.lossPercent()).isNull();
    }

    @Test
    void memoryIsBoundedByTheRing() {
        ClientSampler s = new ClientSampler(3);
        for (int i = 0; i < 10; i++) {
            s.addInbound(video(5, 100L * i, 0, 10L * i, 0, 0), (i + 1) * SECOND, 1000L * i, null);
        }
        assertThat(s.samples().size()).isEqualTo(3);
        assertThat(s.samples().last().atMillis()).isEqualTo(9000);
    }
}
