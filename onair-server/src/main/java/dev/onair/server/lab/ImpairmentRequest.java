package dev.onair.server.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onair.lab.impair.Impairment;
import dev.onair.lab.impair.Presets;
import dev.onair.lab.impair.Scenario;
import dev.onair.lab.impair.parse.ParseResult;
import dev.onair.lab.impair.parse.ScenarioParser;
import dev.onair.sfu.api.ImpairmentSetting;
import dev.onair.sfu.api.ShaperFactory;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * The body of {@code PUT .../participants/{identity}/impairment}:
 * {@code {"direction": "up"|"down"|"both", "preset": name}} or {@code {"scenario": yaml}}, optional {@code "seed"}
 * (an integer). Direction defaults to "down". Without a seed the scenario's own seed is used, else a fresh random
 * one (reported back). {@link #parse} never throws: it gives a request or a one-line error.
 */
public record ImpairmentRequest(LinkDirection direction, String preset, Scenario scenario, long seed) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> KEYS = Set.of("direction", "preset", "scenario", "seed");
    static final String BAD_BODY = "body must be a JSON object: {\"direction\": \"up\"|\"down\"|\"both\", "
            + "\"preset\": name} or {\"scenario\": yaml}, optional \"seed\": integer";

    /** A parsed body, or why it is not one (exactly one of the two is non-null). */
    public record Parsed(ImpairmentRequest request, String error) {
    }

    /** @param seeds draws the seed when neither the body nor the scenario names one */
    public static Parsed parse(byte[] body, LongSupplier seeds) {
        JsonNode root = read(body);
        if (root == null) {
            return fail(BAD_BODY);
        }
        return parse(root, seeds);
    }

    /** The same from a JSON object already read (the {@code /rtc} lab messages build one). */
    public static Parsed parse(JsonNode root, LongSupplier seeds) {
        if (root == null || !root.isObject()) {
            return fail(BAD_BODY);
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!KEYS.contains(key)) {
                return fail("unknown field '" + key + "'; " + BAD_BODY);
            }
        }
        JsonNode dir = root.get("direction");
        LinkDirection direction = dir == null ? LinkDirection.DOWN : dir.isTextual() ? LinkDirection.of(dir.asText())
                : null;
        if (direction == null) {
            return fail("direction must be \"up\", \"down\" or \"both\"");
        }
        JsonNode seedNode = root.get("seed");
        if (seedNode != null && !(seedNode.isIntegralNumber() && seedNode.canConvertToLong())) {
            return fail("seed must be an integer (64-bit)");
        }
        JsonNode preset = root.get("preset");
        JsonNode yaml = root.get("scenario");
        if ((preset == null) == (yaml == null)) {
            return fail("give exactly one of \"preset\" and \"scenario\"");
        }
        String presetName = null;
        Scenario scenario;
        if (preset != null) {
            Optional<Scenario> named = preset.isTextual() ? Presets.named(preset.asText()) : Optional.empty();
            if (named.isEmpty()) {
                return fail("unknown preset " + preset + "; known: " + String.join(", ", Presets.names()));
            }
            presetName = preset.asText();
            scenario = named.get();
        } else {
            if (!yaml.isTextual()) {
                return fail("scenario must be a string of YAML");
            }
            ParseResult<Scenario> parsed = ScenarioParser.parse(yaml.asText());
            if (!parsed.isOk()) {
                return fail(parsed.error());
            }
            scenario = parsed.value();
        }
        long seed = seedNode != null ? seedNode.longValue()
                : scenario.seed().isPresent() ? scenario.seed().getAsLong() : seeds.getAsLong();
        return new Parsed(new ImpairmentRequest(direction, presetName, scenario, seed), null);
    }

    private static Parsed fail(String reason) {
        return new Parsed(null, reason);
    }

    private static JsonNode read(byte[] body) {
        try {
            JsonNode root = JSON.readTree(body);
            return root != null && root.isObject() ? root : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    public ImpairmentLabel label() {
        return new ImpairmentLabel(direction.wireName(), preset, preset == null ? scenario.name() : null, seed);
    }

    /** Fresh impairments (same scenario and seed) for each transport, as the SFU asks. */
    public ShaperFactory shapers() {
        Scenario s = scenario;
        long sd = seed;
        return originNanos -> new ImpairmentShaper(Impairment.create(s, sd, originNanos));
    }

    public ImpairmentSetting setting() {
        ShaperFactory f = shapers();
        return new ImpairmentSetting(direction.up() ? f : null, direction.down() ? f : null, label());
    }
}
