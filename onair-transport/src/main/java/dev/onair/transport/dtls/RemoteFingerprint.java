package dev.onair.transport.dtls;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * The certificate fingerprint the remote peer announced in SDP, {@code a=fingerprint:<hash> <hex pairs>}
 * (RFC 8122 §5, RFC 8842 §5): the DTLS handshake only succeeds if the peer's certificate hashes to it.
 *
 * <pre>
 * fingerprint-attribute  =  "fingerprint" ":" hash-func SP fingerprint
 * hash-func              =  "sha-1" / "sha-224" / "sha-256" / "sha-384" / "sha-512" / ...
 * fingerprint            =  2UHEX *(":" 2UHEX)      ; one pair per digest byte, e.g. "AB:CD:..."
 * </pre>
 *
 * @param algorithm the hash function name, lower case (e.g. {@code sha-256})
 * @param value     the digest bytes
 */
public record RemoteFingerprint(String algorithm, byte[] value) {

    public RemoteFingerprint {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(value, "value");
        algorithm = algorithm.toLowerCase(Locale.ROOT);
        value = value.clone();
    }

    /**
     * Parses the attribute value {@code "sha-256 AB:CD:..."} (hex case-insensitive, surrounding whitespace
     * ignored). Returns null if it is malformed, names an unsupported hash, or has the wrong digest length.
     */
    public static RemoteFingerprint parse(String sdpValue) {
        if (sdpValue == null) {
            return null;
        }
        String trimmed = sdpValue.trim();
        int space = trimmed.indexOf(' ');
        if (space <= 0) {
            return null;
        }
        String algorithm = trimmed.substring(0, space);
        String jcaName = DtlsCertificate.jcaDigestName(algorithm);
        if (jcaName == null) {
            return null;
        }
        byte[] value = parseHexPairs(trimmed.substring(space + 1).trim());
        if (value == null || value.length != digestLength(jcaName)) {
            return null;
        }
        return new RemoteFingerprint(algorithm, value);
    }

    /** True if {@code derCert} hashes to this fingerprint (constant-time comparison). */
    public boolean matches(byte[] derCert) {
        return MessageDigest.isEqual(DtlsCertificate.fingerprint(algorithm, derCert), value);
    }

    /** The digest bytes (a copy). */
    @Override
    public byte[] value() {
        return value.clone();
    }

    /** The SDP attribute value, e.g. {@code "sha-256 AB:CD:..."}. */
    public String toSdpValue() {
        return algorithm + " " + DtlsCertificate.format(value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RemoteFingerprint other && algorithm.equals(other.algorithm)
                && Arrays.equals(value, other.value);
    }

    @Override
    public int hashCode() {
        return 31 * algorithm.hashCode() + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "RemoteFingerprint[" + toSdpValue() + "]";
    }

    private static byte[] parseHexPairs(String text) {
        if (text.isEmpty() || (text.length() + 1) % 3 != 0) {
            return null;
        }
        byte[] out = new byte[(text.length() + 1) / 3];
        for (int i = 0; i < out.length; i++) {
            int at = i * 3;
            int hi = hexValue(text.charAt(at));
            int lo = hexValue(text.charAt(at + 1));
            if (hi < 0 || lo < 0 || (i < out.length - 1 && text.charAt(at + 2) != ':')) {
                return null;
            }
            out[i] = (byte) ((hi << 4) | lo);
        }
        return out;
    }

    /** ASCII hex digits only (Character.digit would also accept non-ASCII digits). */
    private static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private static int digestLength(String jcaName) {
        return switch (jcaName) {
            case "SHA-1" -> 20;
            case "SHA-224" -> 28;
            case "SHA-256" -> 32;
            case "SHA-384" -> 48;
            default -> 64;
        };
    }
}
