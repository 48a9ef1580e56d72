package dev.onair.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.protocol.codec.KeyframeDetector;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class VideoPayloadWriterTest {
    /** First packet of a VP8 key frame, picture id 0x1234: descriptor and frame header. */
    static final byte[] VP8_KEY_START = {
        (byte) 0x90,                   // X=1, R=0, N=0, S=1, R=0, PID=0
        (byte) 0x80,                   // I=1, L=0, T=0, K=0
        (byte) 0x92, 0x34,             // M=1, PictureID=0x1234 (15 bits)
        (byte) 0x90, 0x0C, 0x00,       // frame tag LE: P=0 (key), version 0, show_frame=1, first_part_size=100
        (byte) 0x9D, 0x01, 0x2A,       // start code
        (byte) 0x80, 0x02,             // width 640 (LE)
        (byte) 0xE0, 0x01,             // height 480 (LE)
    };
    /** First packet of a VP8 delta frame. */
    static final byte[] VP8_DELTA_START = {
        (byte) 0x90,                   // X=1, S=1, PID=0
        (byte) 0x80,                   // I=1
        (byte) 0x80, 0x07,             // M=1, PictureID=7
        (byte) 0x91, 0x0C, 0x00,       // frame tag: P=1 (inter frame), show_frame=1, first_part_size=100
    };
    /** A middle VP8 packet: S=0. */
    static final byte[] VP8_CONTINUATION = {
        (byte) 0x80,                   // X=1, S=0, PID=0
        (byte) 0x80,                   // I=1
        (byte) 0x80, 0x07,             // M=1, PictureID=7
    };
    /** First H.264 FU-A fragment of an IDR slice. */
    static final byte[] H264_IDR_FIRST = {
        0x7C,                          // FU indicator: F=0, NRI=3, type 28 (FU-A)
        (byte) 0x85,                   // FU header: S=1, E=0, R=0, type 5 (IDR)
    };
    /** Last H.264 FU-A fragment of an IDR slice. */
    static final byte[] H264_IDR_LAST = {
        0x7C,                          // FU indicator: F=0, NRI=3, type 28
        0x45,                          // FU header: S=0, E=1, type 5
    };

    @Test
    void vp8KeyFrameStartIsByteExactAndDetectedAsAKeyFrame() {
        byte[] p = write(VideoCodec.VP8, true, 0, 3, 0x1234);
        assertThat(Arrays.copyOf(p, VP8_KEY_START.length)).containsExactly(VP8_KEY_START);
        assertThat(KeyframeDetector.isVp8KeyframeStart(p, 0, p.length)).isTrue();
    }

    @Test
    void vp8DeltaAndContinuationPacketsAreNotKeyFrameStarts() {
        byte[] delta = write(VideoCodec.VP8, false, 0, 1, 7);
        assertThat(Arrays.copyOf(delta, VP8_DELTA_START.length)).containsExactly(VP8_DELTA_START);
        assertThat(KeyframeDetector.isVp8KeyframeStart(delta, 0, delta.length)).isFalse();
        byte[] middle = write(VideoCodec.VP8, true, 1, 3, 7);
        assertThat(Arrays.copyOf(middle, VP8_CONTINUATION.length)).containsExactly(VP8_CONTINUATION);
        assertThat(KeyframeDetector.isVp8KeyframeStart(middle, 0, middle.length)).isFalse();
    }

    @Test
    void h264FragmentsCarryStartAndEndBits() {
        byte[] first = write(VideoCodec.H264, true, 0, 3, 0);
        byte[] last = write(VideoCodec.H264, true, 2, 3, 0);
        assertThat(Arrays.copyOf(first, 2)).containsExactly(H264_IDR_FIRST);
        assertThat(Arrays.copyOf(last, 2)).containsExactly(H264_IDR_LAST);
        assertThat(KeyframeDetector.isH264KeyframeStart(first, 0, first.length)).isTrue();
        assertThat(KeyframeDetector.isH264KeyframeStart(last, 0, last.length)).isFalse();
        byte[] single = write(VideoCodec.H264, false, 0, 1, 0);
        assertThat(single[0]).isEqualTo((byte) 0x61); // NRI=3, type 1 (non-IDR slice)
        assertThat(KeyframeDetector.isH264KeyframeStart(single, 0, single.length)).isFalse();
    }

    @Test
    void everyPrefixOfEveryVectorIsHandledByTheDetectorWithoutAnException() {
        for (byte[] v : new byte[][] {VP8_KEY_START, VP8_DELTA_START, VP8_CONTINUATION}) {
            for (int len = 0; len <= v.length; len++) {
                boolean key = KeyframeDetector.isVp8KeyframeStart(v, 0, len);
                assertThat(key).isEqualTo(v == VP8_KEY_START && len >= 5);
            }
        }
        for (byte[] v : new byte[][] {H264_IDR_FIRST, H264_IDR_LAST}) {
            for (int len = 0; len <= v.length; len++) {
                KeyframeDetector.isH264KeyframeStart(v, 0, len);
            }
        }
    }

    private static byte[] write(VideoCodec codec, boolean key, int index, int count, int pictureId) {
        byte[] buf = new byte[100];
        assertThat(VideoPayloadWriter.write(codec, buf, 0, key, index, count, pictureId, 100)).isEqualTo(100);
        return buf;
    }
}
