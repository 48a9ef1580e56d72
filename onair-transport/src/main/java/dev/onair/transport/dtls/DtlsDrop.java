package dev.onair.transport.dtls;

/** Why a {@link DtlsEngine} did not hand an inbound datagram to the DTLS stack. Counted in {@link DtlsEngine#drops()}. */
public enum DtlsDrop {
    /** First byte outside the DTLS content-type range 20..63 (RFC 7983 §7), or an unknown content type. */
    NOT_DTLS,
    /** Shorter than one 13-byte record header, or a record's length runs past the datagram's end. */
    TRUNCATED_RECORD,
    /** Record version is not a DTLS version (major byte 0xFE). */
    BAD_VERSION,
    /** The engine's bounded inbound queue was full. */
    QUEUE_FULL,
    /** The engine had already failed or closed. */
    AFTER_CLOSE
}
