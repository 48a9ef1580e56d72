package dev.onair.sfu.api;

import java.util.Map;

/**
 * An offer of a joined participant's subscriber connection (first or renegotiated).
 *
 * @param room     room name
 * @param identity the joined participant
 * @param sdpOffer the offer as received
 * @param sidByMid which track each receiving m-line should carry; unlisted m-lines carry nothing
 */
public record SubscribeRequest(String room, String identity, String sdpOffer, Map<String, String> sidByMid) {
    public SubscribeRequest {
        sidByMid = Map.copyOf(sidByMid);
    }
}
