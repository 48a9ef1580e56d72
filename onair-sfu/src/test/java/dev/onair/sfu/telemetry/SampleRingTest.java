package dev.onair.sfu.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SampleRingTest {

    @Test
    void keepsTheLastCapacityValuesOldestFirst() {
        SampleRing<Integer> ring = new SampleRing<>(3);
        assertThat(ring.toList()).isEmpty();
        assertThat(ring.last()).isNull();
        for (int i = 1; i <= 7; i++) {
            ring.add(i);
        }
        assertThat(ring.size()).isEqualTo(3);
        assertThat(ring.toList()).containsExactly(5, 6, 7);
        assertThat(ring.last()).isEqualTo(7);
    }

    @Test
    void partlyFilledRingListsWhatItHas() {
        SampleRing<String> ring = new SampleRing<>(4);
        ring.add("a");
        ring.add("b");
        assertThat(ring.toList()).containsExactly("a", "b");
    }

    @Test
    void rejectsAnEmptyCapacity() {
        assertThatThrownBy(() -> new SampleRing<>(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
