package dev.onair.transport.dtls;

import dev.onair.protocol.Bytes;

/**
 * Reads DTLS record headers (RFC 6347 §4.1) from a datagram in place, to screen what reaches the DTLS stack.
 * Never throws: {@link #check} returns a drop reason, the field readers need {@code len >= HEADER_LENGTH} at
 * {@code at} (which {@code check} guarantees for every record it accepted).
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | content type  |  version (major 0xFE, minor) |     epoch ...   |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  ... epoch    |          sequence number (48 bits) ...        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |    ... sequence number        |            length             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                 fragment (length bytes) ...                   |
 * </pre>
 * A datagram may carry several records back to back (RFC 6347 §4.1.1).
 */
public final class DtlsRecordHeader {
    /** Bytes in one record header. */
    public static final int HEADER_LENGTH = 13;
    public static final int CHANGE_CIPHER_SPEC = 20;
    public static final int ALERT = 21;
    public static final int HANDSHAKE = 22;
    public static final int APPLICATION_DATA = 23;
    /** RFC 6520. */
    public static final int HEARTBEAT = 24;
    private static final int DTLS_MAJOR = 0xFE;

    private DtlsRecordHeader() {
    }

    /**
     * Null if {@code buf[off, off + len)} is one or more complete records with known content types and DTLS
     * versions; otherwise why not.
     */
    public static DtlsDrop check(byte[] buf, int off, int len) {
        if (buf == null || off < 0 || len < 0 || (long) off + len > buf.length) {
            return DtlsDrop.TRUNCATED_RECORD;
        }
        if (len == 0) {
            return DtlsDrop.TRUNCATED_RECORD;
        }
        int type = buf[off] & 0xFF;
        if (type < 20 || type > 63) {
            return DtlsDrop.NOT_DTLS;
        }
        int at = off;
        int end = off + len;
        while (at < end) {
            if (end - at < HEADER_LENGTH) {
                return DtlsDrop.TRUNCATED_RECORD;
            }
            int recordType = contentType(buf, at);
            if (recordType < CHANGE_CIPHER_SPEC || recordType > HEARTBEAT) {
                return DtlsDrop.NOT_DTLS;
            }
            if ((buf[at + 1] & 0xFF) != DTLS_MAJOR) {
                return DtlsDrop.BAD_VERSION;
            }
            int next = at + HEADER_LENGTH + fragmentLength(buf, at);
            if (next > end) {
                return DtlsDrop.TRUNCATED_RECORD;
            }
            at = next;
        }
        return null;
    }

    public static int contentType(byte[] buf, int at) {
        return buf[at] & 0xFF;
    }

    /** The 16-bit version: 0xFEFF is DTLS 1.0, 0xFEFD DTLS 1.2. */
    public static int version(byte[] buf, int at) {
        return Bytes.u16(buf, at + 1);
    }

    public static int epoch(byte[] buf, int at) {
        return Bytes.u16(buf, at + 3);
    }

    public static long sequenceNumber(byte[] buf, int at) {
        long value = 0;
        for (int i = 0; i < 6; i++) {
            value = (value << 8) | (buf[at + 5 + i] & 0xFF);
        }
        return value;
    }

    public static int fragmentLength(byte[] buf, int at) {
        return Bytes.u16(buf, at + 11);
    }
}
