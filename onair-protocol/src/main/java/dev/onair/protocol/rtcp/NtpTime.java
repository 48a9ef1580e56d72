package dev.onair.protocol.rtcp;

/**
 * 64-bit NTP timestamps as used in sender reports (RFC 3550 §4, RFC 5905 §6): seconds since 1900-01-01
 * in the high word, binary fraction of a second in the low word.
 *
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    seconds since 1900                         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    fraction (1/2^32 s)                        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *                  |&lt;------ middle 32 bits (LSR) ----&gt;|
 * </pre>
 *
 * <p>Times are passed in, never read from a clock here. Valid for Unix times from 1900 to 2036 (NTP era 0).
 */
public final class NtpTime {
    /** Seconds from 1900-01-01 to 1970-01-01. */
    public static final long UNIX_EPOCH_NTP_SECONDS = 2_208_988_800L;

    private NtpTime() {
    }

    /** The NTP timestamp of a Unix time in milliseconds (fraction rounded down). */
    public static long fromUnixMillis(long unixMillis) {
        long seconds = Math.floorDiv(unixMillis, 1000L) + UNIX_EPOCH_NTP_SECONDS;
        long millis = Math.floorMod(unixMillis, 1000L);
        long fraction = (millis << 32) / 1000L;
        return (seconds << 32) | fraction;
    }

    /** The Unix time in milliseconds of an NTP timestamp (fraction rounded to the nearest millisecond). */
    public static long toUnixMillis(long ntp) {
        long seconds = ntp >>> 32;
        long fraction = ntp & 0xFFFF_FFFFL;
        return (seconds - UNIX_EPOCH_NTP_SECONDS) * 1000L + ((fraction * 1000L + (1L << 31)) >>> 32);
    }

    /** The middle 32 bits, as carried in a report block's LSR field. */
    public static long middle32(long ntp) {
        return (ntp >>> 16) & 0xFFFF_FFFFL;
    }
}
