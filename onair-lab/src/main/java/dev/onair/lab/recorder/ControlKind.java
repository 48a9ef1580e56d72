package dev.onair.lab.recorder;

import java.util.Locale;

/** A control event in the recording. */
public enum ControlKind {
    RTCP_RECEIVED, RTCP_SENT, KEYFRAME_REQUESTED, LAYER_SWITCH, NOTE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
