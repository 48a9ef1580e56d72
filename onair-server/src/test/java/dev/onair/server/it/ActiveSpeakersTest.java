package dev.onair.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.client.PeerOptions;
import dev.onair.client.WebRtcPeer;
import dev.onair.sfu.SfuConfig;
import dev.onair.sfu.SfuNode;
import dev.onair.sfu.api.JoinOutcome;
import dev.onair.sfu.api.JoinRequest;
import dev.onair.sfu.api.ParticipantListener;
import dev.onair.sfu.api.RoomEvent;
import dev.onair.sfu.api.RoomKind;
import dev.onair.transport.clock.MediaClock;
import dev.onair.transport.peer.PeerTransportConfig;
import dev.onair.transport.srtp.SrtpBackend;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Two Java publishers with RFC 6464 levels, one loud and one silent: the SFU announces only the loud one; a
 * participant that joins or resumes while someone speaks is told at once.
 */
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

    /**
     * Speaker events come only on a change: a participant that joins while Alice speaks gets the current list
     * right behind its join, and one that resumes gets it too (it may have missed changes while detached).
     */
    @Test
    void aLateJoinerAndAResumedParticipantLearnWhoSpeaksNow() throws Exception {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        SfuConfig cfg = new SfuConfig(loopback, 0, List.of(loopback), 10, SfuConfig.DEFAULT_SUBSCRIBER_QUEUE_PACKETS,
                SrtpBackend.DEFAULT, 12L, MediaClock.system(), PeerTransportConfig.DEFAULT_CONSENT_TIMEOUT_MILLIS);
        try (SfuNode node = SfuNode.start(cfg)) {
            WebRtcPeer alice = publisher(node, "alice", LOUD_DBOV);
            alice.connect();
            alice.startAudio();
            assertThat(Media.await(() -> node.media().status().activeSpeakers().containsKey("room"))).isTrue();

            Recorder carol = new Recorder();
            JoinRequest join = new JoinRequest("room", "carol", null, null, false, RoomKind.CONFERENCE);
            JoinOutcome outcome = node.media().join(join, carol).get(10, TimeUnit.SECONDS);
            assertThat(outcome).isInstanceOf(JoinOutcome.Joined.class);
            assertThat(Media.await(() -> carol.seen.size() >= 2)).isTrue();
            assertThat(carol.seen.get(0)).isEqualTo("joined");
            assertThat(carol.seen.get(1)).as("the current speakers, right behind the join").isEqualTo("speakers [alice]");

            node.media().detach("room", "carol", carol);
            Recorder resumed = new Recorder();
            String key = ((JoinOutcome.Joined) outcome).resumeKey();
            assertThat(node.media().resume("room", "carol", key, resumed).get(10, TimeUnit.SECONDS))
                    .isInstanceOf(JoinOutcome.Joined.class);
            assertThat(Media.await(() -> resumed.seen.size() >= 2)).isTrue();
            assertThat(resumed.seen.subList(0, 2)).containsExactly("joined", "speakers [alice]");
            alice.close();
        }
    }

    /** What a participant's signalling connection would be told, in order. */
    private static final class Recorder implements ParticipantListener {
        final List<String> seen = new CopyOnWriteArrayList<>();

        @Override
        public void onJoined(JoinOutcome.Joined joined) {
            seen.add("joined");
        }

        @Override
        public void onEvent(RoomEvent event) {
            if (event instanceof RoomEvent.ActiveSpeakersChanged a) {
                seen.add("speakers " + a.speakers().stream().map(RoomEvent.Speaker::identity).toList());
            }
        }

        @Override
        public void onRemoved(RemovalCause cause, String reason) {
            seen.add("removed " + cause);
        }
    }

    private static WebRtcPeer publisher(SfuNode node, String identity, int levelDbov) throws java.io.IOException {
        return WebRtcPeer.create(PeerOptions.publisher().withAudioLevelDbov(levelDbov),
                new InProcessSignalling(node.media(), "room", identity, true));
    }
}
