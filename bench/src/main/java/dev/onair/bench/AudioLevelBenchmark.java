package dev.onair.bench;

import dev.onair.sfu.negotiation.MediaKind;
import dev.onair.sfu.track.PacketContext;
import dev.onair.sfu.track.PublishedTrack;
import dev.onair.sfu.track.TrackCodec;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One Opus packet with an RFC 6464 audio level through {@link PublishedTrack#onRtp} (no sinks): parse, receive
 * statistics and the audio level meter. Run with {@code -prof gc}: {@code gc.alloc.rate.norm} should be 0.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class AudioLevelBenchmark {
    private static final String AUDIO_LEVEL_URI = "urn:ietf:params:rtp-hdrext:ssrc-audio-level";
    private static final int LEVEL_ID = 1;
    private final byte[] packet = new byte[12 + 8 + 60];
    private final PacketContext ctx = new PacketContext();
    private PublishedTrack track;
    private int seq;

    @Setup
    public void setUp() {
        track = new PublishedTrack("publisher/0", "0", MediaKind.AUDIO, List.of(new TrackCodec("OPUS", 111, 48_000)),
                Map.of(AUDIO_LEVEL_URI, LEVEL_ID), (t, l) -> { });
        packet[0] = (byte) 0x90; // V=2, X=1
        packet[1] = 111; // PT
        packet[8] = 0x12; // SSRC
        packet[12] = (byte) 0xBE; // one-byte extension profile
        packet[13] = (byte) 0xDE;
        packet[15] = 1; // 1 word
        packet[16] = (byte) (LEVEL_ID << 4); // ID 1, L=0
    }

    @Benchmark
    public long onRtp() {
        int s = seq++;
        packet[2] = (byte) (s >>> 8);
        packet[3] = (byte) s;
        long ts = s * 960L;
        packet[4] = (byte) (ts >>> 24);
        packet[5] = (byte) (ts >>> 16);
        packet[6] = (byte) (ts >>> 8);
        packet[7] = (byte) ts;
        packet[17] = (byte) (0x80 | (s & 0x3F)); // V=1, level 0..63
        ctx.reset(packet, 0, packet.length, s * 20_000_000L);
        ctx.header.parse(packet, 0, packet.length);
        track.onRtp(ctx);
        return track.audioLevel().levels();
    }
}
