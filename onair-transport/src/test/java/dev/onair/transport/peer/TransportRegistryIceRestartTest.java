package dev.onair.transport.peer;

import static dev.onair.transport.peer.Checks.assertSuccess;
import static dev.onair.transport.peer.Checks.binding;
import static dev.onair.transport.peer.Checks.errorCode;
import static dev.onair.transport.peer.Checks.tid;
import static dev.onair.transport.peer.PeerTransportIceRestartTest.CLIENT;
import static dev.onair.transport.peer.PeerTransportIceRestartTest.NEW_CLIENT;
import static dev.onair.transport.peer.PeerTransportIceRestartTest.NEW_SERVER;
import static dev.onair.transport.peer.PeerTransportIceRestartTest.SERVER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onair.transport.ice.IceCredentials;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How an ICE restart moves a transport in the {@link TransportRegistry}: by new ufrag, not by the old one; old
 * addresses kept until the new path is selected, then dropped. Datagrams are handed to the demultiplexer on the
 * media loop ({@link TransportFixture#arrive}), so each step has finished when the call returns; the senders are
 * real loopback ports, so responses can be read back.
 */
class TransportRegistryIceRestartTest {
    private final TransportFixture fixture;
    private final RecordingTransportListener events = new RecordingTransportListener();

    TransportRegistryIceRestartTest() throws InterruptedException {
        fixture = new TransportFixture();
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    private LoopbackPeer port() throws Exception {
        return new LoopbackPeer(fixture.udp.localAddress());
    }

    private PeerTransport byUfrag(String ufrag) throws Exception {
        return fixture.onLoop(() -> fixture.registry.byUfrag(ufrag));
    }

    private PeerTransport byAddress(InetSocketAddress a) throws Exception {
        return fixture.onLoop(() -> fixture.registry.byAddress(a));
    }

    @Test
    void afterRestartStunFindsTheTransportByItsNewUfragOnly() throws Exception {
        PeerTransport t = fixture.transport("p1", SERVER, CLIENT, events);
        fixture.onLoop(() -> t.restartIce(NEW_SERVER, NEW_CLIENT));
        assertThat(byUfrag(NEW_SERVER.ufrag())).isSameAs(t);
        assertThat(byUfrag(SERVER.ufrag())).isNull();
        assertThat(fixture.onLoop(fixture.registry::size)).isEqualTo(1);

        try (LoopbackPeer p = port()) {
            fixture.arrive(binding(SERVER, CLIENT, true, tid(1)), p.address());
            assertThat(fixture.onLoop(() -> fixture.demux.drops().get(TransportDrop.UNKNOWN_UFRAG))).isEqualTo(1);
            assertThat(byAddress(p.address())).isNull();

            fixture.arrive(binding(NEW_SERVER, NEW_CLIENT, true, tid(2)), p.address());
            assertThat(byAddress(p.address())).isSameAs(t);
            assertThat(fixture.onLoop(t::remoteAddress)).isEqualTo(p.address());
            assertThat(fixture.onLoop(t::state)).isEqualTo(PeerTransport.State.ICE_CONNECTED);
            // The refused check got no answer, so the first response on this port is the new check's.
            assertSuccess(p.nextStun(), NEW_SERVER, tid(2), p.address());
        }
    }

    @Test
    void aNewPeerOnTheAddressOfAnOlderTransportReachesItsOwnTransport() throws Exception {
        PeerTransport old = fixture.transport("old", SERVER, CLIENT, events);
        PeerTransport fresh = fixture.transport("fresh", NEW_SERVER, NEW_CLIENT, events);
        try (LoopbackPeer p = port()) {
            fixture.arrive(binding(SERVER, CLIENT, true, tid(1)), p.address());
            assertSuccess(p.nextStun(), SERVER, tid(1), p.address());
            assertThat(byAddress(p.address())).isSameAs(old);

            // The same 5-tuple now checks with another peer's credentials (the OS reused the port).
            fixture.arrive(binding(NEW_SERVER, NEW_CLIENT, true, tid(2)), p.address());
            assertSuccess(p.nextStun(), NEW_SERVER, tid(2), p.address());
            assertThat(byAddress(p.address())).isSameAs(fresh);
            assertThat(fixture.onLoop(fresh::state)).isEqualTo(PeerTransport.State.ICE_CONNECTED);
        }
    }

    @Test
    void oldCredentialsFromAKnownAddressAreRefused() throws Exception {
        PeerTransport t = fixture.transport("p1", SERVER, CLIENT, events);
        try (LoopbackPeer p = port()) {
            fixture.arrive(binding(SERVER, CLIENT, true, tid(1)), p.address());
            assertSuccess(p.nextStun(), SERVER, tid(1), p.address());
            fixture.onLoop(() -> t.restartIce(NEW_SERVER, NEW_CLIENT));

            fixture.arrive(binding(SERVER, CLIENT, false, tid(2)), p.address());
            assertThat(errorCode(p.nextStun())).isEqualTo(401);
            assertThat(fixture.onLoop(() -> t.drops().get(TransportDrop.ICE_REJECTED))).isEqualTo(1);
        }
    }

    @Test
    void oldAddressesStayUntilTheNewPathIsSelectedThenOnlyRecheckedOnesRemain() throws Exception {
        PeerTransport t = fixture.transport("p1", SERVER, CLIENT, events);
        try (LoopbackPeer a = port(); LoopbackPeer b = port(); LoopbackPeer c = port(); LoopbackPeer d = port()) {
            fixture.arrive(binding(SERVER, CLIENT, true, tid(1)), a.address());
            fixture.arrive(binding(SERVER, CLIENT, false, tid(2)), b.address());
            fixture.arrive(binding(SERVER, CLIENT, false, tid(3)), c.address());
            assertThat(fixture.onLoop(fixture.registry::addressCount)).isEqualTo(3);

            fixture.onLoop(() -> t.restartIce(NEW_SERVER, NEW_CLIENT));
            assertThat(byAddress(a.address())).isSameAs(t);
            assertThat(byAddress(b.address())).isSameAs(t);

            // New pairs are validated and usable at once; the selection waits for a nomination.
            fixture.arrive(binding(NEW_SERVER, NEW_CLIENT, false, tid(4)), d.address());
            fixture.arrive(binding(NEW_SERVER, NEW_CLIENT, false, tid(5)), b.address());
            assertThat(byAddress(d.address())).isSameAs(t);
            assertThat(fixture.onLoop(t::remoteAddress)).isEqualTo(a.address());
            assertThat(fixture.onLoop(fixture.registry::addressCount)).isEqualTo(4);

            fixture.arrive(binding(NEW_SERVER, NEW_CLIENT, true, tid(6)), d.address());
            assertThat(fixture.onLoop(t::remoteAddress)).isEqualTo(d.address());
            assertThat(byAddress(a.address())).isNull();
            assertThat(byAddress(c.address())).isNull();
            assertThat(byAddress(b.address())).as("checked again under the new credentials").isSameAs(t);
            assertThat(byAddress(d.address())).isSameAs(t);
            assertThat(fixture.onLoop(fixture.registry::addressCount)).isEqualTo(2);
        }
    }

    @Test
    void restartOnTheSamePathKeepsItAndForgetsTheOthers() throws Exception {
        PeerTransport t = fixture.transport("p1", SERVER, CLIENT, events);
        try (LoopbackPeer a = port(); LoopbackPeer b = port()) {
            fixture.arrive(binding(SERVER, CLIENT, true, tid(1)), a.address());
            fixture.arrive(binding(SERVER, CLIENT, false, tid(2)), b.address());
            fixture.onLoop(() -> t.restartIce(NEW_SERVER, NEW_CLIENT));
            fixture.arrive(binding(NEW_SERVER, NEW_CLIENT, true, tid(3)), a.address());
            assertThat(fixture.onLoop(t::remoteAddress)).isEqualTo(a.address());
            assertThat(byAddress(a.address())).isSameAs(t);
            assertThat(byAddress(b.address())).isNull();
        }
    }

    @Test
    void restartingAClosedTransportDoesNothing() throws Exception {
        PeerTransport t = fixture.transport("p1", SERVER, CLIENT, events);
        fixture.onLoop(() -> t.close("bye"));
        fixture.onLoop(() -> t.restartIce(NEW_SERVER, NEW_CLIENT));
        assertThat(fixture.onLoop(t::localIce)).isEqualTo(SERVER);
        assertThat(fixture.onLoop(t::remoteIce)).isEqualTo(CLIENT);
        assertThat(byUfrag(NEW_SERVER.ufrag())).isNull();
        assertThat(fixture.onLoop(fixture.registry::size)).isZero();
    }

    @Test
    void aNewUfragHeldByAnotherTransportIsRefusedAndNothingChanges() throws Exception {
        PeerTransport t = fixture.transport("p1", SERVER, CLIENT, events);
        PeerTransport other = fixture.transport("p2", NEW_SERVER, NEW_CLIENT, new RecordingTransportListener());
        IceCredentials clash = new IceCredentials(NEW_SERVER.ufrag(), "anotherPasswordOf24chars");
        assertThatThrownBy(() -> fixture.onLoop(() -> t.restartIce(clash, NEW_CLIENT)))
                .hasRootCauseInstanceOf(IllegalArgumentException.class);
        assertThat(fixture.onLoop(t::localIce)).isEqualTo(SERVER);
        assertThat(byUfrag(SERVER.ufrag())).isSameAs(t);
        assertThat(byUfrag(NEW_SERVER.ufrag())).isSameAs(other);
    }

    @Test
    void consentRunsOnThroughARestartAndClosingForgetsTheNewUfrag() throws Exception {
        PeerTransport t = fixture.transport("p1", SERVER, CLIENT, events);
        try (LoopbackPeer a = port()) {
            fixture.arrive(binding(SERVER, CLIENT, true, tid(1)), a.address());
            fixture.clock.advanceMillis(20_000);
            fixture.onLoop(() -> t.restartIce(NEW_SERVER, NEW_CLIENT));
            fixture.clock.advanceMillis(9_999);
            assertThat(fixture.onLoop(t::checkConsent)).isFalse();
            fixture.clock.advanceMillis(1);
            assertThat(fixture.onLoop(t::checkConsent)).isTrue();
            assertThat(fixture.onLoop(t::state)).isEqualTo(PeerTransport.State.CLOSED);
            assertThat(byUfrag(NEW_SERVER.ufrag())).isNull();
            assertThat(fixture.onLoop(fixture.registry::size)).isZero();
            assertThat(fixture.onLoop(fixture.registry::addressCount)).isZero();
        }
    }
}
