package dev.onair.protocol.stun;

import static dev.onair.protocol.stun.Rfc5769Vectors.IPV4_RESPONSE;
import static dev.onair.protocol.stun.Rfc5769Vectors.IPV6_RESPONSE;
import static dev.onair.protocol.stun.Rfc5769Vectors.LONG_TERM_REQUEST;
import static dev.onair.protocol.stun.Rfc5769Vectors.REQUEST;
import static dev.onair.protocol.stun.Rfc5769Vectors.SHORT_TERM_KEY;
import static dev.onair.protocol.stun.Rfc5769Vectors.TRANSACTION_ID;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StunRfc5769Test {
    private final StunMessage m = new StunMessage();

    @Test
    void parsesRequestVector() {
        assertThat(m.parse(REQUEST, 0, REQUEST.length)).isTrue();
        assertThat(m.messageClass()).isEqualTo(StunMessageClass.REQUEST);
        assertThat(m.method()).isEqualTo(StunMessage.METHOD_BINDING);
        assertThat(m.transactionIdCopy()).isEqualTo(TRANSACTION_ID);
        assertThat(m.transactionIdOffset()).isEqualTo(8);
        assertThat(m.transactionIdEquals(TRANSACTION_ID, 0)).isTrue();
        assertThat(m.username()).isEqualTo("evtj:h6vY");
        assertThat(m.usernameEquals("evtj:h6vY".getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(m.usernameEquals("evtj:h6v".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(m.priority()).isEqualTo(0x6e0001ffL);
        assertThat(m.has(StunAttribute.ICE_CONTROLLED)).isTrue();
        assertThat(m.iceControlled()).isEqualTo(0x932ff9b151263b36L);
        assertThat(m.has(StunAttribute.ICE_CONTROLLING)).isFalse();
        assertThat(m.hasUseCandidate()).isFalse();
        assertThat(m.unknownRequiredCount()).isZero();
        int sw = m.indexOf(StunAttribute.SOFTWARE);
        assertThat(m.attributeValueOffset(sw)).isEqualTo(24);
        assertThat(m.attributeValueLength(sw)).isEqualTo(16);
        assertThat(StunIntegrity.verifyMessageIntegrity(REQUEST, 0, REQUEST.length, m, SHORT_TERM_KEY)).isTrue();
        assertThat(StunIntegrity.verifyFingerprint(REQUEST, 0, REQUEST.length, m)).isTrue();
    }

    @Test
    void serializingTheParsedRequestGivesTheVector() {
        assertThat(m.parse(REQUEST, 0, REQUEST.length)).isTrue();
        int sw = m.indexOf(StunAttribute.SOFTWARE);
        byte[] built = new StunMessageBuilder()
                .start(m.messageClass(), m.method(), REQUEST, m.transactionIdOffset())
                .paddingByte((byte) 0x20)
                .attribute(StunAttribute.SOFTWARE, REQUEST, m.attributeValueOffset(sw), m.attributeValueLength(sw))
                .priority(m.priority())
                .iceControlled(m.iceControlled())
                .username(m.username())
                .messageIntegrity(SHORT_TERM_KEY)
                .fingerprint()
                .toByteArray();
        assertThat(built).isEqualTo(REQUEST);
    }

    @Test
    void parsesAndBuildsIpv4ResponseVector() throws Exception {
        assertThat(m.parse(IPV4_RESPONSE, 0, IPV4_RESPONSE.length)).isTrue();
        assertThat(m.messageClass()).isEqualTo(StunMessageClass.SUCCESS);
        InetSocketAddress expected = new InetSocketAddress(InetAddress.getByName("192.0.2.1"), 32853);
        assertThat(m.xorMappedAddress()).isEqualTo(expected);
        assertThat(StunIntegrity.verifyMessageIntegrity(IPV4_RESPONSE, 0, IPV4_RESPONSE.length, m, SHORT_TERM_KEY))
                .isTrue();
        assertThat(StunIntegrity.verifyFingerprint(IPV4_RESPONSE, 0, IPV4_RESPONSE.length, m)).isTrue();
        assertThat(successResponse(m.xorMappedAddress())).isEqualTo(IPV4_RESPONSE);
    }

    @Test
    void parsesAndBuildsIpv6ResponseVector() throws Exception {
        assertThat(m.parse(IPV6_RESPONSE, 0, IPV6_RESPONSE.length)).isTrue();
        InetSocketAddress expected = new InetSocketAddress(
                InetAddress.getByName("2001:db8:1234:5678:11:2233:4455:6677"), 32853);
        assertThat(m.xorMappedAddress()).isEqualTo(expected);
        assertThat(StunIntegrity.verifyMessageIntegrity(IPV6_RESPONSE, 0, IPV6_RESPONSE.length, m, SHORT_TERM_KEY))
                .isTrue();
        assertThat(StunIntegrity.verifyFingerprint(IPV6_RESPONSE, 0, IPV6_RESPONSE.length, m)).isTrue();
        assertThat(successResponse(m.xorMappedAddress())).isEqualTo(IPV6_RESPONSE);
    }

    private static byte[] successResponse(InetSocketAddress mapped) {
        return new StunMessageBuilder()
                .start(StunMessageClass.SUCCESS, StunMessage.METHOD_BINDING, TRANSACTION_ID, 0)
                .paddingByte((byte) 0x20)
                .software("test vector")
                .xorMappedAddress(mapped)
                .messageIntegrity(SHORT_TERM_KEY)
                .fingerprint()
                .toByteArray();
    }

    @Test
    void parsesLongTermVectorAndVerifiesItsIntegrity() throws Exception {
        assertThat(m.parse(LONG_TERM_REQUEST, 0, LONG_TERM_REQUEST.length)).isTrue();
        assertThat(m.username()).isEqualTo("\u30DE\u30C8\u30EA\u30C3\u30AF\u30B9");
        assertThat(m.has(StunAttribute.NONCE)).isTrue();
        int realm = m.indexOf(StunAttribute.REALM);
        assertThat(new String(LONG_TERM_REQUEST, m.attributeValueOffset(realm), m.attributeValueLength(realm),
                StandardCharsets.US_ASCII)).isEqualTo("example.org");
        assertThat(m.fingerprintIndex()).isEqualTo(-1);
        assertThat(StunIntegrity.verifyFingerprint(LONG_TERM_REQUEST, 0, LONG_TERM_REQUEST.length, m)).isFalse();
        // Long-term key = MD5(username ":" realm ":" SASLprep(password)); "TheMatrIX" is the prepared password.
        byte[] key = MessageDigest.getInstance("MD5").digest(
                (m.username() + ":example.org:TheMatrIX").getBytes(StandardCharsets.UTF_8));
        assertThat(StunIntegrity.verifyMessageIntegrity(LONG_TERM_REQUEST, 0, LONG_TERM_REQUEST.length, m, key))
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2})
    void integrityFailsWithWrongPassword(int vector) {
        byte[] msg = Rfc5769Vectors.all(vector);
        assertThat(m.parse(msg, 0, msg.length)).isTrue();
        byte[] wrong = "VOkJxbRl1RmTxUk/WvJxBT".getBytes(StandardCharsets.UTF_8);
        assertThat(StunIntegrity.verifyMessageIntegrity(msg, 0, msg.length, m, wrong)).isFalse();
        assertThat(StunIntegrity.verifyMessageIntegrity(msg, 0, msg.length, m, new byte[0])).isFalse();
        assertThat(StunIntegrity.verifyMessageIntegrity(msg, 0, msg.length, m, null)).isFalse();
    }

    /** Flip every bit of the body in turn: MI (bits before FINGERPRINT) or FP (all bits) must fail. */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2})
    void everyFlippedBitIsDetected(int vector) {
        byte[] original = Rfc5769Vectors.all(vector);
        int fpStart = original.length - 8;
        for (int bit = 8 * 20; bit < original.length * 8; bit++) {
            byte[] msg = original.clone();
            msg[bit / 8] ^= (byte) (1 << (bit % 8));
            boolean parsed = m.parse(msg, 0, msg.length);
            boolean miOk = parsed && StunIntegrity.verifyMessageIntegrity(msg, 0, msg.length, m, SHORT_TERM_KEY);
            boolean fpOk = parsed && StunIntegrity.verifyFingerprint(msg, 0, msg.length, m);
            assertThat(miOk && fpOk).as("bit %d", bit).isFalse();
            if (bit / 8 < fpStart - 24 && parsed && m.messageIntegrityIndex() >= 0) {
                assertThat(miOk).as("MI with bit %d flipped", bit).isFalse();
            }
        }
    }

    @Test
    void verifiesAtAnOffsetInsideALargerBuffer() {
        byte[] big = new byte[REQUEST.length + 37];
        System.arraycopy(REQUEST, 0, big, 13, REQUEST.length);
        assertThat(m.parse(big, 13, REQUEST.length)).isTrue();
        assertThat(StunIntegrity.verifyMessageIntegrity(big, 13, REQUEST.length, m, SHORT_TERM_KEY)).isTrue();
        assertThat(StunIntegrity.verifyFingerprint(big, 13, REQUEST.length, m)).isTrue();
        assertThat(m.transactionIdOffset()).isEqualTo(21);
        // A message parsed from another range is refused rather than misread.
        assertThat(StunIntegrity.verifyFingerprint(big, 0, REQUEST.length, m)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3})
    void everyPrefixIsRejectedWithoutException(int vector) {
        byte[] msg = Rfc5769Vectors.all(vector);
        for (int n = 0; n < msg.length; n++) {
            assertThat(m.parse(msg, 0, n)).as("prefix %d", n).isFalse();
            assertThat(m.dropReason()).isIn(StunDrop.TOO_SHORT, StunDrop.BAD_LENGTH);
            assertThat(StunIntegrity.verifyMessageIntegrity(msg, 0, n, m, SHORT_TERM_KEY)).isFalse();
            assertThat(StunIntegrity.verifyFingerprint(msg, 0, n, m)).isFalse();
        }
        assertThat(m.parse(msg, 0, msg.length)).isTrue();
    }
}
