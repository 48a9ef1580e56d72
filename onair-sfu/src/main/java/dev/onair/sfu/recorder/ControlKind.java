package dev.onair.sfu.recorder;

import java.util.Locale;

/**
 * A control event in the recording. The datagram kinds ({@code RTCP_*}, {@code OTHER_DATAGRAM_*}) carry the
 * datagram's size on the wire as their detail, so that together with the packet records a dump holds every datagram
 * a transport saw, in order (what a re-simulation of the shaping needs). New kinds go at the end (the ordinal is
 * stored).
 */
public enum ControlKind {
    RTCP_RECEIVED, RTCP_SENT, KEYFRAME_REQUESTED, LAYER_SWITCH, NOTE,
    /** A STUN or DTLS datagram from the peer; detail = size. */
    OTHER_DATAGRAM_RECEIVED,
    /** A STUN or DTLS datagram to the peer; detail = size. */
    OTHER_DATAGRAM_SENT,
    /** The link's shaping was (re)set; detail bit 1 = inbound shaped, bit 2 = outbound shaped (0 = off). */
    SHAPING_CHANGED,
    /**
     * Transport-wide congestion control feedback sent to a publisher (one per RTCP TransportCc); ssrc = the
     * feedback's media SSRC, detail = the packet status count (the datagram itself is also an RTCP_SENT).
     */
    TRANSPORT_FEEDBACK_SENT,
    /** A packet a subscriber NACKed was resent; ssrc = the SSRC it went out on (RTX or media), detail = its NACKed sequence number. */
    RETRANSMISSION_SENT,
    /** A packet a subscriber NACKed could not be resent (not cached or too old); ssrc = media SSRC, detail = sequence number. */
    RETRANSMISSION_MISSED,
    /** We sent the publisher a generic NACK; ssrc = its media SSRC, detail = the first sequence number asked for. */
    NACK_SENT,
    /**
     * A subscriber reported the size it shows a track at; ssrc = the subscriber track's outgoing SSRC, detail =
     * width &lt;&lt; 16 | height in device pixels (0 = not visible).
     */
    TRACK_VIEW,
    /**
     * Dynacast: the publisher was told which simulcast layers of a track are watched; ssrc = the track's media
     * SSRC, detail = bit 0 for rid q, bit 1 for h, bit 2 for f, bit 3 for any other rid (0 = all paused).
     */
    PUBLISHER_LAYERS,
    /**
     * A paced packet waited longer than the subscriber's queue-delay bound and was dropped instead of sent; ssrc =
     * the SSRC it would have gone out on, detail = how long it waited, in milliseconds.
     */
    QUEUE_DELAY_DROP,
    /**
     * The bandwidth estimate towards a subscriber changed by more than a few percent; ssrc none, detail = the new
     * estimate in kbit/s.
     */
    BANDWIDTH_ESTIMATE,
    /**
     * The allocator changed a track's target layer; ssrc = our SSRC of that track, detail = the new target layer
     * (-1 = paused).
     */
    LAYER_TARGET,
    /** A probe cluster was started; ssrc none, detail = its target rate in kbit/s. */
    PROBE_STARTED,
    /** Every video track of a subscriber was paused for lack of bandwidth (detail 1) or came back (detail 0). */
    AUDIO_ONLY,
    /**
     * A REMB was sent to a publisher (its video negotiated goog-remb and abs-send-time, not transport-cc); ssrc = the
     * first media SSRC it lists, detail = the estimate in kbit/s.
     */
    REMB_SENT,
    /**
     * The allocator changed a subscriber track's temporal target (VP8 TID); ssrc = our SSRC towards the subscriber,
     * detail = the highest temporal layer to forward (-1 = all).
     */
    TEMPORAL_TARGET,
    /**
     * The highest temporal layer forwarded on a subscriber track changed (down at a frame start, up at a layer-sync
     * frame); ssrc = our SSRC towards the subscriber, detail = the new TID.
     */
    TEMPORAL_SWITCH;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind of a wire name, or null when unknown. */
    public static ControlKind ofWireName(String name) {
        for (ControlKind k : values()) {
            if (k.wireName().equals(name)) {
                return k;
            }
        }
        return null;
    }

    /** True for the kinds that stand for one datagram on the wire. */
    public boolean isDatagram() {
        return this == RTCP_RECEIVED || this == RTCP_SENT || this == OTHER_DATAGRAM_RECEIVED
                || this == OTHER_DATAGRAM_SENT;
    }

    /** True for a datagram the server sent. */
    public boolean isOutboundDatagram() {
        return this == RTCP_SENT || this == OTHER_DATAGRAM_SENT;
    }
}
