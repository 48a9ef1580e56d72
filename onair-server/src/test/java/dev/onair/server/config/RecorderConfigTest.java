package dev.onair.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onair.lab.quality.ConnectionTier;
import dev.onair.sfu.recorder.RecorderPolicy;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code recorder:} and {@code quality:} sections of the config file. */
class RecorderConfigTest {

    private static ServerConfig resolve(String yaml) {
        return ConfigResolver.resolve(ConfigFile.parse(yaml, "t.yaml"), null, null, List.of(), null, List::of);
    }

    @Test
    void everyKeyReachesTheConfig() {
        ServerConfig cfg = resolve("""
                recorder:
                  enabled: true
                  windowSeconds: 30
                  packetCapacity: 1000
                  controlCapacity: 200
                  dumpDirectory: /var/tmp/dumps
                  autoDump: true
                  autoDumpMinIntervalSeconds: 120
                  autoDumpTier: lost
                  autoDumpMosBelow: 3.0
                  autoDumpKeep: 7
                quality:
                  intervalSeconds: 5
                """);
        assertThat(cfg.recorder()).isEqualTo(new RecorderConfig(new RecorderPolicy(true, 30, 1000, 200),
                Path.of("/var/tmp/dumps"), true, 120_000, ConnectionTier.LOST, 3.0, 7));
        assertThat(cfg.qualityIntervalMillis()).isEqualTo(5_000);
        assertThat(cfg.toString()).contains("qualityIntervalMillis=5000").contains("/var/tmp/dumps");
    }

    @Test
    void missingSectionsGiveTheDefaults() {
        ServerConfig cfg = resolve("httpPort: 1\n");
        assertThat(cfg.recorder()).isEqualTo(RecorderConfig.defaults());
        assertThat(cfg.recorder().policy()).isEqualTo(RecorderPolicy.DEFAULT);
        assertThat(cfg.recorder().autoDump()).as("on by default, at tier poor").isTrue();
        assertThat(cfg.recorder().autoDumpTier()).isEqualTo(ConnectionTier.POOR);
        assertThat(cfg.recorder().autoDumpKeep()).isEqualTo(RecorderConfig.DEFAULT_KEEP);
        assertThat(cfg.recorder().dumpDirectory())
                .isEqualTo(Path.of(System.getProperty("java.io.tmpdir"), "onair-dumps"));
        assertThat(cfg.recorder().autoDumpMinIntervalMillis()).isEqualTo(60_000);
        assertThat(cfg.qualityIntervalMillis()).isEqualTo(3_000);
        assertThat(resolve("recorder: {autoDump: true}\nquality: {}\n").recorder())
                .isEqualTo(RecorderConfig.defaults().withAutoDump(RecorderConfig.defaultDumpDirectory(), 60_000));
        assertThat(resolve("recorder: {autoDump: false}\n").recorder().autoDump()).isFalse();
        assertThat(resolve("recorder: {autoDumpTier: none}\n").recorder().autoDump())
                .as("no threshold left: no automatic dumps").isFalse();
    }

    @Test
    void kebabSpellingsAndADisabledRecorder() {
        RecorderConfig r = resolve("""
                recorder:
                  enabled: false
                  window-seconds: 10
                  dump-directory: dumps
                  auto-dump-min-interval-seconds: 5
                  auto-dump-tier: none
                  auto-dump-mos-below: 2.5
                quality: {interval-seconds: 1}
                """).recorder();
        assertThat(r.policy().enabled()).isFalse();
        assertThat(r.autoDump()).as("no recorder, no automatic dumps").isFalse();
        assertThat(r.policy().windowSeconds()).isEqualTo(10);
        assertThat(r.dumpDirectory()).isEqualTo(Path.of("dumps"));
        assertThat(r.autoDumpTier()).isNull();
        assertThat(r.autoDumpMosBelowMos()).isEqualTo(2.5);
    }

    @Test
    void theThresholdIsTheTierOrWorseOrAMosBelow() {
        RecorderConfig poor = resolve("recorder: {autoDump: true, autoDumpTier: poor}\n").recorder();
        assertThat(poor.belowThreshold("good", 2.0)).as("no MOS threshold").isFalse();
        assertThat(poor.belowThreshold("poor", null)).isTrue();
        assertThat(poor.belowThreshold("lost", null)).isTrue();
        RecorderConfig lost = resolve("recorder: {autoDump: true, autoDumpTier: lost}\n").recorder();
        assertThat(lost.belowThreshold("poor", null)).isFalse();
        assertThat(lost.belowThreshold("lost", null)).isTrue();
        RecorderConfig mos = resolve("recorder: {autoDump: true, autoDumpTier: none, autoDumpMosBelow: 3.0}\n")
                .recorder();
        assertThat(mos.belowThreshold("lost", null)).isFalse();
        assertThat(mos.belowThreshold("excellent", 2.9)).isTrue();
        assertThat(mos.belowThreshold("excellent", 3.0)).isFalse();
        assertThat(mos.belowThreshold("excellent", null)).isFalse();
    }

    @Test
    void badValuesAreRefusedWithOneLineNamingTheKey() {
        assertThatThrownBy(() -> resolve("recorder: {windowSeconds: 0}\n")).isInstanceOf(ConfigException.class)
                .hasMessage("recorder.windowSeconds must be at least 1, got 0");
        assertThatThrownBy(() -> resolve("recorder: {packetCapacity: 2000000}\n")).isInstanceOf(ConfigException.class)
                .hasMessage("recorder.packetCapacity must be at most 1000000, got 2000000");
        assertThatThrownBy(() -> resolve("recorder: {controlCapacity: -1}\n")).isInstanceOf(ConfigException.class)
                .hasMessage("recorder.controlCapacity must be at least 1, got -1");
        assertThatThrownBy(() -> resolve("recorder: {autoDumpMinIntervalSeconds: 0}\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("recorder.autoDumpMinIntervalSeconds must be at least 1, got 0");
        assertThatThrownBy(() -> resolve("recorder: {autoDumpTier: good}\n")).isInstanceOf(ConfigException.class)
                .hasMessage("recorder.autoDumpTier must be poor, lost or none, got good");
        assertThatThrownBy(() -> resolve("recorder: {autoDumpMosBelow: 5}\n")).isInstanceOf(ConfigException.class)
                .hasMessage("recorder.autoDumpMosBelow must be above 1.0 and at most 4.5, got 5.0");
        assertThatThrownBy(() -> resolve("recorder: {autoDumpKeep: 0}\n")).isInstanceOf(ConfigException.class)
                .hasMessage("recorder.autoDumpKeep must be at least 1, got 0");
        assertThatThrownBy(() -> resolve("recorder: {dumpDirectory: ' '}\n")).isInstanceOf(ConfigException.class)
                .hasMessage("recorder.dumpDirectory must not be empty");
        assertThatThrownBy(() -> resolve("recorder: {enabled: false, autoDump: true}\n"))
                .isInstanceOf(ConfigException.class).hasMessage("recorder.autoDump needs recorder.enabled: true");
        assertThatThrownBy(() -> resolve("recorder: {autoDump: true, autoDumpTier: none}\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("needs a threshold");
        assertThatThrownBy(() -> resolve("quality: {intervalSeconds: 0}\n")).isInstanceOf(ConfigException.class)
                .hasMessage("quality.intervalSeconds must be between 1 and 3600, got 0");
        assertThatThrownBy(() -> ConfigFile.parse("recorder: {windowSecs: 5}\n", "my.yaml"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("my.yaml").hasMessageContaining("windowSecs");
        assertThatThrownBy(() -> ConfigFile.parse("quality: {intervalSeconds: often}\n", "my.yaml"))
                .isInstanceOf(ConfigException.class);
    }
}
