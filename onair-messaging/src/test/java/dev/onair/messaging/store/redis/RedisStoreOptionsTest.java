package dev.onair.messaging.store.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onair.messaging.store.HistoryLimits;
import org.junit.jupiter.api.Test;

class RedisStoreOptionsTest {
    @Test
    void aPrefixWithBracesIsRefusedForItWouldBreakTheRoomHashTag() {
        RedisStoreOptions ok = RedisStoreOptions.of("redis://127.0.0.1:6379", HistoryLimits.DEFAULT);
        assertThatThrownBy(() -> ok.withKeyPrefix("a{b}:")).isInstanceOf(IllegalArgumentException.class);
        assertThat(new RedisKeys(ok.keyPrefix()).log("lobby")).isEqualTo("onair:msg:{lobby}:log");
    }

    @Test
    void theTailBlockMustEndBeforeTheCommandTimeout() {
        assertThatThrownBy(() -> new RedisStoreOptions("redis://x", "p:", HistoryLimits.DEFAULT, 0, 5_000, 5_000))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RedisStoreOptions("redis://x", "p:", HistoryLimits.DEFAULT, 0, 0, 5_000))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void idempotencyKeysOfDifferentPairsNeverCollide() {
        RedisKeys keys = new RedisKeys("p:");
        assertThat(keys.idempotency("r", "a:b", "c")).isNotEqualTo(keys.idempotency("r", "a", "b:c"));
    }
}
