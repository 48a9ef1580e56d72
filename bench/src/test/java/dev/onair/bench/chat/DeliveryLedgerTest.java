package dev.onair.bench.chat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeliveryLedgerTest {
    @Test
    void everyMessageOnceInSeqOrderIsClean() {
        DeliveryLedger l = new DeliveryLedger();
        for (int i = 0; i < 5; i++) {
            l.onMessage(10 + i, i);
        }
        assertThat(l.received()).isEqualTo(5);
        assertThat(l.lost(5)).isZero();
        assertThat(l.duplicates()).isZero();
        assertThat(l.reordered()).isZero();
    }

    @Test
    void aMissingIndexIsLostAndUnsentIndicesAreNot() {
        DeliveryLedger l = new DeliveryLedger();
        l.onMessage(1, 0);
        l.onMessage(3, 2);
        assertThat(l.lost(3)).isEqualTo(1);
        assertThat(l.lost(5)).isEqualTo(3);
        assertThat(l.distinct()).isEqualTo(2);
    }

    @Test
    void aRepeatIsADuplicateAndASeqNotAboveTheLastIsReordered() {
        DeliveryLedger l = new DeliveryLedger();
        l.onMessage(1, 0);
        l.onMessage(3, 2);
        l.onMessage(2, 1); // seq went back: reordered
        l.onMessage(3, 2); // again: a duplicate, and not above the last seq
        l.onMessage(4, 3);
        assertThat(l.received()).isEqualTo(5);
        assertThat(l.duplicates()).isEqualTo(1);
        assertThat(l.reordered()).isEqualTo(2);
        assertThat(l.lost(4)).isZero();
    }
}
