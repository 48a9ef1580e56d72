package dev.onair.transport.peer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.protocol.stun.StunIntegrity;
import dev.onair.protocol.stun.StunMessage;
import dev.onair.protocol.stun.StunMessageBuilder;
import dev.onair.protocol.stun.StunMessageClass;
import dev.onair.transport.ice.IceCredentials;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/** ICE connectivity checks as a controlling browser sends them to the server, and checks on the answers. */
final class Checks {
    private Checks() {
    }

    static byte[] tid(int n) {
        byte[] tid = new byte[StunMessage.TRANSACTION_ID_BYTES];
        tid[0] = (byte) n;
        tid[11] = (byte) (n >>> 8);
        return tid;
    }

    /** A Binding request with USERNAME {@code server.ufrag:client.ufrag}, signed with {@code server.pwd}. */
    static byte[] binding(IceCredentials server, IceCredentials client, boolean useCandidate, byte[] tid) {
        StunMessageBuilder b = new StunMessageBuilder()
                .start(StunMessageClass.REQUEST, StunMessage.METHOD_BINDING, tid, 0)
                .username(server.ufrag() + ":" + client.ufrag())
                .priority(1853824767L)
                .iceControlling(0x1122334455667788L);
        if (useCandidate) {
            b.useCandidate();
        }
        return b.messageIntegrity(server.pwd().getBytes(StandardCharsets.UTF_8)).fingerprint().toByteArray();
    }

    /** Asserts a success response to {@code tid}, signed with {@code server.pwd}, reflecting {@code mapped}. */
    static void assertSuccess(byte[] response, IceCredentials server, byte[] tid, InetSocketAddress mapped) {
        assertThat(response).as("a STUN response").isNotNull();
        StunMessage m = new StunMessage();
        assertThat(m.parse(response, 0, response.length)).isTrue();
        assertThat(m.messageClass()).isEqualTo(StunMessageClass.SUCCESS);
        assertThat(m.transactionIdEquals(tid, 0)).isTrue();
        assertThat(m.xorMappedAddress()).isEqualTo(mapped);
        assertThat(StunIntegrity.verifyMessageIntegrity(response, 0, response.length, m,
                server.pwd().getBytes(StandardCharsets.UTF_8))).isTrue();
    }

    /** The error code of a STUN error response. */
    static int errorCode(byte[] response) {
        StunMessage m = new StunMessage();
        assertThat(m.parse(response, 0, response.length)).isTrue();
        assertThat(m.messageClass()).isEqualTo(StunMessageClass.ERROR);
        return m.errorCode();
    }
}
