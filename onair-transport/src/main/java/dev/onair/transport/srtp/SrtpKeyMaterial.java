package dev.onair.transport.srtp;

import java.util.Arrays;
import java.util.Objects;

/**
 * The SRTP master keys and salts of both directions, as exported by DTLS-SRTP (RFC 5764 §4.2). The arrays are
 * copied in and out so a holder cannot change them; {@link #toString()} never prints key bytes.
 */
public record SrtpKeyMaterial(SrtpProfile profile, byte[] clientWriteKey, byte[] clientWriteSalt,
                              byte[] serverWriteKey, byte[] serverWriteSalt) {

    public SrtpKeyMaterial {
        Objects.requireNonNull(profile, "profile");
        clientWriteKey = checked(clientWriteKey, profile.keyLengthBytes(), "clientWriteKey");
        serverWriteKey = checked(serverWriteKey, profile.keyLengthBytes(), "serverWriteKey");
        clientWriteSalt = checked(clientWriteSalt, profile.saltLengthBytes(), "clientWriteSalt");
        serverWriteSalt = checked(serverWriteSalt, profile.saltLengthBytes(), "serverWriteSalt");
    }

    /**
     * Splits DTLS exporter output ({@code EXTRACTOR-dtls_srtp}) laid out as
     * {@code client_write_key | server_write_key | client_write_salt | server_write_salt} (RFC 5764 §4.2).
     *
     * @throws IllegalArgumentException if {@code exported} is not {@link SrtpProfile#keyingMaterialLengthBytes()} long
     */
    public static SrtpKeyMaterial fromExporter(SrtpProfile profile, byte[] exported) {
        if (exported.length != profile.keyingMaterialLengthBytes()) {
            throw new IllegalArgumentException("keying material must be " + profile.keyingMaterialLengthBytes()
                    + " bytes for " + profile + ", got " + exported.length);
        }
        int k = profile.keyLengthBytes();
        int s = profile.saltLengthBytes();
        return new SrtpKeyMaterial(profile,
                Arrays.copyOfRange(exported, 0, k),
                Arrays.copyOfRange(exported, 2 * k, 2 * k + s),
                Arrays.copyOfRange(exported, k, 2 * k),
                Arrays.copyOfRange(exported, 2 * k + s, 2 * k + 2 * s));
    }

    @Override
    public byte[] clientWriteKey() {
        return clientWriteKey.clone();
    }

    @Override
    public byte[] clientWriteSalt() {
        return clientWriteSalt.clone();
    }

    @Override
    public byte[] serverWriteKey() {
        return serverWriteKey.clone();
    }

    @Override
    public byte[] serverWriteSalt() {
        return serverWriteSalt.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SrtpKeyMaterial other && profile == other.profile
                && Arrays.equals(clientWriteKey, other.clientWriteKey)
                && Arrays.equals(clientWriteSalt, other.clientWriteSalt)
                && Arrays.equals(serverWriteKey, other.serverWriteKey)
                && Arrays.equals(serverWriteSalt, other.serverWriteSalt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(profile, Arrays.hashCode(clientWriteKey), Arrays.hashCode(serverWriteKey));
    }

    @Override
    public String toString() {
        return "SrtpKeyMaterial[" + profile + ", keys redacted]";
    }

    private static byte[] checked(byte[] value, int lengthBytes, String name) {
        Objects.requireNonNull(value, name);
        if (value.length != lengthBytes) {
            throw new IllegalArgumentException(name + " must be " + lengthBytes + " bytes, got " + value.length);
        }
        return value.clone();
    }
}
