package dev.onair.protocol.rtcp;

/**
 * One packet of an RTCP compound (RFC 3550 §6.1, RFC 4585 §6.1). Every packet starts with the common header:
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |V=2|P| count/FMT |      PT       |  length (32-bit words - 1)   |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>Writers emit P=0 and zero-pad to 32 bits, except {@link TransportCc}, which pads with P=1 the way
 * libwebrtc does. Field values wider than their wire field are truncated to the field's width.
 */
public sealed interface RtcpPacket permits SenderReport, ReceiverReport, SourceDescription, Bye, GenericNack,
        PictureLossIndication, FullIntraRequest, Remb, TransportCc, UnknownRtcp {
    /** Sender report (RFC 3550 §6.4.1). */
    int PT_SR = 200;
    /** Receiver report (RFC 3550 §6.4.2). */
    int PT_RR = 201;
    /** Source description (RFC 3550 §6.5). */
    int PT_SDES = 202;
    /** Goodbye (RFC 3550 §6.6). */
    int PT_BYE = 203;
    /** Application-defined (RFC 3550 §6.7). */
    int PT_APP = 204;
    /** Transport-layer feedback (RFC 4585 §6.2). */
    int PT_RTPFB = 205;
    /** Payload-specific feedback (RFC 4585 §6.3). */
    int PT_PSFB = 206;
    /** Extended reports (RFC 3611). */
    int PT_XR = 207;

    /** The packet type byte. */
    int packetType();

    /** Bytes {@link #writeTo} writes: a multiple of 4, header included. */
    int length();

    /**
     * Writes the packet at {@code buf[off]}.
     *
     * @return bytes written, always {@link #length()}
     * @throws IllegalArgumentException when fewer than {@link #length()} bytes are left
     */
    int writeTo(byte[] buf, int off);
}
