package dev.onair.protocol.rtcp;

/**
 * One FIR FCI entry (RFC 5104 §4.3.1.1).
 *
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                              SSRC                             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | Seq nr.       |    Reserved (0)                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param ssrc media sender asked for a decoder refresh point
 * @param seqNr command sequence number, 0..255, incremented per new request
 */
public record FirEntry(long ssrc, int seqNr) {
    public FirEntry {
        seqNr &= 0xFF;
    }
}
