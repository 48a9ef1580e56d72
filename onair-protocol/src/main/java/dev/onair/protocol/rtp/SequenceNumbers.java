package dev.onair.protocol.rtp;

/**
 * 16-bit RTP sequence number arithmetic (RFC 3550 §A.1), with RFC 1982 serial-number comparison.
 *
 * <pre>
 *   diff(a, b) = (a - b) interpreted as a signed 16-bit value, in [-32768, 32767]
 *   isNewer(a, b)  &lt;=&gt;  diff(a, b) &gt; 0
 * </pre>
 *
 * <p>Two numbers exactly 32768 apart are undefined under RFC 1982; here neither is newer than the other.
 */
public final class SequenceNumbers {
    private SequenceNumbers() {
    }

    /** True when {@code a} comes after {@code b} on the 16-bit circle. */
    public static boolean isNewer(int a, int b) {
        return diff(a, b) > 0;
    }

    /** The signed forward distance from {@code b} to {@code a}, in [-32768, 32767]. */
    public static int diff(int a, int b) {
        return (short) (a - b);
    }
}
