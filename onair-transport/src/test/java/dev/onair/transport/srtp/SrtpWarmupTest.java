package dev.onair.transport.srtp;

import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

class SrtpWarmupTest {
    @Test
    void everyBackendPassesItsSelfCheckForEveryProfile() {
        for (SrtpBackend backend : SrtpBackend.values()) {
            assertThatCode(() -> SrtpWarmup.warm(backend)).as(backend.name()).doesNotThrowAnyException();
        }
    }
}
