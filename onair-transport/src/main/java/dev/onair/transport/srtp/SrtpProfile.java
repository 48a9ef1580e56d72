package dev.onair.transport.srtp;

/**
 * The DTLS-SRTP protection profiles we negotiate (RFC 5764 §4.1.2, RFC 7714 §14.2), with the master key, master
 * salt and authentication tag lengths that the keying-material split (RFC 5764 §4.2) and the packet framing use.
 */
public enum SrtpProfile {
    /** SRTP_AES128_CM_HMAC_SHA1_80: AES-128 counter mode, HMAC-SHA1 tag truncated to 80 bits (RFC 5764 §4.1.2). */
    AES128_CM_HMAC_SHA1_80(0x0001, 16, 14, 10),
    /** SRTP_AEAD_AES_128_GCM: AES-128 GCM with a 16-byte tag and a 12-byte salt (RFC 7714 §14.2). */
    AEAD_AES_128_GCM(0x0007, 16, 12, 16);

    private final int id;
    private final int keyLengthBytes;
    private final int saltLengthBytes;
    private final int authTagLengthBytes;

    SrtpProfile(int id, int keyLengthBytes, int saltLengthBytes, int authTagLengthBytes) {
        this.id = id;
        this.keyLengthBytes = keyLengthBytes;
        this.saltLengthBytes = saltLengthBytes;
        this.authTagLengthBytes = authTagLengthBytes;
    }

    /** The two-byte SRTPProtectionProfile value carried in the {@code use_srtp} extension. */
    public int id() {
        return id;
    }

    public int keyLengthBytes() {
        return keyLengthBytes;
    }

    public int saltLengthBytes() {
        return saltLengthBytes;
    }

    public int authTagLengthBytes() {
        return authTagLengthBytes;
    }

    /** Bytes of DTLS exporter output this profile needs: {@code 2 * (key + salt)} (RFC 5764 §4.2). */
    public int keyingMaterialLengthBytes() {
        return 2 * (keyLengthBytes + saltLengthBytes);
    }

    /** The profile with this {@code use_srtp} id, or null if we do not support it. */
    public static SrtpProfile fromId(int id) {
        for (SrtpProfile p : values()) {
            if (p.id == id) {
                return p;
            }
        }
        return null;
    }
}
