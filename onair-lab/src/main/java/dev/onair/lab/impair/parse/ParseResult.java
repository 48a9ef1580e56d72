package dev.onair.lab.impair.parse;

import java.util.Objects;

/**
 * The outcome of parsing: a value, or a one-line human-readable error.
 *
 * @param value the parsed value, null on error
 * @param error the error, null on success
 */
public record ParseResult<T>(T value, String error) {
    public ParseResult {
        if ((value == null) == (error == null)) {
            throw new IllegalArgumentException("exactly one of value and error");
        }
    }

    public static <T> ParseResult<T> ok(T value) {
        return new ParseResult<>(Objects.requireNonNull(value, "value"), null);
    }

    public static <T> ParseResult<T> error(String error) {
        return new ParseResult<>(null, Objects.requireNonNull(error, "error"));
    }

    public boolean isOk() {
        return error == null;
    }
}
