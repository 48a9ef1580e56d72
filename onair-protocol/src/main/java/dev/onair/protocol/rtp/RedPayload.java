package dev.onair.protocol.rtp;

/**
 * A reusable, mutable view of an RFC 2198 redundant audio payload ({@code red/48000/2}), and the in-place edits
 * a forwarder needs: renumbering the blocks' payload types and stripping the payload down to its primary block.
 *
 * <pre>
 *  non-final block header (F = 1, section 3)                   final block header (F = 0)
 *  0                   1                   2                   3    0 1 2 3 4 5 6 7
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1  +-+-+-+-+-+-+-+-+
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+  |0|   Block PT  |
 * |F|   block PT  |  timestamp offset         |   block length    |  +-+-+-+-+-+-+-+-+
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * payload = header 1 .. header N (final) | data 1 .. data N-1 | primary data (the rest)
 * </pre>
 *
 * <p>Offsets it reports are relative to the payload's first byte, so a parse of the received packet applies
 * unchanged to a copy whose header has another length. Never throws on wire input, never allocates after
 * construction: {@link #parse} returns false and {@link #dropReason()} names the reason. Not thread-safe.
 */
public final class RedPayload {
    /** Redundant blocks kept at most (Chromium sends one or two). */
    public static final int MAX_BLOCKS = 16;
    private static final int NON_FINAL_HEADER_BYTES = 4;

    private final int[] blockPayloadType = new int[MAX_BLOCKS];
    private final int[] blockTimestampOffset = new int[MAX_BLOCKS];
    private final int[] blockOffset = new int[MAX_BLOCKS];
    private final int[] blockLength = new int[MAX_BLOCKS];
    private RedDrop dropReason;
    private int redundantBlocks;
    private int primaryPayloadType;
    private int primaryOffset;
    private int primaryLength;

    /**
     * Parses the payload in {@code buf[off, off + len)} (the RTP payload, without padding).
     *
     * @return true when it is a well-formed RED payload; otherwise false and {@link #dropReason()} says why
     */
    public boolean parse(byte[] buf, int off, int len) {
        dropReason = null;
        redundantBlocks = 0;
        primaryPayloadType = -1;
        primaryOffset = 0;
        primaryLength = 0;
        if (buf == null || off < 0 || len < 0 || off > buf.length - len) {
            return drop(RedDrop.BAD_BOUNDS);
        }
        if (len == 0) {
            return drop(RedDrop.EMPTY);
        }
        int pos = 0;
        int dataLength = 0;
        while (true) {
            if (pos >= len) {
                return drop(RedDrop.TRUNCATED_HEADER);
            }
            int first = buf[off + pos] & 0xFF;
            if ((first & 0x80) == 0) {
                primaryPayloadType = first & 0x7F;
                pos++;
                break;
            }
            if (pos + NON_FINAL_HEADER_BYTES > len) {
                return drop(RedDrop.TRUNCATED_HEADER);
            }
            if (redundantBlocks == MAX_BLOCKS) {
                return drop(RedDrop.TOO_MANY_BLOCKS);
            }
            int b1 = buf[off + pos + 1] & 0xFF;
            int b2 = buf[off + pos + 2] & 0xFF;
            int b3 = buf[off + pos + 3] & 0xFF;
            blockPayloadType[redundantBlocks] = first & 0x7F;
            blockTimestampOffset[redundantBlocks] = (b1 << 6) | (b2 >>> 2);
            blockLength[redundantBlocks] = ((b2 & 0x03) << 8) | b3;
            dataLength += blockLength[redundantBlocks];
            redundantBlocks++;
            pos += NON_FINAL_HEADER_BYTES;
        }
        if (dataLength > len - pos) {
            redundantBlocks = 0;
            primaryPayloadType = -1;
            return drop(RedDrop.BLOCK_OVERRUN);
        }
        for (int i = 0; i < redundantBlocks; i++) {
            blockOffset[i] = pos;
            pos += blockLength[i];
        }
        primaryOffset = pos;
        primaryLength = len - pos;
        return true;
    }

    private boolean drop(RedDrop reason) {
        dropReason = reason;
        return false;
    }

    /** Why the last {@link #parse} failed; null after a successful one. */
    public RedDrop dropReason() {
        return dropReason;
    }

    /** Redundant (older) blocks before the primary one. */
    public int redundantBlocks() {
        return redundantBlocks;
    }

    /** Payload type of redundant block {@code i}. */
    public int blockPayloadType(int i) {
        return blockPayloadType[i];
    }

    /** How many RTP ticks block {@code i} is older than the packet's timestamp. */
    public int blockTimestampOffset(int i) {
        return blockTimestampOffset[i];
    }

    /** Offset of block {@code i}'s data from the payload start. */
    public int blockOffset(int i) {
        return blockOffset[i];
    }

    public int blockLength(int i) {
        return blockLength[i];
    }

    /** Payload type of the primary block, -1 unless parsed. */
    public int primaryPayloadType() {
        return primaryPayloadType;
    }

    /** Offset of the primary block's data from the payload start. */
    public int primaryOffset() {
        return primaryOffset;
    }

    /** Bytes of primary data (may be 0). */
    public int primaryLength() {
        return primaryLength;
    }

    /**
     * Renumbers every block header of the parsed payload, now at {@code buf[payloadOff ...)}, through
     * {@code ptMap} (index: the block's payload type; a negative entry keeps it). The payload must be a copy of
     * the one this instance parsed.
     */
    public void mapPayloadTypes(byte[] buf, int payloadOff, int[] ptMap) {
        int pos = payloadOff;
        for (int i = 0; i <= redundantBlocks; i++) {
            int b = buf[pos] & 0xFF;
            int mapped = ptMap[b & 0x7F];
            if (mapped >= 0) {
                buf[pos] = (byte) ((b & 0x80) | (mapped & 0x7F));
            }
            pos += i < redundantBlocks ? NON_FINAL_HEADER_BYTES : 1;
        }
    }

    /**
     * Rewrites the RTP packet {@code buf[packetOff, packetOff + payloadOff + ...)} whose RED payload (the one this
     * instance parsed) starts at absolute {@code payloadOff} into a plain packet of the primary block: the primary
     * data moves to {@code payloadOff}, padding is dropped (P cleared) and the payload type becomes
     * {@code payloadType}. Sequence number, timestamp, marker and extensions stay. Returns the new packet length.
     */
    public int stripToPrimary(byte[] buf, int packetOff, int payloadOff, int payloadType) {
        System.arraycopy(buf, payloadOff + primaryOffset, buf, payloadOff, primaryLength);
        buf[packetOff] = (byte) (buf[packetOff] & ~0x20);
        RtpWriter.setPayloadType(buf, packetOff, payloadType);
        return payloadOff + primaryLength - packetOff;
    }

    /**
     * Writes a RED payload at {@code buf[off ...)}: the redundant blocks {@code data[i]} with their payload types
     * and timestamp offsets (oldest first), then the primary block. Returns the bytes written. For tests and senders;
     * allocation-free but the caller must size {@code buf}.
     */
    public static int write(byte[] buf, int off, int[] payloadTypes, int[] timestampOffsets, byte[][] data,
            int primaryPayloadType, byte[] primary) {
        int pos = off;
        for (int i = 0; i < data.length; i++) {
            int ts = timestampOffsets[i] & 0x3FFF;
            int len = data[i].length & 0x3FF;
            buf[pos] = (byte) (0x80 | (payloadTypes[i] & 0x7F));
            buf[pos + 1] = (byte) (ts >>> 6);
            buf[pos + 2] = (byte) (((ts & 0x3F) << 2) | (len >>> 8));
            buf[pos + 3] = (byte) len;
            pos += NON_FINAL_HEADER_BYTES;
        }
        buf[pos++] = (byte) (primaryPayloadType & 0x7F);
        for (byte[] d : data) {
            System.arraycopy(d, 0, buf, pos, d.length);
            pos += d.length;
        }
        System.arraycopy(primary, 0, buf, pos, primary.length);
        return pos + primary.length - off;
    }
}
