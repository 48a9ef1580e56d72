package dev.onair.sfu.twcc;

import dev.onair.protocol.rtp.HeaderExtensionCursor;
import dev.onair.protocol.rtp.RtpHeader;

/**
 * Writes one subscriber transport's own transport-wide sequence numbers into the transport-cc header extension of
 * the packets we send it, in place, and logs each sent packet in a {@link SendLog}.
 *
 * <p>Only packets that already carry a 2-byte element with the subscriber's extension id are stamped: the
 * forwarding path maps the publisher's extension ids to the subscriber's, so a packet whose publisher negotiated
 * transport-cc arrives here with the element in place (holding the publisher's number, which we overwrite). Packets
 * without it (a publisher without transport-cc) go out unstamped; inserting an element would move the payload and
 * is left for the pacer's own packets (padding, probes). Two steps, so that a packet the socket refused does not
 * use up a number: {@link #stamp} before sending, {@link #commit} once sent. Media loop only, allocation-free.
 */
public final class SequenceStamper {
    private final int extensionId;
    private final SendLog log;
    private final RtpHeader header = new RtpHeader();
    private final HeaderExtensionCursor cursor = new HeaderExtensionCursor();
    private long next;
    private long stamped;
    private long unstamped;

    /**
     * @param extensionId the subscriber's transport-cc id (1..255)
     * @param firstSequence the first number to send (random per transport, seeded by the caller)
     */
    public SequenceStamper(int extensionId, int firstSequence, SendLog log) {
        this.extensionId = extensionId;
        this.next = firstSequence & 0xFFFF;
        this.log = log;
    }

    /** Writes the next number into {@code buf[off, off + len)}; false (packet untouched) when it has no element. */
    public boolean stamp(byte[] buf, int off, int len) {
        if (!header.parse(buf, off, len) || !header.hasExtension()) {
            unstamped++;
            return false;
        }
        cursor.reset(buf, header);
        while (cursor.next()) {
            if (cursor.id() == extensionId && cursor.dataLength() == 2) {
                int at = cursor.dataOffset();
                buf[at] = (byte) (next >>> 8);
                buf[at + 1] = (byte) next;
                return true;
            }
        }
        unstamped++;
        return false;
    }

    /** The packet stamped last was sent at {@code nowNanos}: log it and move to the next number. */
    public void commit(long nowNanos, int bytes) {
        log.onSent(next, nowNanos, bytes);
        next++;
        stamped++;
    }

    /** The number the next stamped packet gets (unwrapped; the wire carries the low 16 bits). */
    public long nextSequence() {
        return next;
    }

    public long stampedPackets() {
        return stamped;
    }

    /** Packets sent without the extension element. */
    public long unstampedPackets() {
        return unstamped;
    }
}
