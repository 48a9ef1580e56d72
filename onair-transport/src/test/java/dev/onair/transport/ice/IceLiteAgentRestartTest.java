package dev.onair.transport.ice;

import static dev.onair.transport.ice.IceLiteAgentTest.PEER;
import static dev.onair.transport.ice.IceLiteAgentTest.PEER_V4;
import static dev.onair.transport.ice.IceLiteAgentTest.PEER_V6;
import static dev.onair.transport.ice.IceLiteAgentTest.SERVER;
import static dev.onair.transport.ice.IceLiteAgentTest.SERVER_KEY;
import static dev.onair.transport.ice.IceLiteAgentTest.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.protocol.stun.StunIntegrity;
import dev.onair.protocol.stun.StunMessage;
import dev.onair.protocol.stun.StunMessageClass;
import dev.onair.transport.clock.ManualClock;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** ICE restart (RFC 8445 §2.4) on the lite agent: new credentials, pairs checked again, consent clock kept. */
class IceLiteAgentRestartTest {
    static final IceCredentials NEW_SERVER = new IceCredentials("srv2", "newServerPassword+24chr");
    static final IceCredentials NEW_PEER = new IceCredentials("peer2Ufrag", "newPeerPassword/0123456789");
    static final byte[] NEW_SERVER_KEY = NEW_SERVER.pwd().getBytes(StandardCharsets.UTF_8);

    private final ManualClock clock = new ManualClock();
    private final IceLiteAgent agent = new IceLiteAgent(SERVER, PEER, clock);
    private final StunMessage response = new StunMessage();

    private IceReply oldCheck(boolean useCandidate, InetSocketAddress from) {
        byte[] p = request("srvU:peerUfrag", SERVER_KEY, useCandidate).toByteArray();
        return agent.onBindingRequest(p, 0, p.length, from);
    }

    private IceReply newCheck(boolean useCandidate, InetSocketAddress from) {
        byte[] p = request("srv2:peer2Ufrag", NEW_SERVER_KEY, useCandidate).toByteArray();
        return agent.onBindingRequest(p, 0, p.length, from);
    }

    @Test
    void afterRestartOnlyTheNewCredentialsAuthenticate() {
        assertThat(oldCheck(true, PEER_V4).event()).isEqualTo(IceEvent.PAIR_SELECTED);
        agent.restart(NEW_SERVER, NEW_PEER);
        assertThat(agent.localCredentials()).isEqualTo(NEW_SERVER);
        assertThat(agent.remoteCredentials()).isEqualTo(NEW_PEER);

        IceReply stale = oldCheck(false, PEER_V4);
        assertThat(stale.drop()).isEqualTo(IceDrop.BAD_USERNAME);
        assertThat(response.parse(stale.response(), 0, stale.response().length)).isTrue();
        assertThat(response.errorCode()).isEqualTo(401);
        // The new username signed with the old password is not enough either.
        byte[] mixed = request("srv2:peer2Ufrag", SERVER_KEY, false).toByteArray();
        assertThat(agent.onBindingRequest(mixed, 0, mixed.length, PEER_V4).drop()).isEqualTo(IceDrop.BAD_INTEGRITY);
        assertThat(agent.drops().total()).isEqualTo(2);

        IceReply fresh = newCheck(false, PEER_V4);
        assertThat(fresh.accepted()).isTrue();
        byte[] r = fresh.response();
        assertThat(response.parse(r, 0, r.length)).isTrue();
        assertThat(response.messageClass()).isEqualTo(StunMessageClass.SUCCESS);
        assertThat(StunIntegrity.verifyMessageIntegrity(r, 0, r.length, response, NEW_SERVER_KEY)).isTrue();
        assertThat(StunIntegrity.verifyMessageIntegrity(r, 0, r.length, response, SERVER_KEY)).isFalse();
    }

    @Test
    void restartForgetsValidatedPairs() {
        oldCheck(false, PEER_V4);
        oldCheck(false, PEER_V6);
        agent.restart(NEW_SERVER, NEW_PEER);
        assertThat(agent.isValidated(PEER_V4)).isFalse();
        assertThat(agent.isValidated(PEER_V6)).isFalse();
        // Refused old-credential checks validate nothing; a new one validates its address again.
        oldCheck(false, PEER_V4);
        assertThat(agent.isValidated(PEER_V4)).isFalse();
        assertThat(newCheck(false, PEER_V4).event()).isEqualTo(IceEvent.PAIR_VALIDATED);
        assertThat(agent.isValidated(PEER_V4)).isTrue();
        assertThat(agent.isValidated(PEER_V6)).isFalse();
    }

    @Test
    void selectionStaysUntilThePeerNominatesUnderTheNewCredentials() {
        oldCheck(true, PEER_V4);
        agent.restart(NEW_SERVER, NEW_PEER);
        assertThat(agent.selectedAddress()).isEqualTo(PEER_V4);
        assertThat(agent.isConnected()).isTrue();

        IceReply validated = newCheck(false, PEER_V6);
        assertThat(validated.event()).isEqualTo(IceEvent.PAIR_VALIDATED);
        assertThat(validated.selected()).isEqualTo(PEER_V4);

        IceReply nominated = newCheck(true, PEER_V6);
        assertThat(nominated.event()).isEqualTo(IceEvent.PAIR_SELECTED);
        assertThat(nominated.selected()).isEqualTo(PEER_V6);
        assertThat(agent.selectedAddress()).isEqualTo(PEER_V6);
        assertThat(newCheck(true, PEER_V6).event()).isEqualTo(IceEvent.NONE);
    }

    @Test
    void firstNominationAfterRestartReselectsEvenTheSameAddress() {
        oldCheck(true, PEER_V4);
        assertThat(oldCheck(true, PEER_V4).event()).isEqualTo(IceEvent.NONE);
        agent.restart(NEW_SERVER, NEW_PEER);
        IceReply again = newCheck(true, PEER_V4);
        assertThat(again.event()).isEqualTo(IceEvent.PAIR_SELECTED);
        assertThat(again.selected()).isEqualTo(PEER_V4);
        assertThat(newCheck(true, PEER_V4).event()).isEqualTo(IceEvent.NONE);
    }

    @Test
    void consentClockRunsOnThroughARestart() {
        oldCheck(true, PEER_V4);
        long lastValid = clock.nanoTime();
        clock.advanceMillis(20_000);
        agent.restart(NEW_SERVER, NEW_PEER);
        assertThat(agent.lastConsentNanos()).isEqualTo(lastValid);
        assertThat(agent.consentExpired()).isFalse();
        clock.advanceMillis(9_999);
        // Checks under the old credentials do not keep the session alive.
        oldCheck(false, PEER_V4);
        assertThat(agent.consentExpired()).isFalse();
        clock.advanceMillis(1);
        assertThat(agent.consentExpired()).isTrue();
        assertThat(agent.isConnected()).isFalse();
        // A check under the new credentials restores consent.
        newCheck(false, PEER_V6);
        assertThat(agent.consentExpired()).isFalse();
        assertThat(agent.lastConsentNanos()).isEqualTo(lastValid + 30_000_000_000L);
    }

    @Test
    void restartBeforeAnyCheckWorks() {
        agent.restart(NEW_SERVER, NEW_PEER);
        assertThat(agent.selectedAddress()).isNull();
        assertThat(oldCheck(true, PEER_V4).drop()).isEqualTo(IceDrop.BAD_USERNAME);
        assertThat(newCheck(true, PEER_V4).event()).isEqualTo(IceEvent.PAIR_SELECTED);
        assertThat(agent.isConnected()).isTrue();
    }
}
