package dev.onair.protocol.rtp;

import dev.onair.protocol.Bytes;

/**
 * The two passes behind {@link HeaderExtensions#copyWithMappedExtensions}: size the new RFC 8285 block,
 * then write header, block and payload. Allocation-free.
 */
final class MappedExtensionWriter {
    private MappedExtensionWriter() {
    }

    static int write(byte[] src, int srcOff, RtpHeader h, byte[] idMap, byte[] dst, int dstOff) {
        boolean srcTwoByte = h.hasTwoByteExtensions();
        int start = h.extensionsOffset();
        int end = start + h.extensionsLength();

        // Pass 1: which form, how many elements, how many data bytes.
        boolean needTwoByte = srcTwoByte;
        int kept = 0;
        int dataBytes = 0;
        int pos = start;
        long e;
        while ((e = ExtensionWalk.next(src, pos, end, srcTwoByte)) >= 0) {
            int mapped = map(idMap, ExtensionWalk.id(e));
            if (mapped != 0) {
                kept++;
                dataBytes += ExtensionWalk.dataLength(e);
                needTwoByte |= mapped > HeaderExtensions.ONE_BYTE_MAX_ID;
            }
            pos = ExtensionWalk.nextPos(e);
        }
        int elementBytes = dataBytes + kept * (needTwoByte ? 2 : 1);
        int blockBytes = kept == 0 ? 0 : 4 + ((elementBytes + 3) & ~3);
        int fixedAndCsrc = RtpHeader.FIXED_HEADER_LENGTH + 4 * h.csrcCount();
        int tail = h.payloadLength() + h.paddingLength();
        int newLength = fixedAndCsrc + blockBytes + tail;
        if (newLength > dst.length - dstOff
                || HeaderExtensions.overlaps(src, srcOff, h.packetLength(), dst, dstOff, newLength)) {
            return -1;
        }

        // Pass 2: write.
        System.arraycopy(src, srcOff, dst, dstOff, fixedAndCsrc);
        int out = dstOff + fixedAndCsrc;
        if (kept == 0) {
            dst[dstOff] &= (byte) ~0x10;
        } else {
            int profile = !needTwoByte ? HeaderExtensions.ONE_BYTE_PROFILE
                    : srcTwoByte ? h.extensionProfile() : HeaderExtensions.TWO_BYTE_PROFILE;
            Bytes.put16(dst, out, profile);
            Bytes.put16(dst, out + 2, (blockBytes - 4) / 4);
            out += 4;
            int blockEnd = out + blockBytes - 4;
            pos = start;
            while ((e = ExtensionWalk.next(src, pos, end, srcTwoByte)) >= 0) {
                int mapped = map(idMap, ExtensionWalk.id(e));
                int length = ExtensionWalk.dataLength(e);
                if (mapped != 0) {
                    if (needTwoByte) {
                        dst[out++] = (byte) mapped;
                        dst[out++] = (byte) length;
                    } else {
                        dst[out++] = (byte) ((mapped << 4) | (length - 1));
                    }
                    System.arraycopy(src, ExtensionWalk.dataOffset(e), dst, out, length);
                    out += length;
                }
                pos = ExtensionWalk.nextPos(e);
            }
            while (out < blockEnd) {
                dst[out++] = 0;
            }
        }
        System.arraycopy(src, h.payloadOffset(), dst, out, tail);
        return newLength;
    }

    private static int map(byte[] idMap, int id) {
        return idMap == null || id >= idMap.length ? 0 : idMap[id] & 0xFF;
    }
}
