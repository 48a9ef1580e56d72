package dev.onair.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.client.PeerOptions;
import dev.onair.client.WebRtcPeer;
import dev.onair.sfu.SfuConfig;
import dev.onair.sfu.room.RoomPolicy;
import dev.onair.sfu.SfuNode;
import dev.onair.sfu.api.MediaStatus;
import dev.onair.transport.clock.MediaClock;
import dev.onair.transport.srtp.SrtpBackend;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 7675 consent freshness on a node with a 1.5 s consent timeout. */
class ConsentFreshnessTest {
    private static final long CONSENT_TIMEOUT_MILLIS = 1_500;

    @Test
    void aPublisherThatStopsItsConsentChecksIsTornDownWhileOneThatKeepsThemStays() throws Exception {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        SfuConfig cfg = new SfuConfig(loopback, 0, List.of(loopback), 10, SfuConfig.DEFAULT_SUBSCRIBER_QUEUE_PACKETS,
                SrtpBackend.DEFAULT, 42L, MediaClock.system(), CONSENT_TIMEOUT_MILLIS, new RoomPolicy(0, 30_000, 9));
        try (SfuNode node = SfuNode.start(cfg);
             WebRtcPeer silent = peer(node, "silent");
             WebRtcPeer alive = peer(node, "alive")) {
            silent.connect();
            alive.connect();
            assertThat(node.media().status().publishers()).isEqualTo(2);

            silent.stopConsent();
            assertThat(Media.await(() -> node.media().status().publishers() == 1))
                    .as("silent publisher torn down: %s", node.media().status()).isTrue();
            MediaStatus status = node.media().status();
            assertThat(status.sessions()).extracting(MediaStatus.SessionInfo::identity).containsExactly("alive");
            assertThat(status.sessions().get(0).state()).isEqualTo("connected");
            assertThat(status.sessionsClosed()).isEqualTo(1);
            assertThat(Media.await(() -> node.media().status().rooms() == 1))
                    .as("the silent publisher's empty room finishes (empty timeout 0)").isTrue();
            long checksBefore = alive.iceSuccesses();
            assertThat(Media.await(() -> alive.iceSuccesses() >= checksBefore + 3))
                    .as("the live publisher's consent checks keep being answered").isTrue();
            assertThat(node.media().status().publishers()).isEqualTo(1);
        }
    }

    private static WebRtcPeer peer(SfuNode node, String identity) throws java.io.IOException {
        PeerOptions options = PeerOptions.publisher().withConsentIntervalMillis(300);
        return WebRtcPeer.create(options, new InProcessSignalling(node.media(), identity, identity, true));
    }
}
