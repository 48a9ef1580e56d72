package dev.onair.bench.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResultTableTest {
    private static ScenarioResult row(long lost, double p99) {
        return new ScenarioResult("one-room", 1000, 1, 200, 30, 6000, 6_000_000, 6_000_000 - lost, lost, 0, 0, 3.2,
                p99, 150.0, 120.5, 400.0, 1.25, 2.5, "none");
    }

    @Test
    void loadTableHasOneRowPerScenario() {
        String t = ResultTable.load(List.of(row(0, 42.0)));
        assertThat(t.lines()).hasSize(3);
        assertThat(t).contains("| one-room | 1000 | 1 | 200 | 30 | 6000 | 6000000 / 6000000 | 0 | 0 | 0 | 3.2 | 42.0 |")
                .contains("| 1.25 | 2.50 | none |");
    }

    @Test
    void targetsSayMetOrMissed() {
        assertThat(ResultTable.targets(List.of(row(0, 42.0)), null))
                .isEqualTo("one-room: 0 lost / 0 dup / 0 reordered MET; p99 42.0 ms ≤ 100 ms MET\n");
        assertThat(ResultTable.targets(List.of(row(3, 142.0)), null))
                .contains("reordered MISSED").contains("p99 142.0 ms ≤ 100 ms MISSED");
    }

    @Test
    void idleMemoryIsOffHeapPlusHeapPerConnection() {
        IdleResult idle = new IdleResult(1000, 300_000, 305_000, 20_000, 30_000, "none"); // 5 + 10 KiB a connection
        assertThat(idle.perConnectionKib()).isEqualTo(15.0);
        assertThat(ResultTable.targets(List.of(), idle)).isEqualTo("idle: memory per connection 15.0 KiB ≤ 20 KiB MET\n");
        assertThat(new IdleResult(1000, 305_000, 300_000, 20_000, 30_000, "none").perConnectionKib())
                .as("RSS that shrank counts as no off-heap cost").isEqualTo(10.0);
        assertThat(ResultTable.idle(idle)).contains("| 1000 | 293.0 → 297.9 | 5.0 | 19.5 → 29.3 | 10.0 | 15.0 | none |");
    }
}
