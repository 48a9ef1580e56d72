package dev.onair.bench.quality;

import java.util.List;
import java.util.Optional;

/**
 * One named scenario of the quality benchmark: what the publisher sends and what the network lab does to the
 * player's downlink (a scenario file, or none).
 *
 * @param name         the name on the command line and in the table
 * @param description  one line for the table's legend
 * @param simulcast    the publisher sends three layers (rids q/h/f scaled 4/2/1 from 1280x720), else one 1280x720
 * @param y4mCamera    the publisher's camera is the high-entropy {@link Y4mCamera} file (top layer ~2 Mbit/s and more)
 *                     instead of Chromium's built-in test pattern (~0.7 Mbit/s at 720p)
 * @param scenarioYaml the network-lab scenario for the player's downlink (docs/network-lab.md); null = no impairment
 * @param capSeconds   when the scenario lifts its bandwidth cap, in seconds from the start of the run; 0 = no cap
 * @param fromJoin     the impairment is set as soon as the player's session exists, so the warm-up and the run both
 *                     happen on the impaired link (a steady condition); otherwise it starts with the run (a change)
 */
public record QualityScenario(String name, String description, boolean simulcast, boolean y4mCamera,
                              String scenarioYaml, int capSeconds, boolean fromJoin) {
    /** A scenario whose impairment starts with the run. */
    public QualityScenario(String name, String description, boolean simulcast, boolean y4mCamera, String scenarioYaml,
                           int capSeconds) {
        this(name, description, simulcast, y4mCamera, scenarioYaml, capSeconds, false);
    }

    /** The scenarios of issue 5, in the order the benchmark runs them by default. */
    public static final List<String> NAMES = List.of("baseline", "loss5-rtt80", "cap1m-simulcast", "cap250k-audio");
    /** Scenarios run only when named: the cap1m-simulcast publisher without a cap (what its layers send). */
    public static final List<String> EXTRA_NAMES = List.of("uncapped-simulcast");

    /** Whether the scenario caps the bandwidth for its first {@link #capSeconds()}. */
    public boolean capped() {
        return capSeconds > 0;
    }

    /**
     * The scenario called {@code name} for a run of {@code runSeconds}; a capped scenario caps the first half of the
     * run (30 s of a 60 s run). Empty for an unknown name.
     */
    public static Optional<QualityScenario> named(String name, int runSeconds) {
        int capSeconds = Math.max(1, runSeconds / 2);
        return Optional.ofNullable(switch (name) {
            case "baseline" -> new QualityScenario(name, "no impairment", false, false, null, 0);
            // The lab shapes the player's downlink only: 80 ms there is the whole extra round trip of a NACK (the
            // player's RTCP back to the server is not delayed), so the server-player RTT is about 80 ms. A lossy 80 ms
            // link is a steady condition: it is set when the player joins. Switched on mid-call, 80 ms of delay
            // arriving at once reads as a queue building up, and the estimator rightly backs off (a transient the
            // cap scenarios measure); the target is about playing on such a link.
            case "loss5-rtt80" -> new QualityScenario(name, "5 % random loss and 80 ms delay on the player's downlink"
                    + " (RTT ~80 ms) from the player's join", false, false,
                    "name: loss5-rtt80\nbase: {lossProbability: 0.05, delayMillis: 80}", 0, true);
            case "cap1m-simulcast" -> new QualityScenario(name, "1 Mbit/s bottleneck (100 ms drop-tail queue) for the"
                    + " first " + capSeconds + " s, 3-layer simulcast publisher of the Y4M camera", true, true,
                    capYaml(name, 1000, capSeconds), capSeconds);
            case "uncapped-simulcast" -> new QualityScenario(name, "no impairment, 3-layer simulcast publisher of the"
                    + " Y4M camera", true, true, null, 0);
            case "cap250k-audio" -> new QualityScenario(name, "250 kbit/s bottleneck (100 ms drop-tail queue) for the"
                    + " first " + capSeconds + " s", false, false, capYaml(name, 250, capSeconds), capSeconds);
            default -> null;
        });
    }

    private static String capYaml(String name, int rateKbps, int capSeconds) {
        return "name: " + name + "\nsteps:\n  - at: 0\n    for: " + capSeconds * 1000 + "\n    set: {rateKbps: "
                + rateKbps + "}";
    }
}
