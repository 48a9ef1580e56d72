package dev.onair.sfu.negotiation;

/**
 * The outcome of a negotiation: on success {@code session} and {@code answerSdp} are set and {@code error}
 * is null; on failure only {@code error} is set.
 */
public record NegotiationResult(NegotiatedSession session, String answerSdp, NegotiationError error) {

    static NegotiationResult ok(NegotiatedSession session, String answerSdp) {
        return new NegotiationResult(session, answerSdp, null);
    }

    static NegotiationResult fail(NegotiationErrorCode code, String reason) {
        return new NegotiationResult(null, null, new NegotiationError(code, reason));
    }

    /** True when the offer was answered. */
    public boolean isOk() {
        return error == null;
    }
}
