package dev.onair.client;

/** Why an SDP answer could not be used; see {@link AnswerReader}. */
public enum AnswerProblem {
    /** The SDP parser rejected the text. */
    MALFORMED_SDP,
    /** No accepted (port &gt; 0) audio or video m-line. */
    NO_MEDIA,
    /** No {@code a=ice-ufrag}/{@code a=ice-pwd}, or values that break RFC 8839 §5.4. */
    NO_ICE_CREDENTIALS,
    /** No usable {@code a=fingerprint} (sha-256, sha-384 or sha-512 with the right digest length). */
    NO_FINGERPRINT,
    /** {@code a=setup} missing, or not {@code active}/{@code passive}. */
    BAD_SETUP,
    /** No UDP candidate with an IP literal address. */
    NO_CANDIDATE
}
