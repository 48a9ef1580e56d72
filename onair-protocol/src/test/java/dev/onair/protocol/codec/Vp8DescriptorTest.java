package dev.onair.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Vp8DescriptorTest {
    private final Vp8Descriptor d = new Vp8Descriptor();

    /** X=1 S=1 PID=0; I with 15-bit id 0x1234; L TL0PICIDX 7; T TID 2 Y=1; key frame 640x360. */
    private static byte[] fullKeyframe() {
        return new byte[] {(byte) 0x90, (byte) 0xE0, (byte) 0x92, 0x34, 7, (byte) 0xA0,
            0x10, 0x02, 0x00, (byte) 0x9D, 0x01, 0x2A, (byte) 0x80, 0x02, 0x68, 0x01, 0x55};
    }

    @Test
    void parsesEveryFieldAndTheKeyframeSize() {
        byte[] b = fullKeyframe();
        assertThat(d.parse(b, 0, b.length)).isTrue();
        assertThat(d.headerLength()).isEqualTo(6);
        assertThat(d.isStart()).isTrue();
        assertThat(d.pictureId()).isEqualTo(0x1234);
        assertThat(d.isLongPictureId()).isTrue();
        assertThat(d.pictureIdOffset()).isEqualTo(2);
        assertThat(d.tl0PicIdx()).isEqualTo(7);
        assertThat(d.tl0PicIdxOffset()).isEqualTo(4);
        assertThat(d.hasTid()).isTrue();
        assertThat(d.tid()).isEqualTo(2);
        assertThat(d.isLayerSync()).isTrue();
        assertThat(d.isKeyframeStart()).isTrue();
        assertThat(d.frameWidth()).isEqualTo(640);
        assertThat(d.frameHeight()).isEqualTo(360);
    }

    @Test
    void shortPictureIdAndADeltaFrameHaveNoSize() {
        byte[] b = {(byte) 0x90, (byte) 0x80, 0x45, 0x01, 0x00, 0x00};
        assertThat(d.parse(b, 0, b.length)).isTrue();
        assertThat(d.pictureId()).isEqualTo(0x45);
        assertThat(d.isLongPictureId()).isFalse();
        assertThat(d.hasTl0PicIdx()).isFalse();
        assertThat(d.isKeyframeStart()).isFalse();
        assertThat(d.frameWidth()).isEqualTo(-1);
    }

    @Test
    void writesPictureIdAndTl0InTheSourceForm() {
        byte[] b = fullKeyframe();
        d.parse(b, 0, b.length);
        Vp8Descriptor.writePictureId(b, d.pictureIdOffset(), true, 0x7FFE);
        Vp8Descriptor.writeTl0PicIdx(b, d.tl0PicIdxOffset(), 200);
        assertThat(d.parse(b, 0, b.length)).isTrue();
        assertThat(d.pictureId()).isEqualTo(0x7FFE);
        assertThat(d.tl0PicIdx()).isEqualTo(200);
        byte[] s = {(byte) 0x90, (byte) 0x80, 0x45, 0x01};
        d.parse(s, 0, s.length);
        Vp8Descriptor.writePictureId(s, d.pictureIdOffset(), false, 0x1FF);
        assertThat(d.parse(s, 0, s.length)).isTrue();
        assertThat(d.pictureId()).isEqualTo(0x7F);
        assertThat(d.isLongPictureId()).isFalse();
    }

    @Test
    void truncatedAndOutOfBoundsAreReportedNotThrown() {
        byte[] b = fullKeyframe();
        for (int len = 1; len <= 6; len++) {
            assertThat(d.parse(b, 0, len)).as("len %d", len).isFalse();
            assertThat(d.dropReason()).isEqualTo(Vp8Drop.TRUNCATED);
        }
        assertThat(d.parse(b, 0, 0)).isFalse();
        assertThat(d.dropReason()).isEqualTo(Vp8Drop.OUT_OF_BOUNDS);
        assertThat(d.parse(b, 5, b.length)).isFalse();
        assertThat(d.dropReason()).isEqualTo(Vp8Drop.OUT_OF_BOUNDS);
        assertThat(d.parse(b, 0, 7)).isTrue();
        assertThat(d.frameWidth()).as("key frame header cut short").isEqualTo(-1);
    }

    @Test
    void randomBytesNeverThrowAndOffsetsStayInside() {
        SplittableRandom rnd = new SplittableRandom(7741);
        for (int i = 0; i < 200_000; i++) {
            byte[] b = new byte[rnd.nextInt(0, 24)];
            for (int j = 0; j < b.length; j++) {
                b[j] = (byte) rnd.nextInt(256);
            }
            int off = rnd.nextInt(0, 4);
            int len = rnd.nextInt(-2, 26);
            if (d.parse(b, off, len)) {
                assertThat(d.headerLength()).isBetween(1, len - 1);
                if (d.hasPictureId()) {
                    assertThat(d.pictureIdOffset() + (d.isLongPictureId() ? 1 : 0)).isLessThan(off + len);
                }
                if (d.hasTl0PicIdx()) {
                    assertThat(d.tl0PicIdxOffset()).isLessThan(off + len);
                }
            } else {
                assertThat(d.dropReason()).isNotNull();
            }
        }
    }
}
