package dev.onair.sfu.speaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AudioLevelMeterTest {
    private final AudioLevelMeter meter = new AudioLevelMeter(SpeakerPolicy.DEFAULT);

    @Test
    void amplitudeIsTenToTheMinusLevelOverTwenty() {
        assertThat(AudioLevelMeter.amplitude(0)).isEqualTo(1.0);
        assertThat(AudioLevelMeter.amplitude(20)).isCloseTo(0.1, within(1e-12));
        assertThat(AudioLevelMeter.amplitude(40)).isCloseTo(0.01, within(1e-12));
        assertThat(AudioLevelMeter.amplitude(127)).isZero(); // RFC 6464: 127 is silence
    }

    @Test
    void aWindowsMeanFeedsTheMovingAverage() {
        meter.onLevel(20); // 0.1
        meter.onLevel(127); // 0
        meter.onLevel(60); // 0.001, not voiced
        meter.onLevel(40); // 0.01, voiced (the bar is inclusive)
        meter.closeWindow(300);
        double mean = (0.1 + 0 + 0.001 + 0.01) / 4;
        double alpha = 1 - Math.exp(-1); // one time constant
        assertThat(meter.level()).isCloseTo(alpha * mean, within(1e-12));
        assertThat(meter.voicedFraction()).isEqualTo(0.5);
        assertThat(meter.levels()).isEqualTo(4);
    }

    @Test
    void noPacketsDecayTowardsSilence() {
        meter.onLevel(0);
        meter.closeWindow(300);
        double first = meter.level();
        meter.closeWindow(300); // muted or DTX: nothing arrived
        assertThat(meter.level()).isCloseTo(first * Math.exp(-1), within(1e-12));
        assertThat(meter.voicedFraction()).isZero();
    }

    @Test
    void aZeroLengthWindowChangesNothing() {
        meter.onLevel(0);
        meter.closeWindow(0);
        assertThat(meter.level()).isZero();
    }
}
