package dev.onair.transport.peer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EarlySrtpBufferTest {

    @Test
    void holdsCopiesInOrderReplaysOnceAndIsBounded() {
        EarlySrtpBuffer b = new EarlySrtpBuffer();
        byte[] scratch = {1, 2, 3};
        assertThat(b.offer(scratch, 2, false, 10)).isTrue();
        scratch[0] = 9; // the scratch buffer is reused by the socket: the held copy must not change
        assertThat(b.offer(scratch, 3, true, 11)).isTrue();
        for (int i = 2; i < EarlySrtpBuffer.MAX_PACKETS; i++) {
            assertThat(b.offer(scratch, 1, false, 12)).isTrue();
        }
        assertThat(b.offer(scratch, 1, false, 13)).as("bounded").isFalse();

        List<String> seen = new ArrayList<>();
        b.replay((buf, len, rtcp, at) -> seen.add(buf[0] + "/" + len + "/" + rtcp + "/" + at));
        assertThat(seen).hasSize(EarlySrtpBuffer.MAX_PACKETS);
        assertThat(seen.subList(0, 2)).containsExactly("1/2/false/10", "9/3/true/11");

        assertThat(b.offer(scratch, 1, false, 14)).as("nothing is held after the replay").isFalse();
        List<String> again = new ArrayList<>();
        b.replay((buf, len, rtcp, at) -> again.add("x"));
        assertThat(again).isEmpty();
    }
}
