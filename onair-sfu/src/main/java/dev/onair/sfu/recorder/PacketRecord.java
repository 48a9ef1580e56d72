package dev.onair.sfu.recorder;

/**
 * One recorded RTP packet, as a dump returns it.
 *
 * @param atNanos      monotonic arrival (inbound) or send (outbound) time: the time the shaper saw, when shaping is on
 * @param order        position among all records (packets and controls) of the recorder
 * @param link         which of the participant's transports (0, 1, … in the order they were attached)
 * @param outbound     sent by the server (true) or received from the peer (false)
 * @param ssrc         RTP SSRC, unsigned
 * @param sequence     RTP sequence number, 0..65535
 * @param rtpTimestamp RTP timestamp, unsigned
 * @param payloadType  RTP payload type, 0..127
 * @param sizeBytes    the datagram's size on the wire (SRTP tag included)
 * @param marker       RTP marker bit
 * @param keyframe     the packet starts a keyframe
 * @param drop         why it went no further, or NONE
 */
public record PacketRecord(long atNanos, long order, int link, boolean outbound, long ssrc, int sequence,
                           long rtpTimestamp, int payloadType, int sizeBytes, boolean marker, boolean keyframe,
                           DropReason drop) {
}
