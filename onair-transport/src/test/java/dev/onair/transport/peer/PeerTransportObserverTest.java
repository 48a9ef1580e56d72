package dev.onair.transport.peer;

import static dev.onair.transport.peer.Checks.binding;
import static dev.onair.transport.peer.Checks.tid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.transport.demux.PacketKind;
import dev.onair.transport.shape.DatagramShaper;
import dev.onair.transport.shape.ShapeDecision;
import dev.onair.transport.shape.ShapeDrop;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The socket-edge observer sees every datagram in and out, with the shaper's drops and the clock it used. */
class PeerTransportObserverTest {
    private final TransportFixture fixture;
    private final Seen seen = new Seen();

    PeerTransportObserverTest() throws InterruptedException {
        fixture = new TransportFixture();
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    /** What the observer was told, one line per call. */
    static final class Seen implements DatagramObserver {
        final List<String> events = new ArrayList<>();
        int handles;

        @Override
        public int onDatagram(long nowNanos, boolean outbound, PacketKind kind, byte[] buf, int off, int len) {
            events.add((outbound ? "out " : "in ") + kind + " " + len + " @" + nowNanos + " #" + handles);
            return handles++;
        }

        @Override
        public void onShapeDrop(int handle, ShapeDrop reason) {
            events.add("drop #" + handle + " " + reason);
        }

        @Override
        public void onShapingChanged(long nowNanos, boolean inboundShaped, boolean outboundShaped) {
            events.add("shaping in=" + inboundShaped + " out=" + outboundShaped + " @" + nowNanos);
        }
    }

    private static DatagramShaper dropEverySecond() {
        ShapeDecision d = new ShapeDecision();
        int[] n = new int[1];
        return (now, size) -> n[0]++ % 2 == 1 ? d.drop(ShapeDrop.BURST) : d.deliver(now);
    }

    private static byte[] rtp(int seq) {
        byte[] b = new byte[12 + 20];
        b[0] = (byte) 0x80;
        b[1] = 96;
        b[2] = (byte) (seq >> 8);
        b[3] = (byte) seq;
        b[11] = 7;
        return b;
    }

    @Test
    void unshapedTrafficIsSeenBothWays() throws Exception {
        PeerTransport t = fixture.transport("o1", PeerTransportShapingTest.SERVER, PeerTransportShapingTest.CLIENT,
                new RecordingTransportListener());
        fixture.onLoop(() -> t.setObserver(seen));
        fixture.clock.advance(5, java.util.concurrent.TimeUnit.NANOSECONDS);
        byte[] check = binding(PeerTransportShapingTest.SERVER, PeerTransportShapingTest.CLIENT, true, tid(1));
        fixture.arrive(check, PeerTransportShapingTest.FROM);
        fixture.arrive(rtp(1), PeerTransportShapingTest.FROM);

        assertThat(seen.events).hasSize(3);
        assertThat(seen.events.get(0)).isEqualTo("in STUN " + check.length + " @1000000005 #0");
        assertThat(seen.events.get(1)).startsWith("out STUN ").endsWith(" @1000000005 #1");
        assertThat(seen.events.get(2)).isEqualTo("in RTP 32 @1000000005 #2");
    }

    @Test
    void shapedDatagramsCarryTheShapersDrop() throws Exception {
        PeerTransport t = fixture.transport("o2", PeerTransportShapingTest.SERVER, PeerTransportShapingTest.CLIENT,
                new RecordingTransportListener());
        fixture.onLoop(() -> t.setObserver(seen));
        fixture.onLoop(() -> t.setShapers(dropEverySecond(), null));
        fixture.arrive(binding(PeerTransportShapingTest.SERVER, PeerTransportShapingTest.CLIENT, true, tid(1)),
                PeerTransportShapingTest.FROM);
        for (int seq = 1; seq <= 3; seq++) {
            fixture.arrive(rtp(seq), PeerTransportShapingTest.FROM);
        }
        fixture.onLoop(() -> t.setShapers(null, null));

        assertThat(seen.events).containsExactly(
                "shaping in=true out=false @1000000000",
                "in STUN 92 @1000000000 #0",
                "out STUN 64 @1000000000 #1",
                "in RTP 32 @1000000000 #2",
                "drop #2 BURST",
                "in RTP 32 @1000000000 #3",
                "in RTP 32 @1000000000 #4",
                "drop #4 BURST",
                "shaping in=false out=false @1000000000");
    }

    @Test
    void withoutAnObserverNothingIsCalled() throws Exception {
        PeerTransport t = fixture.transport("o3", PeerTransportShapingTest.SERVER, PeerTransportShapingTest.CLIENT,
                new RecordingTransportListener());
        fixture.onLoop(() -> t.setObserver(seen));
        fixture.onLoop(() -> t.setObserver(null));
        fixture.arrive(rtp(1), PeerTransportShapingTest.FROM);
        assertThat(seen.events).isEmpty();
    }
}
