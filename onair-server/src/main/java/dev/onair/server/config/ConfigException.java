package dev.onair.server.config;

/** A configuration the server refuses to start with; the message is one line, meant for the operator. */
public final class ConfigException extends IllegalArgumentException {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
