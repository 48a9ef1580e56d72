package dev.onair.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SsrcTableTest {

    @Test
    void isBoundedAndRefusesNewSsrcsWhenFull() {
        SsrcTable<String> table = new SsrcTable<>(2);
        assertThat(table.put(1, "a")).isTrue();
        assertThat(table.put(2, "b")).isTrue();
        assertThat(table.isFull()).isTrue();
        assertThat(table.put(3, "c")).isFalse();
        assertThat(table.get(1)).isEqualTo("a");
        assertThat(table.get(2)).isEqualTo("b");
        assertThat(table.get(3)).isNull();
        assertThat(table.size()).isEqualTo(2);
    }

    @Test
    void putReplacesAnExistingSsrcEvenWhenFull() {
        SsrcTable<String> table = new SsrcTable<>(2);
        table.put(0xFFFF_FFFF, "high"); // the full 32-bit range fits in an int
        table.put(7, "x");
        assertThat(table.put(7, "y")).isTrue();
        assertThat(table.get(7)).isEqualTo("y");
        assertThat(table.get((int) 0xFFFF_FFFFL)).isEqualTo("high");
        assertThat(table.size()).isEqualTo(2);
    }
}
