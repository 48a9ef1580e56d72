package dev.onair.transport.ice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.protocol.stun.StunAttribute;
import dev.onair.protocol.stun.StunIntegrity;
import dev.onair.protocol.stun.StunMessage;
import dev.onair.protocol.stun.StunMessageBuilder;
import dev.onair.protocol.stun.StunMessageClass;
import dev.onair.transport.clock.ManualClock;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IceLiteAgentTest {
    static final IceCredentials SERVER = new IceCredentials("srvU", "serverPasswordOf24chars+");
    static final IceCredentials PEER = new IceCredentials("peerUfrag", "peerPassword/0123456789ab");
    static final byte[] SERVER_KEY = SERVER.pwd().getBytes(StandardCharsets.UTF_8);
    static final byte[] TID = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};

    private final ManualClock clock = new ManualClock();
    private final IceLiteAgent agent = new IceLiteAgent(SERVER, PEER, clock);
    private final StunMessage response = new StunMessage();

    static InetSocketAddress address(String ip, int port) {
        try {
            return new InetSocketAddress(InetAddress.getByName(ip), port);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    static final InetSocketAddress PEER_V4 = address("198.51.100.7", 50123);
    static final InetSocketAddress PEER_V6 = address("2001:db8::7", 50124);

    /** A Binding request as Chromium sends it, with the given username, key and nomination. */
    static StunMessageBuilder request(String username, byte[] key, boolean useCandidate) {
        StunMessageBuilder b = new StunMessageBuilder()
                .start(StunMessageClass.REQUEST, StunMessage.METHOD_BINDING, TID, 0)
                .username(username).priority(1853824767L).iceControlling(0x1122334455667788L);
        if (useCandidate) {
            b.useCandidate();
        }
        if (key != null) {
            b.messageIntegrity(key);
        }
        return b.fingerprint();
    }

    static byte[] validRequest(boolean useCandidate) {
        return request("srvU:peerUfrag", SERVER_KEY, useCandidate).toByteArray();
    }

    private IceReply send(byte[] packet, InetSocketAddress from) {
        return agent.onBindingRequest(packet, 0, packet.length, from);
    }

    private void assertErrorResponse(IceReply reply, int code, IceDrop drop) {
        assertThat(reply.drop()).isEqualTo(drop);
        assertThat(reply.accepted()).isFalse();
        byte[] r = reply.response();
        assertThat(response.parse(r, 0, r.length)).isTrue();
        assertThat(response.messageClass()).isEqualTo(StunMessageClass.ERROR);
        assertThat(response.errorCode()).isEqualTo(code);
        assertThat(response.transactionIdEquals(TID, 0)).isTrue();
        assertThat(StunIntegrity.verifyFingerprint(r, 0, r.length, response)).isTrue();
        assertThat(agent.drops().get(drop)).isEqualTo(1);
        assertThat(agent.isValidated(PEER_V4)).isFalse();
    }

    @Test
    void validRequestGetsAVerifiableSuccessResponse() {
        IceReply reply = send(validRequest(false), PEER_V4);
        assertThat(reply.accepted()).isTrue();
        assertThat(reply.event()).isEqualTo(IceEvent.PAIR_VALIDATED);
        assertThat(reply.selected()).isNull();
        byte[] r = reply.response();
        assertThat(response.parse(r, 0, r.length)).isTrue();
        assertThat(response.messageClass()).isEqualTo(StunMessageClass.SUCCESS);
        assertThat(response.method()).isEqualTo(StunMessage.METHOD_BINDING);
        assertThat(response.transactionIdEquals(TID, 0)).isTrue();
        assertThat(response.xorMappedAddress()).isEqualTo(PEER_V4);
        assertThat(StunIntegrity.verifyMessageIntegrity(r, 0, r.length, response, SERVER_KEY)).isTrue();
        assertThat(StunIntegrity.verifyFingerprint(r, 0, r.length, response)).isTrue();
        assertThat(agent.isValidated(PEER_V4)).isTrue();
        assertThat(agent.isConnected()).isFalse();
        assertThat(agent.drops().total()).isZero();
        // The same address again is no longer new.
        assertThat(send(validRequest(false), PEER_V4).event()).isEqualTo(IceEvent.NONE);
    }

    @Test
    void ipv6SenderIsReflected() {
        byte[] r = send(validRequest(false), PEER_V6).response();
        assertThat(response.parse(r, 0, r.length)).isTrue();
        assertThat(response.xorMappedAddress()).isEqualTo(PEER_V6);
    }

    @Test
    void wrongPasswordGets401WithSameTransactionId() {
        byte[] wrong = "serverPasswordOf24chars-".getBytes(StandardCharsets.UTF_8);
        IceReply reply = send(request("srvU:peerUfrag", wrong, true).toByteArray(), PEER_V4);
        assertErrorResponse(reply, 401, IceDrop.BAD_INTEGRITY);
        assertThat(response.has(StunAttribute.MESSAGE_INTEGRITY)).isFalse();
        assertThat(agent.selectedAddress()).isNull();
    }

    @Test
    void wrongOrMissingUsernameGets401() {
        assertErrorResponse(send(request("srvU:otherPeer", SERVER_KEY, false).toByteArray(), PEER_V4), 401,
                IceDrop.BAD_USERNAME);
        // Reversed order (remote:local) is what the peer expects in *its* requests, not ours.
        send(request("peerUfrag:srvU", SERVER_KEY, false).toByteArray(), PEER_V4);
        assertThat(agent.drops().get(IceDrop.BAD_USERNAME)).isEqualTo(2);
        byte[] noUser = new StunMessageBuilder().start(StunMessageClass.REQUEST, 1, TID, 0)
                .messageIntegrity(SERVER_KEY).fingerprint().toByteArray();
        assertThat(send(noUser, PEER_V4).drop()).isEqualTo(IceDrop.BAD_USERNAME);
    }

    @Test
    void missingIntegrityGets400() {
        assertErrorResponse(send(request("srvU:peerUfrag", null, false).toByteArray(), PEER_V4), 400,
                IceDrop.MISSING_INTEGRITY);
    }

    @Test
    void badFingerprintIsDroppedSilently() {
        byte[] packet = validRequest(true);
        packet[packet.length - 1] ^= 0x01;
        IceReply reply = send(packet, PEER_V4);
        assertThat(reply.response()).isNull();
        assertThat(reply.drop()).isEqualTo(IceDrop.BAD_FINGERPRINT);
        assertThat(agent.drops().get(IceDrop.BAD_FINGERPRINT)).isEqualTo(1);
        assertThat(agent.selectedAddress()).isNull();
    }

    @Test
    void requestWithoutFingerprintIsAccepted() {
        byte[] packet = new StunMessageBuilder().start(StunMessageClass.REQUEST, 1, TID, 0)
                .username("srvU:peerUfrag").messageIntegrity(SERVER_KEY).toByteArray();
        assertThat(send(packet, PEER_V4).accepted()).isTrue();
    }

    @Test
    void unknownComprehensionRequiredAttributeGets420() {
        byte[] packet = new StunMessageBuilder().start(StunMessageClass.REQUEST, 1, TID, 0)
                .username("srvU:peerUfrag").attribute(0x7f01, new byte[] {1, 2}, 0, 2)
                .messageIntegrity(SERVER_KEY).fingerprint().toByteArray();
        IceReply reply = send(packet, PEER_V4);
        assertErrorResponse(reply, 420, IceDrop.UNKNOWN_ATTRIBUTES);
        byte[] r = reply.response();
        int ua = response.indexOf(StunAttribute.UNKNOWN_ATTRIBUTES);
        assertThat(response.attributeValueLength(ua)).isEqualTo(2);
        assertThat(r[response.attributeValueOffset(ua)]).isEqualTo((byte) 0x7f);
        assertThat(r[response.attributeValueOffset(ua) + 1]).isEqualTo((byte) 0x01);
        assertThat(StunIntegrity.verifyMessageIntegrity(r, 0, r.length, response, SERVER_KEY)).isTrue();
    }

    @Test
    void iceControlledInARequestIsAccepted() {
        byte[] packet = new StunMessageBuilder().start(StunMessageClass.REQUEST, 1, TID, 0)
                .username("srvU:peerUfrag").iceControlled(5).messageIntegrity(SERVER_KEY).fingerprint()
                .toByteArray();
        assertThat(send(packet, PEER_V4).accepted()).isTrue();
    }

    @Test
    void indicationsAndResponsesAreIgnored() {
        byte[] indication = new StunMessageBuilder().start(StunMessageClass.INDICATION, 1, TID, 0).fingerprint()
                .toByteArray();
        IceReply reply = send(indication, PEER_V4);
        assertThat(reply.response()).isNull();
        assertThat(reply.drop()).isEqualTo(IceDrop.NOT_REQUEST);
        byte[] success = new StunMessageBuilder().start(StunMessageClass.SUCCESS, 1, TID, 0).toByteArray();
        assertThat(send(success, PEER_V4).response()).isNull();
        assertThat(agent.drops().get(IceDrop.NOT_REQUEST)).isEqualTo(2);
    }

    @Test
    void otherMethodGets400() {
        byte[] allocate = new StunMessageBuilder().start(StunMessageClass.REQUEST, 0x003, TID, 0).toByteArray();
        IceReply reply = send(allocate, PEER_V4);
        assertThat(reply.drop()).isEqualTo(IceDrop.UNKNOWN_METHOD);
        assertThat(response.parse(reply.response(), 0, reply.response().length)).isTrue();
        assertThat(response.errorCode()).isEqualTo(400);
        assertThat(response.method()).isEqualTo(0x003);
    }

    @Test
    void malformedRequestWithReadableHeaderGets400() {
        byte[] packet = validRequest(false);
        packet[3] += 4; // message length now exceeds the datagram
        IceReply reply = send(packet, PEER_V4);
        assertThat(reply.drop()).isEqualTo(IceDrop.MALFORMED);
        assertThat(response.parse(reply.response(), 0, reply.response().length)).isTrue();
        assertThat(response.errorCode()).isEqualTo(400);
        assertThat(response.transactionIdEquals(TID, 0)).isTrue();
        assertThat(agent.stunDrops().total()).isEqualTo(1);
    }

    @Test
    void everyTruncationIsHandledWithoutException() {
        byte[] packet = validRequest(true);
        for (int n = 0; n < packet.length; n++) {
            IceReply reply = agent.onBindingRequest(packet, 0, n, PEER_V4);
            assertThat(reply.accepted()).as("prefix %d", n).isFalse();
            assertThat(reply.drop()).isIn(IceDrop.UNREADABLE, IceDrop.MALFORMED);
            assertThat(reply.hasResponse()).isEqualTo(n >= StunMessage.HEADER_BYTES);
        }
        assertThat(agent.selectedAddress()).isNull();
        assertThat(agent.drops().total()).isEqualTo(packet.length);
    }

    @Test
    void useCandidateSelectsAndLatestNominationWins() {
        IceReply first = send(validRequest(true), PEER_V4);
        assertThat(first.event()).isEqualTo(IceEvent.PAIR_SELECTED);
        assertThat(first.selected()).isEqualTo(PEER_V4);
        assertThat(agent.selectedAddress()).isEqualTo(PEER_V4);
        assertThat(agent.isConnected()).isTrue();
        // A non-nominating check from another address validates it but keeps the selection.
        IceReply other = send(validRequest(false), PEER_V6);
        assertThat(other.event()).isEqualTo(IceEvent.PAIR_VALIDATED);
        assertThat(other.selected()).isEqualTo(PEER_V4);
        // Renomination moves the selection.
        IceReply renominated = send(validRequest(true), PEER_V6);
        assertThat(renominated.event()).isEqualTo(IceEvent.PAIR_SELECTED);
        assertThat(agent.selectedAddress()).isEqualTo(PEER_V6);
        // Nominating the already selected pair again changes nothing.
        assertThat(send(validRequest(true), PEER_V6).event()).isEqualTo(IceEvent.NONE);
        // Silent drops report the current selection.
        assertThat(send(new byte[3], PEER_V4).selected()).isEqualTo(PEER_V6);
    }

    @Test
    void consentExpiresAfterThirtySecondsAndIsRefreshed() {
        long created = clock.nanoTime();
        assertThat(agent.lastConsentNanos()).isEqualTo(created);
        clock.advanceMillis(29_999);
        assertThat(agent.consentExpired()).isFalse();
        send(validRequest(true), PEER_V4);
        assertThat(agent.lastConsentNanos()).isEqualTo(created + 29_999_000_000L);
        clock.advanceMillis(29_999);
        assertThat(agent.consentExpired()).isFalse();
        assertThat(agent.isConnected()).isTrue();
        clock.advanceMillis(1);
        assertThat(agent.consentExpired()).isTrue();
        assertThat(agent.isConnected()).isFalse();
        // Refused requests do not refresh consent; a valid one does.
        send(request("srvU:peerUfrag", "x".repeat(22).getBytes(StandardCharsets.UTF_8), false).toByteArray(),
                PEER_V4);
        assertThat(agent.consentExpired()).isTrue();
        send(validRequest(false), PEER_V4);
        assertThat(agent.consentExpired()).isFalse();
        assertThat(agent.isConnected()).isTrue();
    }

    @Test
    void consentTimeoutIsConfigurable() {
        IceLiteAgent quick = new IceLiteAgent(SERVER, PEER, clock, 5_000);
        clock.advanceMillis(4_999);
        assertThat(quick.consentExpired()).isFalse();
        clock.advanceMillis(1);
        assertThat(quick.consentExpired()).isTrue();
    }

    @Test
    void validatedAddressesAreBounded() {
        for (int port = 1; port <= IceLiteAgent.MAX_VALIDATED_ADDRESSES + 1; port++) {
            assertThat(send(validRequest(false), address("198.51.100.9", port)).event())
                    .isEqualTo(IceEvent.PAIR_VALIDATED);
        }
        assertThat(agent.isValidated(address("198.51.100.9", 1))).isFalse();
        assertThat(agent.isValidated(address("198.51.100.9", 2))).isTrue();
    }

    @Test
    void randomCredentialsFollowRfc8839() {
        IceCredentials a = IceCredentials.random(new SplittableRandom(42));
        IceCredentials b = IceCredentials.random(new SplittableRandom(42));
        IceCredentials c = IceCredentials.random(new SplittableRandom(43));
        assertThat(a).isEqualTo(b).isNotEqualTo(c);
        assertThat(a.ufrag()).hasSize(8).matches("[A-Za-z0-9+/]+");
        assertThat(a.pwd()).hasSize(24).matches("[A-Za-z0-9+/]+");
        assertThat(a.toString()).doesNotContain(a.pwd());
        assertThat(IceCredentials.isValidUfrag("abc")).isFalse();
        assertThat(IceCredentials.isValidUfrag("ab:c")).isFalse();
        assertThat(IceCredentials.isValidPwd("x".repeat(21))).isFalse();
        assertThat(IceCredentials.isValidPwd("x".repeat(22))).isTrue();
    }
}
