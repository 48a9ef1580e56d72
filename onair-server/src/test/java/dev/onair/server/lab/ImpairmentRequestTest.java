package dev.onair.server.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.transport.shape.ShapeDecision;
import dev.onair.transport.shape.DatagramShaper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ImpairmentRequestTest {
    private static ImpairmentRequest.Parsed parse(String json) {
        return ImpairmentRequest.parse(json.getBytes(StandardCharsets.UTF_8), () -> 777L);
    }

    @Test
    void presetWithDirectionAndSeed() {
        ImpairmentRequest r = parse("{\"direction\":\"both\",\"preset\":\"lte-congested\",\"seed\":42}").request();
        assertThat(r.direction()).isEqualTo(LinkDirection.BOTH);
        assertThat(r.label()).isEqualTo(new ImpairmentLabel("both", "lte-congested", null, 42));
        assertThat(r.setting().up()).isNotNull();
        assertThat(r.setting().down()).isNotNull();
    }

    @Test
    void directionDefaultsToDownAndTheSeedIsDrawnWhenMissing() {
        ImpairmentRequest r = parse("{\"preset\":\"3g\"}").request();
        assertThat(r.direction()).isEqualTo(LinkDirection.DOWN);
        assertThat(r.seed()).isEqualTo(777L);
        assertThat(r.setting().up()).isNull();
    }

    @Test
    void scenarioSeedIsUsedWhenTheBodyHasNone() {
        ImpairmentRequest r = parse("{\"direction\":\"up\",\"scenario\":\"name: s1\\nseed: 9\\nbase: {lossProbability: 0.1}\"}")
                .request();
        assertThat(r.label()).isEqualTo(new ImpairmentLabel("up", null, "s1", 9));
    }

    @Test
    void badInputGivesOneLineReasons() {
        assertThat(parse("nope").error()).startsWith("body must be");
        assertThat(parse("{\"preset\":\"moon\"}").error()).contains("unknown preset").contains("lte-good");
        assertThat(parse("{\"preset\":\"3g\",\"scenario\":\"x\"}").error()).contains("exactly one");
        assertThat(parse("{\"direction\":\"sideways\",\"preset\":\"3g\"}").error()).contains("direction");
        assertThat(parse("{\"preset\":\"3g\",\"seed\":\"x\"}").error()).contains("seed");
        assertThat(parse("{\"preset\":\"3g\",\"sede\":1}").error()).contains("unknown field 'sede'");
        assertThat(parse("{\"scenario\":\"base: {delayMillis: -3}\"}").error()).startsWith("scenario:")
                .doesNotContain("\n");
    }

    @Test
    void theSameSeedGivesTheSameDecisionsOnEveryFreshShaper() {
        ImpairmentRequest r = parse("{\"scenario\":\"base: {lossProbability: 0.3}\",\"seed\":5}").request();
        DatagramShaper a = r.shapers().create(0);
        DatagramShaper b = r.shapers().create(0);
        StringBuilder pa = new StringBuilder();
        StringBuilder pb = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            ShapeDecision da = a.decide(i * 1_000_000L, 1000);
            pa.append(da.dropped() ? 'x' : '.');
            ShapeDecision db = b.decide(i * 1_000_000L, 1000);
            pb.append(db.dropped() ? 'x' : '.');
        }
        assertThat(pa.toString()).isEqualTo(pb.toString()).contains("x").contains(".");
    }
}
