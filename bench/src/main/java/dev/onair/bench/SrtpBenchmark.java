package dev.onair.bench;

import dev.onair.transport.dtls.DtlsRole;
import dev.onair.transport.srtp.SrtpBackend;
import dev.onair.transport.srtp.SrtpKeyMaterial;
import dev.onair.transport.srtp.SrtpProfile;
import dev.onair.transport.srtp.SrtpSession;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * SRTP protect and unprotect of one 1200-byte RTP packet (12-byte header + 1188-byte payload) per operation, for
 * each {@link SrtpBackend} and {@link SrtpProfile}. Both operations start with a 1.2 kB {@code arraycopy} of a
 * prepared packet into the work buffer (a few tens of ns, the same for every case): protect needs a fresh sequence
 * number per call (sessions refuse to protect an index twice), unprotect needs a not-yet-seen SRTP packet (the
 * replay check would otherwise short-cut). Unprotect cycles through {@value #RING} packets protected in setup and
 * starts a new receiving session each time the ring wraps (amortised over {@value #RING} operations).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SrtpBenchmark {
    static final int RING = 4096;
    private static final int PACKET_BYTES = 1200;
    private static final int SSRC = 0x1234_5678;

    @Param({"JITSI", "JCE"})
    public SrtpBackend backend;

    @Param({"AES128_CM_HMAC_SHA1_80", "AEAD_AES_128_GCM"})
    public SrtpProfile profile;

    private SrtpKeyMaterial keys;
    private SrtpSession sender;
    private SrtpSession receiver;
    private final byte[] plain = new byte[PACKET_BYTES];
    private final byte[] work = new byte[PACKET_BYTES + SrtpSession.MAX_OVERHEAD];
    private byte[][] protectedRing;
    private int protectedLength;
    private int sendSeq;
    private int ringIndex;

    @Setup
    public void setUp() {
        byte[] key = new byte[profile.keyLengthBytes()];
        byte[] salt = new byte[profile.saltLengthBytes()];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (31 * i + 7);
        }
        for (int i = 0; i < salt.length; i++) {
            salt[i] = (byte) (17 * i + 3);
        }
        keys = new SrtpKeyMaterial(profile, key, salt, key.clone(), salt.clone());
        sender = SrtpSession.create(keys, DtlsRole.CLIENT, backend);
        receiver = SrtpSession.create(keys, DtlsRole.SERVER, backend);

        plain[0] = (byte) 0x80; // V=2
        plain[1] = 96; // PT=96
        plain[8] = (byte) (SSRC >>> 24);
        plain[9] = (byte) (SSRC >>> 16);
        plain[10] = (byte) (SSRC >>> 8);
        plain[11] = (byte) SSRC;
        for (int i = 12; i < PACKET_BYTES; i++) {
            plain[i] = (byte) i;
        }

        SrtpSession ringSender = SrtpSession.create(keys, DtlsRole.SERVER, backend);
        protectedRing = new byte[RING][];
        for (int seq = 0; seq < RING; seq++) {
            byte[] buf = new byte[PACKET_BYTES + SrtpSession.MAX_OVERHEAD];
            System.arraycopy(plain, 0, buf, 0, PACKET_BYTES);
            buf[2] = (byte) (seq >>> 8);
            buf[3] = (byte) seq;
            protectedLength = ringSender.protectRtp(buf, 0, PACKET_BYTES);
            if (protectedLength < 0) {
                throw new IllegalStateException("setup protect failed: " + protectedLength);
            }
            protectedRing[seq] = buf;
        }
        receiver = SrtpSession.create(keys, DtlsRole.CLIENT, backend);
    }

    @Benchmark
    public int protect() {
        System.arraycopy(plain, 0, work, 0, PACKET_BYTES);
        int seq = sendSeq++;
        work[2] = (byte) (seq >>> 8);
        work[3] = (byte) seq;
        int len = sender.protectRtp(work, 0, PACKET_BYTES);
        if (len < 0) {
            throw new IllegalStateException("protect failed: " + len);
        }
        return len;
    }

    @Benchmark
    public int unprotect() {
        if (ringIndex == RING) {
            ringIndex = 0;
            receiver = SrtpSession.create(keys, DtlsRole.CLIENT, backend);
        }
        System.arraycopy(protectedRing[ringIndex++], 0, work, 0, protectedLength);
        int len = receiver.unprotectRtp(work, 0, protectedLength);
        if (len < 0) {
            throw new IllegalStateException("unprotect failed: " + len);
        }
        return len;
    }
}
