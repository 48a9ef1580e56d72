package dev.onair.server.config;

import dev.onair.lab.quality.ConnectionTier;
import dev.onair.sfu.recorder.RecorderPolicy;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The flight recorder and its automatic dumps, from the {@code recorder:} section of the config file. A participant
 * is <em>below the threshold</em> when its tier is {@link #autoDumpTier} or worse, or its audio MOS is under
 * {@link #autoDumpMosBelowMos} (either condition may be off: null).
 *
 * @param policy                    each participant's recorder (size, window, on/off)
 * @param dumpDirectory             where automatic dumps go
 * @param autoDump                  dump automatically when a participant falls below the threshold
 * @param autoDumpMinIntervalMillis at most one automatic dump per participant this often
 * @param autoDumpTier              the tier (poor or lost) at which a dump is written, or null for none
 * @param autoDumpMosBelowMos       the audio MOS under which a dump is written, or null for none
 * @param autoDumpKeep              how many automatic dumps (file pairs) the directory keeps; the oldest go first
 */
public record RecorderConfig(RecorderPolicy policy, Path dumpDirectory, boolean autoDump,
                             long autoDumpMinIntervalMillis, ConnectionTier autoDumpTier, Double autoDumpMosBelowMos,
                             int autoDumpKeep) {
    /** Automatic dumps kept by default: at the default ring size about 100 × 1.5 MB. */
    public static final int DEFAULT_KEEP = 100;
    public static final int MAX_KEEP = 100_000;
    public static final int DEFAULT_MIN_INTERVAL_SECONDS = 60;
    public static final int MAX_WINDOW_SECONDS = 600;
    /** 1,000,000 packet slots: 32 MB per participant. */
    public static final int MAX_PACKET_CAPACITY = 1_000_000;
    public static final int MAX_CONTROL_CAPACITY = 1_000_000;
    /** The tier at which dumps start unless configured otherwise. */
    public static final ConnectionTier DEFAULT_TIER = ConnectionTier.POOR;

    public RecorderConfig {
        if (policy == null || dumpDirectory == null) {
            throw new ConfigException("recorder: a policy and a dump directory are required");
        }
        if (autoDumpMinIntervalMillis < 1) {
            throw new ConfigException("recorder.autoDumpMinIntervalSeconds must be at least 1");
        }
        if (autoDumpTier != null && autoDumpTier != ConnectionTier.POOR && autoDumpTier != ConnectionTier.LOST) {
            throw new ConfigException("recorder.autoDumpTier must be poor, lost or none, got "
                    + autoDumpTier.name().toLowerCase(Locale.ROOT));
        }
        if (autoDumpKeep < 1) {
            throw new ConfigException("recorder.autoDumpKeep must be at least 1");
        }
        if (autoDump && !policy.enabled()) {
            throw new ConfigException("recorder.autoDump needs recorder.enabled: true");
        }
    }

    /** The default dump directory: {@code ${java.io.tmpdir}/onair-dumps}. */
    public static Path defaultDumpDirectory() {
        return Path.of(System.getProperty("java.io.tmpdir"), "onair-dumps");
    }

    /**
     * The recorder on with {@link RecorderPolicy#DEFAULT} and automatic dumps on at tier poor, at most one per
     * participant a minute, the newest {@link #DEFAULT_KEEP} kept.
     */
    public static RecorderConfig defaults() {
        return new RecorderConfig(RecorderPolicy.DEFAULT, defaultDumpDirectory(), true,
                DEFAULT_MIN_INTERVAL_SECONDS * 1000L, DEFAULT_TIER, null, DEFAULT_KEEP);
    }

    /** The same configuration with automatic dumps on, into {@code directory}. */
    public RecorderConfig withAutoDump(Path directory, long minIntervalMillis) {
        return new RecorderConfig(policy, directory, true, minIntervalMillis, autoDumpTier, autoDumpMosBelowMos,
                autoDumpKeep);
    }

    /** Whether a participant with this tier (wire name) and audio MOS (null: unknown) is below the threshold. */
    public boolean belowThreshold(String tier, Double mos) {
        if (autoDumpTier != null && tier != null) {
            ConnectionTier t = tierOf(tier);
            if (t != null && !t.isBetterThan(autoDumpTier)) {
                return true;
            }
        }
        return autoDumpMosBelowMos != null && mos != null && mos < autoDumpMosBelowMos;
    }

    /** The section as configured; null (no section) gives {@link #defaults()}. */
    public static RecorderConfig from(ConfigFile.Recorder s) {
        if (s == null) {
            return defaults();
        }
        RecorderPolicy d = RecorderPolicy.DEFAULT;
        boolean enabled = s.enabled() == null ? d.enabled() : s.enabled();
        int window = bounded("recorder.windowSeconds", s.windowSeconds(), d.windowSeconds(), MAX_WINDOW_SECONDS);
        int packets = bounded("recorder.packetCapacity", s.packetCapacity(), d.packetCapacity(), MAX_PACKET_CAPACITY);
        int controls = bounded("recorder.controlCapacity", s.controlCapacity(), d.controlCapacity(),
                MAX_CONTROL_CAPACITY);
        Path dir = defaultDumpDirectory();
        if (s.dumpDirectory() != null) {
            if (s.dumpDirectory().isBlank()) {
                throw new ConfigException("recorder.dumpDirectory must not be empty");
            }
            try {
                dir = Path.of(s.dumpDirectory());
            } catch (InvalidPathException e) {
                throw new ConfigException("recorder.dumpDirectory is not a valid path: " + s.dumpDirectory(), e);
            }
        }
        int interval = bounded("recorder.autoDumpMinIntervalSeconds", s.autoDumpMinIntervalSeconds(),
                DEFAULT_MIN_INTERVAL_SECONDS, Integer.MAX_VALUE / 1000);
        ConnectionTier tier = DEFAULT_TIER;
        if (s.autoDumpTier() != null) {
            String name = s.autoDumpTier().trim().toLowerCase(Locale.ROOT);
            tier = switch (name) {
                case "poor" -> ConnectionTier.POOR;
                case "lost" -> ConnectionTier.LOST;
                case "none" -> null;
                default -> throw new ConfigException("recorder.autoDumpTier must be poor, lost or none, got "
                        + s.autoDumpTier());
            };
        }
        Double mos = s.autoDumpMosBelow();
        if (mos != null && !(mos > 1.0 && mos <= 4.5)) {
            throw new ConfigException("recorder.autoDumpMosBelow must be above 1.0 and at most 4.5, got " + mos);
        }
        // On by default with the recorder, unless the thresholds were all turned off.
        boolean auto = s.autoDump() != null ? s.autoDump() : enabled && (tier != null || mos != null);
        int keep = bounded("recorder.autoDumpKeep", s.autoDumpKeep(), DEFAULT_KEEP, MAX_KEEP);
        if (auto && tier == null && mos == null) {
            throw new ConfigException("recorder.autoDump needs a threshold: autoDumpTier poor or lost, "
                    + "or autoDumpMosBelow");
        }
        return new RecorderConfig(new RecorderPolicy(enabled, window, packets, controls), dir, auto,
                interval * 1000L, tier, mos, keep);
    }

    private static ConnectionTier tierOf(String wire) {
        for (ConnectionTier t : ConnectionTier.values()) {
            if (t.name().equalsIgnoreCase(wire)) {
                return t;
            }
        }
        return null;
    }

    private static int bounded(String key, Integer value, int fallback, int max) {
        if (value == null) {
            return fallback;
        }
        if (value < 1) {
            throw new ConfigException(key + " must be at least 1, got " + value);
        }
        if (value > max) {
            throw new ConfigException(key + " must be at most " + max + ", got " + value);
        }
        return value;
    }
}
