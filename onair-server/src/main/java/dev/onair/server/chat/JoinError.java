package dev.onair.server.chat;

import java.util.Locale;

/** Why a {@code /chat} join was refused (the {@code error} frame's code; counted on /metrics). */
enum JoinError {
    BAD_REQUEST(ChatCloseCodes.BAD_REQUEST),
    UNAUTHENTICATED(ChatCloseCodes.UNAUTHENTICATED),
    FORBIDDEN(ChatCloseCodes.FORBIDDEN),
    JOIN_TIMEOUT(ChatCloseCodes.JOIN_TIMEOUT);

    private final int closeCode;

    JoinError(int closeCode) {
        this.closeCode = closeCode;
    }

    int closeCode() {
        return closeCode;
    }

    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
