package dev.onair.transport.demux;

/** What {@link PacketClassifier} decided a datagram is. */
public enum PacketKind {
    /** First byte 0..3 and at least a 20-byte STUN header. */
    STUN,
    /** First byte 20..63 and at least a 13-byte DTLS record header. */
    DTLS,
    /** First byte 128..191, second byte not 192..223, at least a 12-byte RTP header. */
    RTP,
    /** First byte 128..191, second byte 192..223, at least an 8-byte RTCP header and SSRC. */
    RTCP,
    /** First byte 64..79 and at least a 4-byte ChannelData header (RFC 8656 §12.4). */
    TURN_CHANNEL,
    /** ZRTP (16..19), anything else, or too short for its kind. */
    UNKNOWN
}
