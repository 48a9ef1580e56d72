package dev.onair.lab.impair;

/**
 * The bottleneck queue's drop-tail capacity, in bytes or in milliseconds of queueing at the current rate
 * (converted with the link's rate, or a trace's mean rate, whenever the rate changes).
 *
 * @param limitBytes the capacity in bytes, or 0 when given in milliseconds
 * @param limitMillis the capacity in milliseconds of queueing, or 0 when given in bytes
 */
public record QueueLimit(long limitBytes, long limitMillis) {

    /** The default: 100 ms of queueing, a moderately buffered access link. */
    public static final QueueLimit DEFAULT = millis(100);

    public QueueLimit {
        if (limitBytes < 0 || limitMillis < 0 || (limitBytes == 0) == (limitMillis == 0)) {
            throw new IllegalArgumentException("exactly one of limitBytes and limitMillis must be > 0");
        }
    }

    /** A capacity of {@code limitBytes} bytes. */
    public static QueueLimit bytes(long limitBytes) {
        return new QueueLimit(limitBytes, 0);
    }

    /** A capacity of {@code limitMillis} ms of queueing at the link's rate. */
    public static QueueLimit millis(long limitMillis) {
        return new QueueLimit(0, limitMillis);
    }

    /** The capacity in bytes for a link of {@code rateBps}; at least one 1500-byte packet. */
    public long capacityBytes(double rateBps) {
        long bytes = limitBytes > 0 ? limitBytes : (long) (rateBps * limitMillis / 8000.0);
        return Math.max(bytes, 1500);
    }

    @Override
    public String toString() {
        return limitBytes > 0 ? limitBytes + " B" : limitMillis + " ms";
    }
}
