package dev.onair.protocol.stun;

import static dev.onair.protocol.stun.Rfc5769Vectors.REQUEST;
import static dev.onair.protocol.stun.Rfc5769Vectors.TRANSACTION_ID;
import static dev.onair.protocol.stun.Rfc5769Vectors.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StunMessageParseTest {
    private final StunMessage m = new StunMessage();

    /** A Binding request header with {@code body} as its attributes; the length field counts the body. */
    private static byte[] request(int... body) {
        byte[] msg = new byte[20 + body.length];
        msg[1] = 0x01; // Binding request
        msg[2] = (byte) (body.length >>> 8); // message length (high)
        msg[3] = (byte) body.length; // message length (low)
        System.arraycopy(bytes(0x21, 0x12, 0xa4, 0x42), 0, msg, 4, 4); // magic cookie
        System.arraycopy(TRANSACTION_ID, 0, msg, 8, 12);
        System.arraycopy(bytes(body), 0, msg, 20, body.length);
        return msg;
    }

    private StunDrop dropOf(byte[] msg) {
        assertThat(m.parse(msg, 0, msg.length)).isFalse();
        return m.dropReason();
    }

    @Test
    void emptyRequestParses() {
        byte[] msg = request();
        assertThat(m.parse(msg, 0, msg.length)).isTrue();
        assertThat(m.dropReason()).isNull();
        assertThat(m.attributeCount()).isZero();
        assertThat(m.username()).isNull();
        assertThat(m.priority()).isEqualTo(-1);
        assertThat(m.errorCode()).isEqualTo(-1);
        assertThat(m.xorMappedAddress()).isNull();
    }

    @Test
    void rejectsBadRangesWithoutException() {
        assertThat(m.parse(null, 0, 0)).isFalse();
        assertThat(m.dropReason()).isEqualTo(StunDrop.BAD_BUFFER_RANGE);
        assertThat(m.parse(REQUEST, -1, 20)).isFalse();
        assertThat(m.parse(REQUEST, 10, REQUEST.length)).isFalse();
        assertThat(m.parse(REQUEST, 0, -5)).isFalse();
        assertThat(m.dropReason()).isEqualTo(StunDrop.BAD_BUFFER_RANGE);
        assertThat(m.hasHeader()).isFalse();
    }

    @Test
    void rejectsNonStunHeaders() {
        byte[] topBits = request();
        topBits[0] = (byte) 0x40; // one of the two leading bits set
        assertThat(dropOf(topBits)).isEqualTo(StunDrop.NOT_STUN);
        byte[] cookie = request();
        cookie[7] = 0x43; // magic cookie 0x2112A443
        assertThat(dropOf(cookie)).isEqualTo(StunDrop.NOT_STUN);
        assertThat(m.hasHeader()).isFalse();
        assertThat(dropOf(new byte[19])).isEqualTo(StunDrop.TOO_SHORT);
    }

    @Test
    void lengthNotMultipleOfFourIsBadLengthButKeepsHeader() {
        byte[] msg = request(0x80, 0x22, 0x00, 0x01, 0x41, 0, 0, 0); // SOFTWARE "A"
        msg[3] = 6; // message length 6, not a multiple of 4
        assertThat(dropOf(msg)).isEqualTo(StunDrop.BAD_LENGTH);
        assertThat(m.hasHeader()).isTrue();
        assertThat(m.messageClass()).isEqualTo(StunMessageClass.REQUEST);
        assertThat(m.transactionIdCopy()).isEqualTo(TRANSACTION_ID);
    }

    @Test
    void lengthFieldMustMatchDatagram() {
        byte[] msg = request(0x80, 0x22, 0x00, 0x01, 0x41, 0, 0, 0);
        msg[3] = 12; // claims 4 more bytes than present
        assertThat(dropOf(msg)).isEqualTo(StunDrop.BAD_LENGTH);
        msg[3] = 4; // claims fewer bytes than the datagram holds
        assertThat(dropOf(msg)).isEqualTo(StunDrop.BAD_LENGTH);
    }

    @Test
    void attributeLengthBeyondMessageIsRejected() {
        assertThat(dropOf(request(0x80, 0x22, 0x00, 0x05, 0x41, 0x42, 0x43, 0x44))) // 5 bytes, 8 padded, 4 present
                .isEqualTo(StunDrop.BAD_ATTRIBUTE_LENGTH);
        assertThat(dropOf(request(0x80, 0x22, 0xff, 0xfc, 0, 0, 0, 0))) // 65532 bytes claimed
                .isEqualTo(StunDrop.BAD_ATTRIBUTE_LENGTH);
    }

    @Test
    void oversizeUsernameIsTooLong() {
        int[] body = new int[4 + 516];
        body[0] = 0x00; // USERNAME (high)
        body[1] = 0x06; // USERNAME (low)
        body[2] = 0x02; // length 514 (high)
        body[3] = 0x02; // length 514 (low), one over the 513-byte limit
        for (int i = 4; i < 4 + 514; i++) {
            body[i] = 'a';
        }
        assertThat(dropOf(request(body))).isEqualTo(StunDrop.ATTRIBUTE_TOO_LONG);
        body[3] = 0x01; // 513 bytes: allowed
        assertThat(m.parse(request(body), 0, body.length + 20)).isTrue();
        assertThat(m.username()).hasSize(513);
    }

    @Test
    void fixedSizeAttributesMustHaveTheirSize() {
        assertThat(dropOf(request(0x00, 0x24, 0x00, 0x08, 1, 2, 3, 4, 5, 6, 7, 8))) // PRIORITY of 8 bytes
                .isEqualTo(StunDrop.BAD_ATTRIBUTE_LENGTH);
        assertThat(dropOf(request(0x80, 0x2a, 0x00, 0x04, 1, 2, 3, 4))) // ICE-CONTROLLING of 4 bytes
                .isEqualTo(StunDrop.BAD_ATTRIBUTE_LENGTH);
        assertThat(dropOf(request(0x00, 0x25, 0x00, 0x04, 0, 0, 0, 0))) // USE-CANDIDATE with a value
                .isEqualTo(StunDrop.BAD_ATTRIBUTE_LENGTH);
        assertThat(dropOf(request(0x00, 0x20, 0x00, 0x08, 0x00, 0x02, 0, 0, 1, 2, 3, 4))) // IPv6 family, 4 bytes
                .isEqualTo(StunDrop.BAD_ATTRIBUTE_VALUE);
        assertThat(dropOf(request(0x00, 0x09, 0x00, 0x04, 0, 0, 0x02, 0x00))) // ERROR-CODE class 2
                .isEqualTo(StunDrop.BAD_ATTRIBUTE_VALUE);
    }

    @Test
    void decodesErrorCodeAndControllingAndUseCandidate() {
        byte[] msg = request(
                0x00, 0x09, 0x00, 0x0f, // ERROR-CODE, length 15
                0x00, 0x00, 0x04, 0x57, // reserved, class 4, number 87
                'R', 'o', 'l', 'e', ' ', 'C', 'o', 'n', 'f', 'l', 'i', 0, // "Role Confli" and padding
                0x80, 0x2a, 0x00, 0x08, // ICE-CONTROLLING, length 8
                0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, // tie-breaker
                0x00, 0x25, 0x00, 0x00); // USE-CANDIDATE
        assertThat(m.parse(msg, 0, msg.length)).isTrue();
        assertThat(m.errorCode()).isEqualTo(487);
        assertThat(m.errorReason()).isEqualTo("Role Confli");
        assertThat(m.iceControlling()).isEqualTo(0x0102030405060708L);
        assertThat(m.hasUseCandidate()).isTrue();
    }

    @Test
    void listsUnknownComprehensionRequiredAttributesOnly() {
        byte[] msg = request(
                0x7f, 0x01, 0x00, 0x00, // unknown required 0x7F01
                0xc0, 0x57, 0x00, 0x04, 0, 1, 0, 0, // GOOG-NETWORK-INFO 0xC057: optional, not listed
                0x00, 0x1c, 0x00, 0x00); // MESSAGE-INTEGRITY-SHA256, not supported: listed
        assertThat(m.parse(msg, 0, msg.length)).isTrue();
        assertThat(m.unknownRequiredCount()).isEqualTo(2);
        assertThat(m.unknownRequiredTypes()).containsExactly(0x7f01, 0x001c);
    }

    @Test
    void attributesAfterIntegrityAreIgnoredExceptFingerprint() {
        int[] body = new int[24 + 8 + 8];
        body[0] = 0x00; // MESSAGE-INTEGRITY (high)
        body[1] = 0x08; // MESSAGE-INTEGRITY (low)
        body[3] = 20; // length 20, value left zero
        int[] after = {0x00, 0x24, 0x00, 0x04, 0, 0, 0, 9, // PRIORITY after MI: ignored
                0x80, 0x28, 0x00, 0x04, 0, 0, 0, 0}; // FINGERPRINT: kept
        System.arraycopy(after, 0, body, 24, after.length);
        byte[] msg = request(body);
        assertThat(m.parse(msg, 0, msg.length)).isTrue();
        assertThat(m.priority()).isEqualTo(-1);
        assertThat(m.fingerprintIndex()).isEqualTo(1);
    }

    @Test
    void nothingMayFollowFingerprint() {
        assertThat(dropOf(request(0x80, 0x28, 0x00, 0x04, 0, 0, 0, 0, // FINGERPRINT
                0x00, 0x25, 0x00, 0x00))) // USE-CANDIDATE after it
                .isEqualTo(StunDrop.FINGERPRINT_NOT_LAST);
    }

    @Test
    void tooManyAttributesIsRejected() {
        int[] body = new int[4 * (StunMessage.MAX_ATTRIBUTES + 1)];
        for (int i = 0; i < StunMessage.MAX_ATTRIBUTES + 1; i++) {
            body[4 * i] = 0x80; // SOFTWARE (high), empty values
            body[4 * i + 1] = 0x22; // SOFTWARE (low)
        }
        assertThat(dropOf(request(body))).isEqualTo(StunDrop.TOO_MANY_ATTRIBUTES);
    }

    @Test
    void failedParseForgetsPreviousAttributes() {
        assertThat(m.parse(REQUEST, 0, REQUEST.length)).isTrue();
        assertThat(m.parse(REQUEST, 0, REQUEST.length - 4)).isFalse();
        assertThat(m.isValid()).isFalse();
        assertThat(m.attributeCount()).isZero();
        assertThat(m.username()).isNull();
    }
}
