package dev.onair.sfu.negotiation;

/**
 * A rejected offer.
 *
 * @param code   the category
 * @param reason one line for logs and the HTTP body, e.g. {@code offer has no a=group:BUNDLE}
 */
public record NegotiationError(NegotiationErrorCode code, String reason) {
}
