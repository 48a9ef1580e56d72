package dev.onair.lab.impair;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Named network presets for one direction of traffic (apply the same preset to both directions for a symmetric
 * link). Values and sources, also in {@code docs/network-lab.md}:
 * <ul>
 *   <li>{@code lte-good}: 12 Mbit/s, 30 ms ± 5 ms (normal), 0.2 % Bernoulli loss, 150 ms queue, in order.
 *       Rate and latency in the range measured by J. Huang et al., "An In-depth Study of LTE: Effect of Network
 *       Protocol and Application Behavior on Performance", SIGCOMM 2013 (median RTT ≈ 70 ms); residual loss far
 *       below the 10<sup>-2</sup> packet error loss rate 3GPP TS 23.203 Table 6.1.7 allows conversational voice
 *       (QCI 1); LTE's RLC delivers in sequence, hence no reordering.</li>
 *   <li>{@code lte-congested}: 1.5 Mbit/s, 60 ms ± 25 ms, Gilbert loss 3 % in bursts of 3, 400 ms queue, in
 *       order. A loaded cell with the deep buffers ("bufferbloat") reported by H. Jiang et al., "Tackling
 *       Bufferbloat in 3G/4G Networks", IMC 2012, where RTTs grow to seconds under load.</li>
 *   <li>{@code 3g}: 750 kbit/s, 100 ms ± 20 ms, 1 % Bernoulli loss, 500 ms queue, in order. Rate and latency of
 *       Chrome DevTools' "Regular 3G" throttling profile (750 kbit/s down, 100 ms); jitter and loss are our
 *       choice for a UMTS link (the 3GPP TS 23.203 QCI 1 bound of 10<sup>-2</sup>).</li>
 *   <li>{@code wifi-crowded}: 4 Mbit/s, 5 ms ± 15 ms, Gilbert–Elliott loss (p 0.01, r 0.3, k 0.995, h 0.5: about
 *       2 % in short bursts), 0.5 % duplicates, 100 ms queue, in order. Contention and retransmissions in a busy
 *       802.11 cell as measured by A. Jardosh et al., "Understanding Congestion in IEEE 802.11b Wireless
 *       Networks", IMC 2005, and M. Rodrig et al., "Measurement-based Characterization of 802.11 in a Hotspot
 *       Setting", E-WIND 2005 (MAC retransmissions turn into delay spikes, lost link-layer ACKs into
 *       duplicates).</li>
 *   <li>{@code subway-handover}: {@code lte-good} at 5 Mbit/s with, every 30 s, a 50 ms handover interruption at
 *       10 s and a 2 s tunnel blackout at 25 s. 3GPP TR 36.881 §5 estimates LTE's handover user-plane
 *       interruption at about 50 ms; the tunnel outage is our choice.</li>
 * </ul>
 */
public final class Presets {
    public static final String LTE_GOOD = "lte-good";
    public static final String LTE_CONGESTED = "lte-congested";
    public static final String THREE_G = "3g";
    public static final String WIFI_CROWDED = "wifi-crowded";
    public static final String SUBWAY_HANDOVER = "subway-handover";

    private static final Map<String, Scenario> PRESETS = build();

    private Presets() {
    }

    /** The preset names, in a stable order. */
    public static List<String> names() {
        return List.copyOf(PRESETS.keySet());
    }

    /** The preset called {@code name}, if any. */
    public static Optional<Scenario> named(String name) {
        return Optional.ofNullable(name == null ? null : PRESETS.get(name));
    }

    private static Map<String, Scenario> build() {
        Map<String, Scenario> presets = new LinkedHashMap<>();
        ImpairmentProfile lteGood = ImpairmentProfile.builder()
                .rateBps(12_000_000).delayMillis(30).jitterMillis(5)
                .loss(new LossSpec.Bernoulli(0.002)).queueLimit(QueueLimit.millis(150)).build();
        presets.put(LTE_GOOD, Scenario.constant(LTE_GOOD, lteGood));
        presets.put(LTE_CONGESTED, Scenario.constant(LTE_CONGESTED, ImpairmentProfile.builder()
                .rateBps(1_500_000).delayMillis(60).jitterMillis(25)
                .loss(LossSpec.GilbertElliott.simpleGilbert(0.03, 3)).queueLimit(QueueLimit.millis(400)).build()));
        presets.put(THREE_G, Scenario.constant(THREE_G, ImpairmentProfile.builder()
                .rateBps(750_000).delayMillis(100).jitterMillis(20)
                .loss(new LossSpec.Bernoulli(0.01)).queueLimit(QueueLimit.millis(500)).build()));
        presets.put(WIFI_CROWDED, Scenario.constant(WIFI_CROWDED, ImpairmentProfile.builder()
                .rateBps(4_000_000).delayMillis(5).jitterMillis(15)
                .loss(new LossSpec.GilbertElliott(0.01, 0.3, 0.995, 0.5)).duplicateProbability(0.005)
                .queueLimit(QueueLimit.millis(100)).build()));
        ImpairmentProfile subway = ProfileOverrides.builder().rateBps(5_000_000).overrides().applyTo(lteGood);
        presets.put(SUBWAY_HANDOVER, new Scenario(SUBWAY_HANDOVER, subway,
                List.of(ScenarioStep.blackout(10_000, 50), ScenarioStep.blackout(25_000, 2_000)),
                30_000, OptionalLong.empty()));
        return Collections.unmodifiableMap(presets);
    }
}
