package dev.onair.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.client.PeerOptions;
import dev.onair.client.WebRtcPeer;
import dev.onair.sfu.SfuConfig;
import dev.onair.sfu.SfuNode;
import dev.onair.sfu.api.RoomEvent;
import dev.onair.transport.clock.MediaClock;
import dev.onair.transport.peer.PeerTransportConfig;
import dev.onair.transport.srtp.SrtpBackend;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Two Java publishers with RFC 6464 levels, one loud and one silent: the SFU announces only the loud one. */
class ActiveSpeakersTest {
    private static final int LOUD_DBOV = 20;
    private static final int SILENT_DBOV = 127;

    @Test
    void theLoudPublisherIsAnnouncedThenAnEmptyListWhenItFallsSilent() throws Exception {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        SfuConfig cfg = new SfuConfig(loopback, 0, List.of(loopback), 10, SfuConfig.DEFAULT_SUBSCRIBER_QUEUE_PACKETS,
                SrtpBackend.DEFAULT, 11L, MediaClock.system(), PeerTransportConfig.DEFAULT_CONSENT_TIMEOUT_MILLIS);
        List<RoomEvent.ActiveSpeakersChanged> events = new CopyOnWriteArrayList<>();
        try (SfuNode node = SfuNode.start(cfg)) {
            node.media().addListener(e -> {
                if (e instanceof RoomEvent.ActiveSpeakersChanged a) {
                    events.add(a);
                }
            });
            WebRtcPeer alice = publisher(node, "alice", LOUD_DBOV);
            WebRtcPeer bob = publisher(node, "bob", SILENT_DBOV);
            alice.connect();
            bob.connect();
            alice.startAudio();
            bob.startAudio();

            assertThat(Media.await(() -> !events.isEmpty())).as("a speaker event").isTrue();
            RoomEvent.ActiveSpeakersChanged first = events.get(0);
            assertThat(first.room()).isEqualTo("room");
            assertThat(first.speakers()).extracting(RoomEvent.Speaker::identity).containsExactly("alice");
            assertThat(first.speakers().get(0).level()).isGreaterThan(0.01);
            assertThat(Media.await(() -> node.media().status().activeSpeakers().containsKey("room"))).isTrue();
            assertThat(node.media().status().activeSpeakers()).containsEntry("room", List.of("alice"));

            alice.setAudioLevelDbov(SILENT_DBOV);
            assertThat(Media.await(() -> events.size() >= 2)).as("the silence event").isTrue();
            assertThat(events.get(1).speakers()).isEmpty();
            assertThat(events).hasSize(2);
            assertThat(Media.await(() -> node.media().status().activeSpeakers().isEmpty())).isTrue();

            alice.close();
            bob.close();
        }
    }

    private static WebRtcPeer publisher(SfuNode node, String identity, int levelDbov) throws java.io.IOException {
        return WebRtcPeer.create(PeerOptions.publisher().withAudioLevelDbov(levelDbov),
                new InProcessSignalling(node.media(), "room", identity, true));
    }
}
