package dev.onair.sfu.simulcast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.protocol.codec.Vp8Descriptor;
import org.junit.jupiter.api.Test;

class Vp8ContinuityTest {
    private final Vp8Descriptor d = new Vp8Descriptor();
    private final Vp8Continuity c = new Vp8Continuity();

    /** Descriptor with I and L; 15-bit picture id when {@code longId}, else 7-bit; one payload byte. */
    private static byte[] payload(int pictureId, boolean longId, int tl0) {
        if (longId) {
            return new byte[] {(byte) 0x90, (byte) 0xC0, (byte) (0x80 | (pictureId >>> 8)), (byte) pictureId,
                (byte) tl0, 0x01};
        }
        return new byte[] {(byte) 0x90, (byte) 0xC0, (byte) (pictureId & 0x7F), (byte) tl0, 0x01};
    }

    private int[] forward(int pictureId, boolean longId, int tl0, long ssrc) {
        byte[] b = payload(pictureId, longId, tl0);
        c.rewrite(b, 0, b.length, ssrc);
        assertThat(d.parse(b, 0, b.length)).isTrue();
        assertThat(d.isLongPictureId()).as("the source's form is kept").isEqualTo(longId);
        return new int[] {d.pictureId(), d.tl0PicIdx()};
    }

    @Test
    void aSwitchContinuesPictureIdAndTl0AtPlusOne() {
        assertThat(forward(500, true, 9, 1)).containsExactly(500, 9);
        assertThat(forward(501, true, 10, 1)).containsExactly(501, 10);
        assertThat(forward(501, true, 10, 1)).as("same frame, same numbers").containsExactly(501, 10);
        assertThat(forward(32_767, true, 255, 2)).containsExactly(502, 11);
        assertThat(forward(0, true, 0, 2)).as("the source wraps").containsExactly(503, 12);
        assertThat(c.lastOutPictureId()).isEqualTo(503);
    }

    @Test
    void sevenBitSourcesWrapAndSwitchInTheFifteenBitSpace() {
        assertThat(forward(200, true, 1, 1)).containsExactly(200, 1);
        // a 7-bit source: 126, 127, 0 (wrap) continue as 201, 202, 203 (written as their low 7 bits)
        assertThat(forward(126, false, 50, 2)).containsExactly(201 & 0x7F, 2);
        assertThat(forward(127, false, 51, 2)).containsExactly(202 & 0x7F, 3);
        assertThat(forward(0, false, 52, 2)).containsExactly(203 & 0x7F, 4);
        assertThat(c.lastOutPictureId()).isEqualTo(203);
        assertThat(forward(7, true, 99, 3)).containsExactly(204, 5);
    }

    @Test
    void resentPacketsGetTheCurrentOffsetsAndUnparsableOnesAreCountedUnchanged() {
        forward(10, true, 1, 1);
        forward(1_000, true, 40, 2); // switch: offset 11 - 1000
        byte[] old = payload(999, true, 39);
        c.rewriteResent(old, 0, old.length);
        d.parse(old, 0, old.length);
        assertThat(d.pictureId()).isEqualTo(10);
        assertThat(d.tl0PicIdx()).isEqualTo(1);
        byte[] bad = {(byte) 0x80};
        c.rewrite(bad, 0, bad.length, 2);
        assertThat(bad).containsExactly((byte) 0x80);
        assertThat(c.malformed()).isEqualTo(1);
    }

    @Test
    void resyncTreatsTheSameSsrcAsANewSource() {
        forward(10, true, 1, 1);
        c.resync();
        assertThat(forward(300, true, 70, 1)).containsExactly(11, 2);
    }

    private void drop(int pictureId, boolean longId, int tl0, long ssrc) {
        byte[] b = payload(pictureId, longId, tl0);
        c.drop(b, 0, b.length, ssrc);
    }

    @Test
    void picturesLeftOutLeaveNoPictureIdGapAndLatePacketsKeepTheirIds() {
        assertThat(forward(32_766, true, 5, 1)).containsExactly(32_766, 5); // T0
        drop(32_767, true, 5, 1); // T2, two packets
        drop(32_767, true, 5, 1);
        assertThat(forward(0, true, 5, 1)).as("T1 follows at +1 across the wrap").containsExactly(32_767, 5);
        drop(1, true, 5, 1); // T2
        // picture 2 is lost upstream; 3 is the next T0
        assertThat(forward(3, true, 6, 1)).containsExactly(1, 6);
        assertThat(forward(2, true, 5, 1)).as("the repair of 2, late: the id it was kept").containsExactly(0, 5);
        assertThat(forward(0, true, 5, 1)).as("a late packet of picture 0").containsExactly(32_767, 5);
        assertThat(c.picturesDropped()).isEqualTo(2);

        byte[] resent = payload(0, true, 5);
        c.rewriteResent(resent, 0, resent.length);
        assertThat(d.parse(resent, 0, resent.length)).isTrue();
        assertThat(d.pictureId()).as("a resend keeps the first id").isEqualTo(32_767);
    }

    @Test
    void droppingSevenBitPicturesAndThenSwitchingSourceStaysConsecutive() {
        assertThat(forward(126, false, 1, 1)).containsExactly(126, 1);
        drop(127, false, 1, 1);
        assertThat(forward(0, false, 1, 1)).containsExactly(127, 1);
        drop(1, false, 1, 1);
        drop(2, false, 1, 1);
        assertThat(forward(3, false, 2, 1)).containsExactly(0, 2); // 7-bit form wraps at 128
        drop(4, false, 2, 9); // another source, not switched to yet: nothing moves
        assertThat(forward(5, false, 3, 1)).containsExactly(2, 3);
        assertThat(forward(700, true, 40, 9)).as("a switch continues at +1 (15-bit space)").containsExactly(131, 4);
    }
}
