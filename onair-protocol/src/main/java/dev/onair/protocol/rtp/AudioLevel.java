package dev.onair.protocol.rtp;

/**
 * The client-to-mixer audio level header extension (RFC 6464 §3), URI {@value #URI}: one byte carried in an
 * RFC 8285 element whose id the SDP negotiated ({@code a=extmap}).
 *
 * <pre>
 *  one-byte form (RFC 6464 §3, figure 1)    two-byte form (figure 2)
 *  0                   1                    0                   1                   2
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5          0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+        +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  ID   | len=0 |V| level       |        |      ID       |     len=1     |V|    level    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+        +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>{@code V} is the sender's voice-activity flag; {@code level} is the audio level of the packet as
 * 0..127 <em>negated</em> dBov: 0 is the loudest (0 dBov), 127 is silence (-127 dBov or quieter).
 *
 * <p>Static, allocation-free, never throws on wire input: {@link #element} returns the element byte or a
 * negative code that {@link #dropReason(int)} names.
 */
public final class AudioLevel {
    /** The extension's URI in {@code a=extmap}. */
    public static final String URI = "urn:ietf:params:rtp-hdrext:ssrc-audio-level";
    /** The level value that means silence (RFC 6464 §3: -127 dBov and below). */
    public static final int SILENCE_DBOV = 127;
    /** {@link #element} result: no element with that id. */
    public static final int ABSENT = -1;
    /** {@link #element} result: the element's data is not one byte. */
    public static final int BAD_LENGTH = -2;

    private AudioLevel() {
    }

    /**
     * The element byte ({@code V << 7 | level}, 0..255) of the element with {@code extensionId} in the packet
     * that {@code h} parsed successfully from {@code buf}; {@link #ABSENT} or {@link #BAD_LENGTH} otherwise.
     */
    public static int element(byte[] buf, RtpHeader h, int extensionId) {
        if (buf == null || h == null || h.dropReason() != null || extensionId <= 0 || extensionId > 255) {
            return ABSENT;
        }
        int off = HeaderExtensions.find(buf, h, extensionId);
        if (off < 0) {
            return ABSENT;
        }
        if (HeaderExtensions.findLength(buf, h, extensionId) != 1) {
            return BAD_LENGTH;
        }
        return buf[off] & 0xFF;
    }

    /** The level 0..127 (negated dBov, 127 = silence) of the element with {@code extensionId}, or -1. */
    public static int level(byte[] buf, RtpHeader h, int extensionId) {
        int e = element(buf, h, extensionId);
        return e < 0 ? -1 : levelOf(e);
    }

    /** The 7-bit level (negated dBov) of an element byte from {@link #element}. */
    public static int levelOf(int element) {
        return element & 0x7F;
    }

    /** The V (voice activity) bit of an element byte from {@link #element}. */
    public static boolean voiceActivity(int element) {
        return element >= 0 && (element & 0x80) != 0;
    }

    /** Why {@link #element} returned {@code result}; null for a valid element byte. */
    public static AudioLevelDrop dropReason(int result) {
        if (result >= 0) {
            return null;
        }
        return result == BAD_LENGTH ? AudioLevelDrop.BAD_LENGTH : AudioLevelDrop.ABSENT;
    }

    /** Writes an element byte: {@code voice} as V, {@code levelDbov} clamped to 0..127. For senders and tests. */
    public static byte encode(boolean voice, int levelDbov) {
        int level = Math.max(0, Math.min(SILENCE_DBOV, levelDbov));
        return (byte) ((voice ? 0x80 : 0) | level);
    }
}
