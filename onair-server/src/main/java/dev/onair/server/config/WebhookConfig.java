package dev.onair.server.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/**
 * Where and how room events are POSTed as webhooks. {@link #none()} (no URLs) turns webhooks off.
 *
 * @param urls          http or https URLs, each gets every event
 * @param keyId         the API key whose secret signs the body; null = the server's signing key (the dev key in
 *                      dev mode); checked against the configured keys by {@link ServerConfig}
 * @param timeoutMillis per-request timeout
 * @param maxAttempts   attempts per event and URL, the first included
 * @param queueSize     events waiting per URL before new ones are dropped
 */
public record WebhookConfig(List<String> urls, String keyId, int timeoutMillis, int maxAttempts, int queueSize) {
    public static final int DEFAULT_TIMEOUT_MILLIS = 5000;
    public static final int DEFAULT_MAX_ATTEMPTS = 5;
    public static final int DEFAULT_QUEUE_SIZE = 10_000;

    public WebhookConfig {
        urls = List.copyOf(urls == null ? List.of() : urls);
        for (String url : urls) {
            checkUrl(url);
        }
        if (timeoutMillis < 1) {
            throw new ConfigException("webhooks.timeoutMillis must be at least 1, got " + timeoutMillis);
        }
        if (maxAttempts < 1) {
            throw new ConfigException("webhooks.maxAttempts must be at least 1, got " + maxAttempts);
        }
        if (queueSize < 1) {
            throw new ConfigException("webhooks.queueSize must be at least 1, got " + queueSize);
        }
    }

    /** Webhooks off. */
    public static WebhookConfig none() {
        return new WebhookConfig(List.of(), null, DEFAULT_TIMEOUT_MILLIS, DEFAULT_MAX_ATTEMPTS, DEFAULT_QUEUE_SIZE);
    }

    /** These URLs with the default key, timeout, attempts and queue size. */
    public static WebhookConfig of(List<String> urls) {
        return new WebhookConfig(urls, null, DEFAULT_TIMEOUT_MILLIS, DEFAULT_MAX_ATTEMPTS, DEFAULT_QUEUE_SIZE);
    }

    /** True when at least one URL is configured. */
    public boolean enabled() {
        return !urls.isEmpty();
    }

    /** The section of a config file with defaults filled in; null means {@link #none()}. */
    public static WebhookConfig from(ConfigFile.Webhooks section) {
        if (section == null) {
            return none();
        }
        return new WebhookConfig(section.urls(), section.key(),
                orDefault(section.timeoutMillis(), DEFAULT_TIMEOUT_MILLIS),
                orDefault(section.maxAttempts(), DEFAULT_MAX_ATTEMPTS),
                orDefault(section.queueSize(), DEFAULT_QUEUE_SIZE));
    }

    private static int orDefault(Integer value, int fallback) {
        return value != null ? value : fallback;
    }

    private static void checkUrl(String url) {
        if (url == null || url.isBlank()) {
            throw new ConfigException("webhooks.urls: a URL is empty");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new ConfigException("webhooks.urls: '" + url + "' is not a valid URL: " + e.getReason(), e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new ConfigException("webhooks.urls: '" + url + "' must start with http:// or https://");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new ConfigException("webhooks.urls: '" + url + "' has no host");
        }
    }
}
