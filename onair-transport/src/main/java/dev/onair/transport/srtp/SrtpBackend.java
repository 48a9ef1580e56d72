package dev.onair.transport.srtp;

/**
 * Which implementation backs an {@link SrtpSession}. Both interoperate (cross-tested byte for byte).
 *
 * <p>{@code dev.onair.bench.SrtpBenchmark}, 1200-byte RTP packet, JDK 17, 2-vCPU dev VM shared with other builds
 * (so the ± errors were large, up to ±100%; two runs, {@code -f 1 -wi 3 -i 5 -w 2s -r 2s -prof gc}), ns/op and
 * bytes allocated per op, each including a 1.2 kB arraycopy:
 * <pre>
 *                        protect            unprotect
 * JITSI  AES-CM-HMAC80   2164 ns, 120 B     2094 ns, 122 B
 * JITSI  AEAD-AES-GCM    1940 ns,  88 B     1619 ns,  91 B
 * JCE    AES-CM-HMAC80   2562 ns, 1360 B    2200 ns, 1382 B
 * JCE    AEAD-AES-GCM    2043 ns, 1128 B    2995 ns, 1158 B
 * </pre>
 * Times are within noise of each other on that machine (the shorter {@code -wi 2 -i 3 -w 1s -r 1s} run had JCE
 * ahead for protect, JITSI for unprotect); allocation is not: the JCE path pays a {@code Cipher.init} per packet
 * (~1.1-1.4 kB of garbage), while jitsi-srtp drives the system's OpenSSL libcrypto through its bundled JNI glue
 * (Linux and macOS builds in the jar; without libcrypto it falls back to SunJCE). Hence {@link #DEFAULT} =
 * {@link #JITSI}; re-run the benchmark on the production machine type before changing it.
 */
public enum SrtpBackend {
    /** {@code org.jitsi:jitsi-srtp} contexts (the library Jitsi Videobridge uses). */
    JITSI,
    /** {@link JceSrtpSession}: RFC 3711 / RFC 7714 framing over JCE {@code Cipher} and {@code Mac}. */
    JCE;

    /** The backend production uses, chosen from {@code dev.onair.bench.SrtpBenchmark} (numbers above). */
    public static final SrtpBackend DEFAULT = JITSI;
}
