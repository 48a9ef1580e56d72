package dev.onair.client;

import java.io.IOException;

/** The server refused an offer or a DELETE: {@link #status()} is the HTTP status, the message its body. */
public final class SignallingException extends IOException {
    private static final long serialVersionUID = 1L;
    private final int status;

    public SignallingException(int status, String message) {
        super("HTTP " + status + ": " + message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
