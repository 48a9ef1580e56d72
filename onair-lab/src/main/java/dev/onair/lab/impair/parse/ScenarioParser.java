package dev.onair.lab.impair.parse;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.onair.lab.impair.ImpairmentProfile;
import dev.onair.lab.impair.JitterDistribution;
import dev.onair.lab.impair.LossSpec;
import dev.onair.lab.impair.MahimahiTrace;
import dev.onair.lab.impair.Presets;
import dev.onair.lab.impair.ProfileOverrides;
import dev.onair.lab.impair.QueueLimit;
import dev.onair.lab.impair.Scenario;
import dev.onair.lab.impair.ScenarioStep;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Parses a scenario file (YAML). Either a list of steps, or a mapping:
 * <pre>
 * name: commute            # optional, for reports
 * seed: 42                 # optional
 * base: lte-good           # optional: a preset name, or a mapping of parameters
 * loop: 60s                # optional: repeat every 60 s
 * steps:
 *   - at: 10s              # start (ms as an integer, or "250ms", "2s", "1.5s", "1m")
 *     for: 2s              # optional duration; without it the step lasts to the end
 *     set: { blackout: true }
 * </pre>
 * Parameters ({@code base} and {@code set}): {@code lossProbability}, {@code gilbertElliott: {p, r, k, h}},
 * {@code delayMillis}, {@code jitterMillis}, {@code jitterDistribution} (normal|uniform), {@code reorder},
 * {@code duplicateProbability}, {@code rateBps} or {@code rateKbps} (0 = unlimited), {@code trace} (a name the
 * {@link TraceResolver} resolves), {@code queueBytes} or {@code queueMillis}, {@code blackout}. Unknown keys are
 * errors, so a typo never passes silently. Every error is one line naming the field, e.g.
 * {@code scenario: steps[2].set.delayMillis: expected a number >= 0, got "abc"}.
 */
public final class ScenarioParser {
    /** The largest scenario text accepted, in characters. */
    public static final int MAX_CHARS = 1 << 20;
    /** The longest duration accepted ({@code at}, {@code for}, {@code loop}): 30 days. */
    public static final long MAX_DURATION_MILLIS = 30L * 24 * 3600 * 1000;
    /** The most steps accepted. */
    public static final int MAX_STEPS = 10_000;

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> TOP_KEYS = Set.of("name", "seed", "base", "loop", "steps");
    private static final Set<String> STEP_KEYS = Set.of("at", "for", "set");
    private static final Set<String> PARAMETER_KEYS = Set.of("lossProbability", "gilbertElliott", "delayMillis",
            "jitterMillis", "jitterDistribution", "reorder", "duplicateProbability", "rateBps", "rateKbps", "trace",
            "queueBytes", "queueMillis", "blackout");
    private static final Set<String> GE_KEYS = Set.of("p", "r", "k", "h");

    /** Resolves a {@code trace:} name to a parsed trace (for example a file next to the scenario). */
    @FunctionalInterface
    public interface TraceResolver {
        /** A resolver that knows no trace. */
        TraceResolver NONE = name -> ParseResult.error("no trace named '" + name + "' is available");

        ParseResult<MahimahiTrace> resolve(String name);
    }

    private ScenarioParser() {
    }

    /** Parses {@code yaml}; {@code trace:} parameters are refused. */
    public static ParseResult<Scenario> parse(String yaml) {
        return parse(yaml, TraceResolver.NONE);
    }

    /** Parses {@code yaml}, resolving {@code trace:} parameters with {@code traces}. Never throws. */
    public static ParseResult<Scenario> parse(String yaml, TraceResolver traces) {
        try {
            return ParseResult.ok(new ScenarioParser.Reader(traces).scenario(yaml));
        } catch (Invalid e) {
            return ParseResult.error("scenario: " + e.getMessage());
        } catch (RuntimeException e) {
            return ParseResult.error("scenario: invalid: " + e);
        }
    }

    /** A parse error; its message is the one-line explanation. */
    private static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;

        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    private static final class Reader {
        private final TraceResolver traces;

        Reader(TraceResolver traces) {
            this.traces = traces;
        }

        Scenario scenario(String yaml) throws Invalid {
            if (yaml == null || yaml.isBlank()) {
                throw new Invalid("empty file (expected a list of steps or a mapping with 'steps')");
            }
            if (yaml.length() > MAX_CHARS) {
                throw new Invalid("larger than " + MAX_CHARS + " characters");
            }
            JsonNode root;
            try {
                root = YAML.readTree(yaml);
            } catch (JsonProcessingException e) {
                JsonLocation at = e.getLocation();
                String line = at == null ? "" : " at line " + at.getLineNr() + " column " + at.getColumnNr();
                throw new Invalid("YAML syntax error" + line + ": " + firstLine(e.getOriginalMessage()));
            }
            if (root == null || root.isMissingNode() || root.isNull()) {
                throw new Invalid("empty file (expected a list of steps or a mapping with 'steps')");
            }
            if (root.isArray()) {
                return new Scenario("scenario", ImpairmentProfile.NONE, steps(root, "steps"), 0,
                        OptionalLong.empty());
            }
            if (!root.isObject()) {
                throw new Invalid("expected a list of steps or a mapping with 'steps', got " + describe(root));
            }
            checkKeys(root, TOP_KEYS, "");
            String name = root.has("name") ? text(root.get("name"), "name") : "scenario";
            OptionalLong seed = root.has("seed") ? OptionalLong.of(integer(root.get("seed"), "seed",
                    Long.MIN_VALUE)) : OptionalLong.empty();
            ImpairmentProfile base = root.has("base") ? base(root.get("base")) : ImpairmentProfile.NONE;
            long loopMillis = root.has("loop") ? duration(root.get("loop"), "loop") : 0;
            if (root.has("loop") && loopMillis == 0) {
                throw new Invalid("loop: must be > 0");
            }
            List<ScenarioStep> steps = root.has("steps") ? steps(root.get("steps"), "steps") : List.of();
            return new Scenario(name, base, steps, loopMillis, seed);
        }

        private ImpairmentProfile base(JsonNode node) throws Invalid {
            if (node.isTextual()) {
                return Presets.named(node.asText()).orElseThrow(() -> new Invalid("base: unknown preset '"
                        + node.asText() + "' (known: " + String.join(", ", Presets.names()) + ")")).base();
            }
            return apply(overrides(node, "base"), ImpairmentProfile.NONE, "base");
        }

        private List<ScenarioStep> steps(JsonNode node, String path) throws Invalid {
            if (!node.isArray()) {
                throw new Invalid(path + ": expected a list of steps, got " + describe(node));
            }
            if (node.size() > MAX_STEPS) {
                throw new Invalid(path + ": more than " + MAX_STEPS + " steps");
            }
            List<ScenarioStep> steps = new ArrayList<>(node.size());
            for (int i = 0; i < node.size(); i++) {
                steps.add(step(node.get(i), path + "[" + i + "]"));
            }
            return steps;
        }

        private ScenarioStep step(JsonNode node, String path) throws Invalid {
            if (!node.isObject()) {
                throw new Invalid(path + ": expected a mapping {at, for, set}, got " + describe(node));
            }
            checkKeys(node, STEP_KEYS, path + ".");
            if (!node.has("at")) {
                throw new Invalid(path + ": missing 'at'");
            }
            if (!node.has("set")) {
                throw new Invalid(path + ": missing 'set'");
            }
            long at = duration(node.get("at"), path + ".at");
            long forMillis = ScenarioStep.UNTIL_END;
            if (node.has("for")) {
                forMillis = duration(node.get("for"), path + ".for");
                if (forMillis == 0) {
                    throw new Invalid(path + ".for: must be > 0");
                }
            }
            ProfileOverrides set = overrides(node.get("set"), path + ".set");
            // check the values combine into a valid profile now, so the error names this step
            apply(set, ImpairmentProfile.NONE, path + ".set");
            return new ScenarioStep(at, forMillis, set);
        }

        private ProfileOverrides overrides(JsonNode node, String path) throws Invalid {
            if (!node.isObject()) {
                throw new Invalid(path + ": expected a mapping of parameters, got " + describe(node));
            }
            checkKeys(node, PARAMETER_KEYS, path + ".");
            ProfileOverrides.Builder b = ProfileOverrides.builder();
            String p = path + ".";
            if (node.has("lossProbability") && node.has("gilbertElliott")) {
                throw new Invalid(path + ": set either lossProbability or gilbertElliott, not both");
            }
            if (node.has("lossProbability")) {
                double loss = probability(node.get("lossProbability"), p + "lossProbability");
                b.loss(loss == 0 ? LossSpec.NONE : new LossSpec.Bernoulli(loss));
            }
            if (node.has("gilbertElliott")) {
                b.loss(gilbertElliott(node.get("gilbertElliott"), p + "gilbertElliott"));
            }
            if (node.has("delayMillis")) {
                b.delayMillis(nonNegative(node.get("delayMillis"), p + "delayMillis"));
            }
            if (node.has("jitterMillis")) {
                b.jitterMillis(nonNegative(node.get("jitterMillis"), p + "jitterMillis"));
            }
            if (node.has("jitterDistribution")) {
                b.jitterDistribution(distribution(node.get("jitterDistribution"), p + "jitterDistribution"));
            }
            if (node.has("reorder")) {
                b.reorderAllowed(bool(node.get("reorder"), p + "reorder"));
            }
            if (node.has("duplicateProbability")) {
                b.duplicateProbability(probability(node.get("duplicateProbability"), p + "duplicateProbability"));
            }
            int rates = (node.has("rateBps") ? 1 : 0) + (node.has("rateKbps") ? 1 : 0) + (node.has("trace") ? 1 : 0);
            if (rates > 1) {
                throw new Invalid(path + ": set only one of rateBps, rateKbps and trace");
            }
            if (node.has("rateBps")) {
                b.rateBps(integer(node.get("rateBps"), p + "rateBps", 0));
            }
            if (node.has("rateKbps")) {
                b.rateBps(Math.round(nonNegative(node.get("rateKbps"), p + "rateKbps") * 1000));
            }
            if (node.has("trace")) {
                String name = text(node.get("trace"), p + "trace");
                ParseResult<MahimahiTrace> trace = traces.resolve(name);
                if (!trace.isOk()) {
                    throw new Invalid(p + "trace: " + trace.error());
                }
                b.trace(trace.value());
            }
            if (node.has("queueBytes") && node.has("queueMillis")) {
                throw new Invalid(path + ": set either queueBytes or queueMillis, not both");
            }
            if (node.has("queueBytes")) {
                b.queueLimit(QueueLimit.bytes(positive(node.get("queueBytes"), p + "queueBytes")));
            }
            if (node.has("queueMillis")) {
                b.queueLimit(QueueLimit.millis(positive(node.get("queueMillis"), p + "queueMillis")));
            }
            if (node.has("blackout")) {
                b.blackout(bool(node.get("blackout"), p + "blackout"));
            }
            return b.overrides();
        }

        private LossSpec gilbertElliott(JsonNode node, String path) throws Invalid {
            if (!node.isObject()) {
                throw new Invalid(path + ": expected a mapping {p, r, k, h}, got " + describe(node));
            }
            checkKeys(node, GE_KEYS, path + ".");
            double[] v = new double[4];
            String[] keys = {"p", "r", "k", "h"};
            for (int i = 0; i < 4; i++) {
                if (!node.has(keys[i])) {
                    throw new Invalid(path + ": missing '" + keys[i] + "' (all of p, r, k, h are required)");
                }
                v[i] = probability(node.get(keys[i]), path + "." + keys[i]);
            }
            if (v[0] + v[1] == 0) {
                throw new Invalid(path + ": p and r cannot both be 0");
            }
            return new LossSpec.GilbertElliott(v[0], v[1], v[2], v[3]);
        }

        private static ImpairmentProfile apply(ProfileOverrides set, ImpairmentProfile to, String path)
                throws Invalid {
            try {
                return set.applyTo(to);
            } catch (IllegalArgumentException e) {
                throw new Invalid(path + ": " + e.getMessage());
            }
        }

        private static void checkKeys(JsonNode node, Set<String> known, String path) throws Invalid {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!known.contains(key)) {
                    throw new Invalid(path + abbreviate(key) + ": unknown key (known: "
                            + String.join(", ", known.stream().sorted().toList()) + ")");
                }
            }
        }

        private static double number(JsonNode node, String path) throws Invalid {
            if (!node.isNumber() || !Double.isFinite(node.asDouble())) {
                throw new Invalid(path + ": expected a number, got " + describe(node));
            }
            return node.asDouble();
        }

        private static double nonNegative(JsonNode node, String path) throws Invalid {
            double v = number(node, path);
            if (v < 0) {
                throw new Invalid(path + ": expected a number >= 0, got " + v);
            }
            return v;
        }

        private static double probability(JsonNode node, String path) throws Invalid {
            double v = number(node, path);
            if (v < 0 || v > 1) {
                throw new Invalid(path + ": expected a probability in [0, 1], got " + v);
            }
            return v;
        }

        private static long integer(JsonNode node, String path, long min) throws Invalid {
            if (!node.isIntegralNumber() || !node.canConvertToLong()) {
                throw new Invalid(path + ": expected an integer, got " + describe(node));
            }
            long v = node.asLong();
            if (v < min) {
                throw new Invalid(path + ": expected an integer >= " + min + ", got " + v);
            }
            return v;
        }

        private static long positive(JsonNode node, String path) throws Invalid {
            return integer(node, path, 1);
        }

        private static boolean bool(JsonNode node, String path) throws Invalid {
            if (!node.isBoolean()) {
                throw new Invalid(path + ": expected true or false, got " + describe(node));
            }
            return node.asBoolean();
        }

        private static String text(JsonNode node, String path) throws Invalid {
            if (!node.isTextual() || node.asText().isBlank()) {
                throw new Invalid(path + ": expected a non-empty string, got " + describe(node));
            }
            return node.asText();
        }

        private static JitterDistribution distribution(JsonNode node, String path) throws Invalid {
            String value = text(node, path);
            for (JitterDistribution d : JitterDistribution.values()) {
                if (d.name().equalsIgnoreCase(value)) {
                    return d;
                }
            }
            throw new Invalid(path + ": expected normal or uniform, got " + describe(node));
        }

        /** An integer number of ms, or a string: a number followed by ms, s or m. */
        private static long duration(JsonNode node, String path) throws Invalid {
            long millis = unboundedDuration(node, path);
            if (millis > MAX_DURATION_MILLIS) {
                throw new Invalid(path + ": longer than 30 days (" + MAX_DURATION_MILLIS + " ms)");
            }
            return millis;
        }

        private static long unboundedDuration(JsonNode node, String path) throws Invalid {
            if (node.isIntegralNumber()) {
                return integer(node, path, 0);
            }
            String bad = path + ": expected a duration (ms as an integer, or \"250ms\", \"2s\", \"1.5s\", \"1m\"), got "
                    + describe(node);
            if (!node.isTextual()) {
                throw new Invalid(bad);
            }
            String s = node.asText().strip().toLowerCase(Locale.ROOT);
            double unitMillis;
            String digits;
            if (s.endsWith("ms")) {
                unitMillis = 1;
                digits = s.substring(0, s.length() - 2);
            } else if (s.endsWith("s")) {
                unitMillis = 1_000;
                digits = s.substring(0, s.length() - 1);
            } else if (s.endsWith("m")) {
                unitMillis = 60_000;
                digits = s.substring(0, s.length() - 1);
            } else {
                throw new Invalid(bad);
            }
            digits = digits.strip();
            if (digits.isEmpty() || digits.length() > 12 || !digits.matches("[0-9]+(\\.[0-9]+)?")) {
                throw new Invalid(bad);
            }
            double millis = Double.parseDouble(digits) * unitMillis;
            if (millis != Math.rint(millis)) {
                throw new Invalid(path + ": durations are whole milliseconds, got " + describe(node));
            }
            return (long) millis;
        }

        private static String describe(JsonNode node) {
            if (node == null || node.isNull()) {
                return "nothing";
            }
            if (node.isObject()) {
                return "a mapping";
            }
            if (node.isArray()) {
                return "a list";
            }
            if (node.isTextual()) {
                return "\"" + abbreviate(node.asText()) + "\"";
            }
            return abbreviate(node.toString());
        }

        private static String abbreviate(String s) {
            String oneLine = s.replaceAll("[\\r\\n\\t]", " ");
            return oneLine.length() <= 40 ? oneLine : oneLine.substring(0, 40) + "…";
        }

        private static String firstLine(String s) {
            if (s == null) {
                return "unreadable";
            }
            int newline = s.indexOf('\n');
            return newline < 0 ? s : s.substring(0, newline);
        }
    }
}
