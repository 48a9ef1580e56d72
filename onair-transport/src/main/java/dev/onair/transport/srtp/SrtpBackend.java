package dev.onair.transport.srtp;

/**
 * Which implementation backs an {@link SrtpSession}. Both interoperate (cross-tested byte for byte).
 *
 * <p>{@code dev.onair.bench.SrtpBenchmark}, 1200-byte RTP packet, JDK 17, 2-vCPU dev VM shared with other builds
 * ({@code -f 1 -wi 3 -i 5 -w 1s -r 1s -prof gc}, errors up to ±100%; full table in {@code bench/RESULTS.md}), ns/op
 * and bytes allocated per op, each including a 1.2 kB arraycopy:
 * <pre>
 *                        protect            unprotect
 * JITSI  AES-CM-HMAC80   1887 ns, 104 B     2143 ns,  106 B
 * JITSI  AEAD-AES-GCM    1142 ns,  64 B     1431 ns,   91 B
 * JCE    AES-CM-HMAC80   1407 ns, 152 B     1746 ns,  176 B
 * JCE    AEAD-AES-GCM    1081 ns, 1128 B    1242 ns, 1047 B
 * </pre>
 * Times are within noise of each other on that machine. Allocation: jitsi-srtp allocates an IV spec, an IV copy and
 * the HMAC output per call; the JCE AES-CM path pays only {@code Cipher.init}'s parameter objects and the HMAC digest
 * (it encrypts from a reused copy, since SunJCE copies in-place input itself), while SunJCE's GCM allocates ~1 kB per
 * packet internally. jitsi-srtp drives the system's OpenSSL libcrypto through its bundled JNI glue (Linux and macOS
 * builds in the jar; without libcrypto it falls back to SunJCE). Hence {@link #DEFAULT} = {@link #JITSI}; re-run the
 * benchmark on the production machine type before changing it.
 */
public enum SrtpBackend {
    /** {@code org.jitsi:jitsi-srtp} contexts (the library Jitsi Videobridge uses). */
    JITSI,
    /** {@link JceSrtpSession}: RFC 3711 / RFC 7714 framing over JCE {@code Cipher} and {@code Mac}. */
    JCE;

    /** The backend production uses, chosen from {@code dev.onair.bench.SrtpBenchmark} (numbers above). */
    public static final SrtpBackend DEFAULT = JITSI;
}
