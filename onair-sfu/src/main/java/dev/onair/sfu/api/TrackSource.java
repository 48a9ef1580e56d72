package dev.onair.sfu.api;

import java.util.Locale;

/** Where a published track comes from, as the publisher declared it. */
public enum TrackSource {
    CAMERA, MICROPHONE, SCREEN, SCREEN_AUDIO;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name; null for null or anything unknown (never throws). */
    public static TrackSource fromWire(String value) {
        if (value == null) {
            return null;
        }
        for (TrackSource s : values()) {
            if (s.wireName().equals(value)) {
                return s;
            }
        }
        return null;
    }

    /** The default source of an undeclared track: camera for video, microphone for audio. */
    public static TrackSource defaultFor(boolean video) {
        return video ? CAMERA : MICROPHONE;
    }
}
