package dev.onair.sfu.api;

/**
 * A request to publish into or subscribe from a room.
 *
 * @param room        room name (already authorised by the caller)
 * @param identity    participant identity (from the token's {@code sub})
 * @param displayName optional display name, may be null
 * @param sdpOffer    the peer's SDP offer, as received
 */
public record SessionRequest(String room, String identity, String displayName, String sdpOffer) {
}
