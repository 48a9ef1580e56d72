package dev.onair.sfu.api;

/** What creating a publish or subscribe session gave. */
public sealed interface SessionOutcome {

    /** The session exists: {@code resourceId} names it for DELETE; {@code sdpAnswer} goes back to the peer. */
    record Created(String resourceId, String sdpAnswer) implements SessionOutcome {
    }

    /** Nothing was created; {@code reason} is one line, safe to show to the client. */
    record Rejected(MediaError error, String reason) implements SessionOutcome {
    }
}
