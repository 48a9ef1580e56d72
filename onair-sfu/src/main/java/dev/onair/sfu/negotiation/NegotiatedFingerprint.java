package dev.onair.sfu.negotiation;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * The remote DTLS certificate fingerprint we must check after the handshake (RFC 8842 section 5).
 *
 * @param algorithm lower-case hash name, e.g. {@code sha-256}
 * @param digest    the digest bytes (copied in and out)
 */
public record NegotiatedFingerprint(String algorithm, byte[] digest) {
    public NegotiatedFingerprint {
        digest = digest.clone();
    }

    @Override
    public byte[] digest() {
        return digest.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NegotiatedFingerprint f && f.algorithm.equals(algorithm) && Arrays.equals(f.digest, digest);
    }

    @Override
    public int hashCode() {
        return algorithm.hashCode() * 31 + Arrays.hashCode(digest);
    }

    @Override
    public String toString() {
        return "NegotiatedFingerprint[" + algorithm + " " + HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest) + "]";
    }
}
