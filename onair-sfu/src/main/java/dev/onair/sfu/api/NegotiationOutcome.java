package dev.onair.sfu.api;

import java.util.List;

/** The answer to a {@link PublishRequest} or {@link SubscribeRequest}. */
public sealed interface NegotiationOutcome {

    /**
     * @param sdpAnswer the answer
     * @param tracks    per accepted m-line: what it carries now
     */
    record Answered(String sdpAnswer, List<MidTrack> tracks) implements NegotiationOutcome {
        public Answered {
            tracks = List.copyOf(tracks);
        }
    }

    record Rejected(MediaError error, String reason) implements NegotiationOutcome {
    }

    /**
     * One m-line of an answer.
     *
     * @param mid   the m-line
     * @param track the track it carries (published, or subscribed to); null when it carries nothing
     * @param state for subscriptions: "active", "paused" (video cap) or "unavailable"; "active" for publishing
     */
    record MidTrack(String mid, ParticipantInfo.Track track, String state) {
    }
}
