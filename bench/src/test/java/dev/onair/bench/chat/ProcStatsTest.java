package dev.onair.bench.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ProcStatsTest {
    @Test
    void cpuTicksAreUtimePlusStimeEvenWithSpacesInTheCommand() {
        String stat = "4242 (java main) S 1 4242 4242 0 -1 4194560 12345 0 0 0 700 150 0 0 20 0 40 0 100 "
                + "5000000000 60000 18446744073709551615";
        assertThat(ProcStats.cpuTicks(stat)).hasValue(850);
        assertThat(ProcStats.cpuTicks("garbage")).isEmpty();
        assertThat(ProcStats.cpuTicks("1 (x) S 1 2")).isEmpty();
    }

    @Test
    void rssAndHeapUsed() {
        assertThat(ProcStats.rssKib("Name:\tjava\nVmPeak:\t  999 kB\nVmRSS:\t  204800 kB\nRssAnon:\t 1 kB\n"))
                .hasValue(204800);
        assertThat(ProcStats.rssKib("Name:\tjava\n")).isEmpty();
        assertThat(ProcStats.heapUsedKib("4242:\n garbage-first heap   total 262144K, used 51234K [0x0, 0x1)\n"
                + "  region size 1024K, 3 young (3072K), 0 survivors (0K)\n")).hasValue(51234);
    }

    @Test
    void cpuPercentIsOfOneCore() {
        // 150 ticks at 100/s = 1.5 s of CPU in 1 s of wall time
        assertThat(ProcStats.cpuPercent(150, 1_000_000_000L, 100)).isCloseTo(150.0, within(1e-9));
        assertThat(ProcStats.cpuPercent(150, 0, 100)).isZero();
    }

    @Test
    void cpuMicrosPerDelivery() {
        // 90 ticks at 100/s = 0.9 s of CPU over 200,000 deliveries = 4.5 µs each
        assertThat(ProcStats.cpuMicrosPer(90, 200_000, 100)).isCloseTo(4.5, within(1e-9));
        assertThat(ProcStats.cpuMicrosPer(90, 0, 100)).isZero();
    }
}
