package dev.onair.server.admin;

/** Why a {@code POST /api/v1/rooms} body was refused (400), with the one-line reason sent back. */
enum CreateRoomError {
    NOT_JSON("body is not JSON: expected {\"name\": \"...\", \"kind\": \"conference\"}"),
    NOT_AN_OBJECT("body must be a JSON object: {\"name\": \"...\", \"kind\": \"conference\"}"),
    BAD_NAME("invalid room name: use 1 to 64 of A-Z a-z 0-9 _ . -"),
    BAD_KIND("invalid room kind: use \"conference\" or \"broadcast\"");

    private final String reason;

    CreateRoomError(String reason) {
        this.reason = reason;
    }

    String reason() {
        return reason;
    }
}
