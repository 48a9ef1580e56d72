package dev.onair.protocol.rtcp;

import java.nio.charset.StandardCharsets;

/**
 * One SDES item (RFC 3550 §6.5): type, length, UTF-8 text.
 *
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     type      |    length     | text (length bytes, UTF-8) ...
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param type 1..255 (1 = CNAME, 2 = NAME, ..., 8 = PRIV); the PRIV prefix stays inside {@code value}
 * @param value text; written as UTF-8 cut to 255 bytes
 */
public record SdesItem(int type, String value) {
    public static final int CNAME = 1;

    public SdesItem {
        if (type < 1 || type > 255) {
            throw new IllegalArgumentException("SDES item type must be 1..255: " + type);
        }
        value = value == null ? "" : value;
    }

    /** The value's bytes as written: UTF-8, at most 255 bytes. */
    byte[] encoded() {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        if (utf8.length <= 255) {
            return utf8;
        }
        byte[] cut = new byte[255];
        System.arraycopy(utf8, 0, cut, 0, 255);
        return cut;
    }

    /** Bytes on the wire: type, length and text. */
    int length() {
        return 2 + encoded().length;
    }

    int write(byte[] b, int i) {
        byte[] text = encoded();
        b[i] = (byte) type;
        b[i + 1] = (byte) text.length;
        System.arraycopy(text, 0, b, i + 2, text.length);
        return 2 + text.length;
    }
}
