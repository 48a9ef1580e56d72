package dev.onair.sfu.negotiation;

/** A value or the error that stopped it; exactly one is non-null. */
record Checked<T>(T value, NegotiationError error) {

    static <T> Checked<T> ok(T value) {
        return new Checked<>(value, null);
    }

    static <T> Checked<T> fail(NegotiationErrorCode code, String reason) {
        return new Checked<>(null, new NegotiationError(code, reason));
    }
}
