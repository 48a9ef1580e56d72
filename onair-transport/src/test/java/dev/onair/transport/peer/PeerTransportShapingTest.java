package dev.onair.transport.peer;

import static dev.onair.transport.peer.Checks.binding;
import static dev.onair.transport.peer.Checks.tid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.transport.demux.PacketKind;
import dev.onair.transport.ice.IceCredentials;
import dev.onair.transport.shape.DatagramShaper;
import dev.onair.transport.shape.ShapeDecision;
import dev.onair.transport.shape.ShapeDirection;
import dev.onair.transport.shape.ShapeDrop;
import dev.onair.transport.shape.ShaperCounters;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The inbound hook sits after the demultiplexer and before ICE: what the shaper drops never reaches the agent. */
class PeerTransportShapingTest {
    static final IceCredentials SERVER = new IceCredentials("srvU", "serverPasswordOf24chars+");
    static final IceCredentials CLIENT = new IceCredentials("cliU", "clientPasswordOf24chars/");
    static final InetSocketAddress FROM = new InetSocketAddress("127.0.0.1", 40_000);

    private final TransportFixture fixture;

    PeerTransportShapingTest() throws InterruptedException {
        fixture = new TransportFixture();
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    private static DatagramShaper dropAll() {
        ShapeDecision d = new ShapeDecision();
        return (now, size) -> d.drop(ShapeDrop.LOSS);
    }

    private static DatagramShaper delay(long nanos) {
        ShapeDecision d = new ShapeDecision();
        return (now, size) -> d.deliver(now + nanos);
    }

    @Test
    void inboundDropsNeverReachIceAndAreCounted() throws Exception {
        PeerTransport t = fixture.transport("t1", SERVER, CLIENT, new RecordingTransportListener());
        fixture.onLoop(() -> t.setShapers(dropAll(), null));
        fixture.arrive(binding(SERVER, CLIENT, true, tid(1)), FROM);

        assertThat(t.state()).isEqualTo(PeerTransport.State.NEW);
        assertThat(t.shaperCounters(ShapeDirection.INBOUND).drops().get(ShapeDrop.LOSS)).isEqualTo(1);
        assertThat(t.shaperCounters(ShapeDirection.OUTBOUND)).isNull();

        fixture.onLoop(() -> t.setShapers(null, null));
        fixture.arrive(binding(SERVER, CLIENT, true, tid(2)), FROM);
        assertThat(t.state()).isEqualTo(PeerTransport.State.ICE_CONNECTED);
        assertThat(t.shaperCounters(ShapeDirection.INBOUND)).isNull();
    }

    @Test
    void outboundDatagramsAreCountedByPacketKindSoRtpLossExcludesStun() throws Exception {
        PeerTransport t = fixture.transport("t4", SERVER, CLIENT, new RecordingTransportListener());
        fixture.onLoop(() -> t.setShapers(null, dropAll()));
        fixture.arrive(binding(SERVER, CLIENT, true, tid(1)), FROM);

        ShaperCounters out = t.shaperCounters(ShapeDirection.OUTBOUND);
        assertThat(out.datagrams()).as("the binding response went through the outbound shaper").isEqualTo(1);
        assertThat(out.datagrams(PacketKind.STUN.ordinal())).isEqualTo(1);
        assertThat(out.dropped(PacketKind.STUN.ordinal())).isEqualTo(1);
        assertThat(out.datagrams(PacketKind.RTP.ordinal())).isZero();
        assertThat(out.dropped(PacketKind.RTP.ordinal())).isZero();
    }

    @Test
    void aDatagramHeldWhenTheTransportClosesIsDroppedAndCounted() throws Exception {
        PeerTransport t = fixture.transport("t2", SERVER, CLIENT, new RecordingTransportListener());
        fixture.onLoop(() -> t.setShapers(delay(3_600_000_000_000L), null));
        fixture.arrive(binding(SERVER, CLIENT, true, tid(1)), FROM);
        assertThat(t.state()).isEqualTo(PeerTransport.State.NEW);
        assertThat(t.shaperCounters(ShapeDirection.INBOUND).delayed()).isEqualTo(1);

        fixture.onLoop(() -> t.close("test"));
        assertThat(t.shaperCounters(ShapeDirection.INBOUND).drops().get(ShapeDrop.TRANSPORT_CLOSED)).isEqualTo(1);
    }

    @Test
    void turningShapingOffDeliversWhatIsHeld() throws Exception {
        PeerTransport t = fixture.transport("t3", SERVER, CLIENT, new RecordingTransportListener());
        fixture.onLoop(() -> t.setShapers(delay(3_600_000_000_000L), null));
        fixture.arrive(binding(SERVER, CLIENT, true, tid(1)), FROM);
        assertThat(t.state()).isEqualTo(PeerTransport.State.NEW);

        fixture.onLoop(() -> t.setShapers(null, null));
        assertThat(t.state()).isEqualTo(PeerTransport.State.ICE_CONNECTED);
    }
}
