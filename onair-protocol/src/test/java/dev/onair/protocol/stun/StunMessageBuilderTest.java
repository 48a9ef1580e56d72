package dev.onair.protocol.stun;

import static dev.onair.protocol.stun.Rfc5769Vectors.SHORT_TERM_KEY;
import static dev.onair.protocol.stun.Rfc5769Vectors.TRANSACTION_ID;
import static dev.onair.protocol.stun.Rfc5769Vectors.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class StunMessageBuilderTest {
    private final StunMessageBuilder b = new StunMessageBuilder();
    private final StunMessage m = new StunMessage();

    @Test
    void messageTypesInterleaveClassBits() {
        assertThat(StunMessageBuilder.messageType(StunMessageClass.REQUEST, 1)).isEqualTo(0x0001);
        assertThat(StunMessageBuilder.messageType(StunMessageClass.INDICATION, 1)).isEqualTo(0x0011);
        assertThat(StunMessageBuilder.messageType(StunMessageClass.SUCCESS, 1)).isEqualTo(0x0101);
        assertThat(StunMessageBuilder.messageType(StunMessageClass.ERROR, 1)).isEqualTo(0x0111);
        assertThat(StunMessageBuilder.messageType(StunMessageClass.ERROR, 0xFFF)).isEqualTo(0x3FFF);
    }

    @Test
    void unauthorizedErrorResponseIsByteExact() {
        byte[] expected = bytes(
                0x01, 0x11, 0x00, 0x1c, // Binding error response, length 28
                0x21, 0x12, 0xa4, 0x42, // magic cookie
                0xb7, 0xe7, 0xa7, 0x01, // transaction id (1/3)
                0xbc, 0x34, 0xd6, 0x86, // transaction id (2/3)
                0xfa, 0x87, 0xdf, 0xae, // transaction id (3/3)
                0x00, 0x09, 0x00, 0x10, // ERROR-CODE, length 16
                0x00, 0x00, 0x04, 0x01, // reserved, class 4, number 1
                'U', 'n', 'a', 'u', // reason (1/3)
                't', 'h', 'o', 'r', // reason (2/3)
                'i', 'z', 'e', 'd', // reason (3/3)
                0x80, 0x28, 0x00, 0x04, // FINGERPRINT, length 4
                0, 0, 0, 0); // CRC, filled below from the bytes before it
        int crc = StunIntegrity.fingerprint(expected, 0, expected.length - 8);
        expected[expected.length - 4] = (byte) (crc >>> 24);
        expected[expected.length - 3] = (byte) (crc >>> 16);
        expected[expected.length - 2] = (byte) (crc >>> 8);
        expected[expected.length - 1] = (byte) crc;
        byte[] built = b.start(StunMessageClass.ERROR, StunMessage.METHOD_BINDING, TRANSACTION_ID, 0)
                .errorCode(StunErrorCode.UNAUTHORIZED, StunErrorCode.reason(StunErrorCode.UNAUTHORIZED))
                .fingerprint().toByteArray();
        assertThat(built).isEqualTo(expected);
        assertThat(m.parse(built, 0, built.length)).isTrue();
        assertThat(m.messageClass()).isEqualTo(StunMessageClass.ERROR);
        assertThat(m.errorCode()).isEqualTo(401);
        assertThat(StunIntegrity.verifyFingerprint(built, 0, built.length, m)).isTrue();
        byte[] rebuilt = new StunMessageBuilder().start(m.messageClass(), m.method(), built, 8)
                .errorCode(m.errorCode(), m.errorReason()).fingerprint().toByteArray();
        assertThat(rebuilt).isEqualTo(expected);
        for (int n = 0; n < expected.length; n++) {
            assertThat(m.parse(expected, 0, n)).as("prefix %d", n).isFalse();
        }
    }

    @Test
    void unknownAttributesResponseRoundTrips() {
        byte[] built = b.start(StunMessageClass.ERROR, StunMessage.METHOD_BINDING, TRANSACTION_ID, 0)
                .errorCode(420, "Unknown Attribute")
                .unknownAttributes(new int[] {0x7f01, 0x001c, 0x0003}, 3)
                .messageIntegrity(SHORT_TERM_KEY).fingerprint().toByteArray();
        assertThat(m.parse(built, 0, built.length)).isTrue();
        assertThat(m.errorCode()).isEqualTo(420);
        assertThat(m.errorReason()).isEqualTo("Unknown Attribute");
        int ua = m.indexOf(StunAttribute.UNKNOWN_ATTRIBUTES);
        assertThat(m.attributeValueLength(ua)).isEqualTo(6);
        int v = m.attributeValueOffset(ua);
        assertThat(new byte[] {built[v], built[v + 1], built[v + 4], built[v + 5], built[v + 6], built[v + 7]})
                .isEqualTo(bytes(0x7f, 0x01, 0x00, 0x03, 0, 0)); // first type, third type, zero padding
        assertThat(StunIntegrity.verifyMessageIntegrity(built, 0, built.length, m, SHORT_TERM_KEY)).isTrue();
    }

    @Test
    void roleConflictAndBindingRequestRoundTrip() throws Exception {
        byte[] err = b.start(StunMessageClass.ERROR, 1, TRANSACTION_ID, 0).errorCode(487, "Role Conflict")
                .toByteArray();
        assertThat(m.parse(err, 0, err.length)).isTrue();
        assertThat(m.errorCode()).isEqualTo(StunErrorCode.ROLE_CONFLICT);

        byte[] req = b.start(StunMessageClass.REQUEST, 1, TRANSACTION_ID, 0).username("abcd:efgh")
                .priority(0xFFFF_FFFFL).iceControlling(-2L).useCandidate()
                .messageIntegrity(SHORT_TERM_KEY).fingerprint().toByteArray();
        assertThat(m.parse(req, 0, req.length)).isTrue();
        assertThat(m.username()).isEqualTo("abcd:efgh");
        assertThat(m.priority()).isEqualTo(0xFFFF_FFFFL);
        assertThat(m.iceControlling()).isEqualTo(-2L);
        assertThat(m.hasUseCandidate()).isTrue();
        assertThat(StunIntegrity.verifyMessageIntegrity(req, 0, req.length, m, SHORT_TERM_KEY)).isTrue();
        assertThat(StunIntegrity.verifyFingerprint(req, 0, req.length, m)).isTrue();

        InetSocketAddress v6 = new InetSocketAddress(InetAddress.getByName("::1"), 1);
        byte[] ok = b.start(StunMessageClass.SUCCESS, 1, TRANSACTION_ID, 0).xorMappedAddress(v6).toByteArray();
        assertThat(m.parse(ok, 0, ok.length)).isTrue();
        assertThat(m.xorMappedAddress()).isEqualTo(v6);
    }

    @Test
    void writesIntoACallerBuffer() {
        b.start(StunMessageClass.INDICATION, 1, TRANSACTION_ID, 0).fingerprint();
        byte[] dst = new byte[40];
        assertThat(b.writeTo(dst, 4)).isEqualTo(28);
        assertThat(m.parse(dst, 4, 28)).isTrue();
        assertThat(m.messageClass()).isEqualTo(StunMessageClass.INDICATION);
    }

    @Test
    void refusesMisuse() {
        b.start(StunMessageClass.REQUEST, 1, TRANSACTION_ID, 0).fingerprint();
        assertThatThrownBy(b::useCandidate).isInstanceOf(IllegalStateException.class);
        StunMessageBuilder small = new StunMessageBuilder(24);
        small.start(StunMessageClass.REQUEST, 1, TRANSACTION_ID, 0);
        assertThatThrownBy(() -> small.priority(1)).isInstanceOf(IllegalStateException.class);
    }
}
