package dev.onair.sfu.track;

import dev.onair.sfu.negotiation.MediaKind;

/** What a session's telemetry needs of any of its tracks, published or subscribed: its m-line and kind. */
public interface SessionTrack {
    String mid();

    MediaKind kind();
}
