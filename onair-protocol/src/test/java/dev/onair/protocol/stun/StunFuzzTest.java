package dev.onair.protocol.stun;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Jazzer targets for the STUN parser and the integrity checks. In the normal build they replay the seeds under
 * {@code StunFuzzTestInputs/<method>/}; with {@code JAZZER_FUZZ=1} they fuzz.
 */
class StunFuzzTest {
    private final StunMessage m = new StunMessage();

    @FuzzTest
    void parse(byte[] data) {
        boolean ok = m.parse(data, 0, data.length);
        assertThat(ok).isEqualTo(m.dropReason() == null);
        if (ok) {
            // Every accessor must be safe on any accepted message.
            m.username();
            m.priority();
            m.iceControlling();
            m.errorCode();
            m.errorReason();
            m.xorMappedAddress();
            for (int i = 0; i < m.attributeCount(); i++) {
                assertThat(m.attributeValueOffset(i) + m.attributeValueLength(i)).isLessThanOrEqualTo(data.length);
            }
        }
        if (m.hasHeader()) {
            assertThat(m.transactionIdCopy()).hasSize(StunMessage.TRANSACTION_ID_BYTES);
        }
    }

    @FuzzTest
    void verify(FuzzedDataProvider in) {
        byte[] key = in.consumeBytes(in.consumeInt(0, 64));
        int off = in.consumeInt(0, 8);
        byte[] data = in.consumeRemainingAsBytes();
        int len = Math.max(0, data.length - off);
        boolean parsed = m.parse(data, Math.min(off, data.length), len);
        boolean mi = StunIntegrity.verifyMessageIntegrity(data, Math.min(off, data.length), len, m, key);
        boolean fp = StunIntegrity.verifyFingerprint(data, Math.min(off, data.length), len, m);
        if (!parsed) {
            assertThat(mi || fp).isFalse();
        }
    }
}
