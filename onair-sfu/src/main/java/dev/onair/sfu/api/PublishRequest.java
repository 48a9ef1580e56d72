package dev.onair.sfu.api;

import java.util.Map;

/**
 * An offer of a joined participant's publisher connection (first or renegotiated).
 *
 * @param room     room name
 * @param identity the joined participant
 * @param sdpOffer the offer as received
 * @param intents  declared source and mute state per mid; undeclared sending m-lines get defaults
 */
public record PublishRequest(String room, String identity, String sdpOffer, Map<String, TrackIntent> intents) {
    public PublishRequest {
        intents = Map.copyOf(intents);
    }

    /** What the publisher says about one m-line. */
    public record TrackIntent(TrackSource source, boolean muted) {
    }
}
