package dev.onair.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.client.PeerOptions;
import dev.onair.client.WebRtcPeer;
import dev.onair.sfu.SfuConfig;
import dev.onair.sfu.room.RoomPolicy;
import dev.onair.sfu.SfuNode;
import dev.onair.sfu.api.RoomEvent;
import dev.onair.transport.clock.MediaClock;
import dev.onair.transport.peer.PeerTransportConfig;
import dev.onair.transport.srtp.SrtpBackend;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The SFU's room events for a publisher, a subscriber, a same-identity reconnect and the end of the room. */
class RoomEventsTest {

    @Test
    void joinsPublishesReconnectsAndLeavesProduceOneEventEachInOrder() throws Exception {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        SfuConfig cfg = new SfuConfig(loopback, 0, List.of(loopback), 10, SfuConfig.DEFAULT_SUBSCRIBER_QUEUE_PACKETS,
                SrtpBackend.DEFAULT, 7L, MediaClock.system(), PeerTransportConfig.DEFAULT_CONSENT_TIMEOUT_MILLIS,
                new RoomPolicy(0, 30_000, 9));
        List<String> events = new CopyOnWriteArrayList<>();
        try (SfuNode node = SfuNode.start(cfg)) {
            node.media().addListener(e -> events.add(describe(e)));
            WebRtcPeer alice = peer(node, "alice", true);
            alice.connect();
            WebRtcPeer bob = peer(node, "bob", false);
            bob.connect();
            assertThat(Media.await(() -> events.size() >= 5)).isTrue();
            assertThat(events).containsExactly("started room", "joined alice", "published alice audio",
                    "published alice video", "joined bob");

            events.clear();
            WebRtcPeer alice2 = peer(node, "alice", true); // a reconnect replaces the first session
            alice2.connect();
            assertThat(Media.await(() -> events.size() >= 4)).isTrue();
            assertThat(events).as("a reconnect is not a leave and a join")
                    .containsExactlyInAnyOrder("published alice audio", "published alice video",
                            "unpublished alice audio", "unpublished alice video");

            events.clear();
            alice2.close();
            bob.close();
            alice.close();
            assertThat(Media.await(() -> events.contains("finished room"))).isTrue();
            assertThat(events).containsExactly("unpublished alice audio", "unpublished alice video", "left alice",
                    "left bob", "finished room");
        }
    }

    private static WebRtcPeer peer(SfuNode node, String identity, boolean publish) throws java.io.IOException {
        PeerOptions options = publish ? PeerOptions.publisher() : PeerOptions.subscriber();
        return WebRtcPeer.create(options, new InProcessSignalling(node.media(), "room", identity, publish));
    }

    private static String describe(RoomEvent e) {
        if (e instanceof RoomEvent.RoomStarted) {
            return "started " + e.room();
        } else if (e instanceof RoomEvent.RoomFinished) {
            return "finished " + e.room();
        } else if (e instanceof RoomEvent.ParticipantJoined j) {
            return "joined " + j.identity();
        } else if (e instanceof RoomEvent.ParticipantLeft l) {
            return "left " + l.identity();
        } else if (e instanceof RoomEvent.TrackPublished p) {
            return "published " + p.identity() + " " + p.kind();
        } else if (e instanceof RoomEvent.TrackUnpublished u) {
            return "unpublished " + u.identity() + " " + u.kind();
        }
        return e.getClass().getSimpleName();
    }
}
