package dev.onair.protocol.rtcp;

/**
 * One generic NACK FCI entry (RFC 4585 §6.2.1): a lost packet id and a bitmask of the 16 following ones.
 *
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |            PID                |             BLP               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param pid lost sequence number, 0..65535
 * @param blp bit i (LSB = 0) set means {@code pid + i + 1} is lost too, 0..65535
 */
public record NackItem(int pid, int blp) {
    public NackItem {
        pid &= 0xFFFF;
        blp &= 0xFFFF;
    }
}
