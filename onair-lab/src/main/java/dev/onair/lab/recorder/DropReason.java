package dev.onair.lab.recorder;

import java.util.Locale;

/** Why a recorded packet went no further; {@link #NONE} for one that was forwarded or sent. */
public enum DropReason {
    NONE, IMPAIRMENT, MALFORMED, UNKNOWN_SSRC, SRTP_AUTH, REPLAY, QUEUE_FULL, WAITING_KEYFRAME, MUTED, OTHER;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
