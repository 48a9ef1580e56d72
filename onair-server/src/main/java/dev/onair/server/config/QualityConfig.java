package dev.onair.server.config;

/**
 * The {@code quality:} section of the config file: how often the room hears {@code connection_quality} events
 * (a tier change is sent at once in any case).
 */
public final class QualityConfig {
    public static final int DEFAULT_INTERVAL_SECONDS = 3;
    public static final int MAX_INTERVAL_SECONDS = 3600;

    private QualityConfig() {
    }

    /** The event interval in milliseconds; null (no section or no key) gives the default. */
    public static long intervalMillis(ConfigFile.Quality section) {
        if (section == null || section.intervalSeconds() == null) {
            return DEFAULT_INTERVAL_SECONDS * 1000L;
        }
        int s = section.intervalSeconds();
        if (s < 1 || s > MAX_INTERVAL_SECONDS) {
            throw new ConfigException("quality.intervalSeconds must be between 1 and " + MAX_INTERVAL_SECONDS
                    + ", got " + s);
        }
        return s * 1000L;
    }
}
