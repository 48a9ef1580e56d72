package dev.onair.sfu.simulcast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.sfu.negotiation.MediaKind;
import dev.onair.sfu.queue.SubscriberQueue;
import dev.onair.sfu.track.PublishedTrack;
import dev.onair.sfu.track.RtpRewriter;
import dev.onair.sfu.track.SubscriberOutput;
import dev.onair.sfu.track.SubscriberTrack;
import dev.onair.sfu.track.TrackCodec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DynacastTest {
    private final SubscriberOutput out = new SubscriberOutput() {
        private final SubscriberQueue queue = new SubscriberQueue(8);

        @Override
        public SubscriberQueue queue() {
            return queue;
        }

        @Override
        public void onEnqueued() {
        }
    };
    private final PublishedTrack track = new PublishedTrack("v", "1", MediaKind.VIDEO,
            List.of(new TrackCodec("VP8", 96, 90_000)), Map.of(), (t, l) -> { }, List.of("q", "h", "f"));

    private SubscriberTrack viewer(int target) {
        SubscriberTrack s = new SubscriberTrack("1", MediaKind.VIDEO, List.of(new TrackCodec("VP8", 96, 90_000)),
                Map.of(), out, new RtpRewriter(1, 1, 1, 90_000));
        s.setTargetLayer(target, 0);
        s.bind(track, 0);
        return s;
    }

    @Test
    void nobodyWatchingKeepsOnlyTheLowestLayer() {
        assertThat(Dynacast.activeRids(track)).containsExactly("q");
    }

    @Test
    void everyLayerUpToTheHighestWatchedStaysOn() {
        SubscriberTrack a = viewer(1);
        assertThat(Dynacast.activeRids(track)).containsExactly("q", "h");
        SubscriberTrack b = viewer(2);
        assertThat(Dynacast.activeRids(track)).containsExactly("q", "h", "f");
        b.setTargetLayer(-1, 0);
        assertThat(Dynacast.activeRids(track)).as("the one on f paused").containsExactly("q", "h");
        a.setTargetLayer(0, 0);
        assertThat(Dynacast.activeRids(track)).containsExactly("q");
    }

    @Test
    void aViewerHeldLowByItsBandwidthStillKeepsTheLayerItsViewNeeds() {
        SubscriberTrack narrow = viewer(0);
        assertThat(Dynacast.activeRids(track)).containsExactly("q");
        narrow.setViewMaxLayer(2);
        assertThat(Dynacast.activeRids(track)).as("it goes back to f as soon as its estimate allows")
                .containsExactly("q", "h", "f");
        narrow.setViewMaxLayer(-1);
        assertThat(Dynacast.activeRids(track)).as("hidden").containsExactly("q");
    }
}
