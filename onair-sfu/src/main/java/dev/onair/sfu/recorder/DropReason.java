package dev.onair.sfu.recorder;

import java.util.Locale;

/**
 * Why a recorded packet went no further; {@link #NONE} for one that was forwarded or sent. The ordinal is stored
 * (and written into pcap dumps), so new reasons go at the end.
 */
public enum DropReason {
    NONE,
    /** The network lab's loss model: random loss, a burst, a blackout. */
    IMPAIRMENT,
    MALFORMED, UNKNOWN_SSRC, SRTP_AUTH, REPLAY, QUEUE_FULL, WAITING_KEYFRAME, MUTED, OTHER,
    /** The network lab's bottleneck queue was full (the impairment decided it, like {@link #IMPAIRMENT}). */
    BOTTLENECK,
    /** The transport's delay line had no room for a delayed copy (not an impairment decision). */
    DELAY_LINE_FULL,
    /** The transport was closed. */
    TRANSPORT_CLOSED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The reason of a wire name; {@link #OTHER} when unknown. */
    public static DropReason ofWireName(String name) {
        for (DropReason r : values()) {
            if (r.wireName().equals(name)) {
                return r;
            }
        }
        return OTHER;
    }

    /** True when the network lab's impairment decided the drop (what a re-simulation reproduces). */
    public boolean byImpairment() {
        return this == IMPAIRMENT || this == BOTTLENECK;
    }
}
