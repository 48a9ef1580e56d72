package dev.onair.sfu.track;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.sfu.negotiation.MediaKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rendered size a subscriber reported for one of its tracks: unknown (-1, no limit) until set, then as set. */
class SubscriberTrackViewSizeTest {
    @Test
    void unknownUntilSetThenTheLastReportedSize() {
        SubscriberTrack sub = new SubscriberTrack("1", MediaKind.VIDEO, List.of(new TrackCodec("VP8", 96, 90_000)),
                Map.of(), new TrackFixtures.Recorder(4), new RtpRewriter(7, 1, 1, 90_000));
        assertThat(sub.viewWidthPx()).isEqualTo(-1);
        assertThat(sub.viewHeightPx()).isEqualTo(-1);
        sub.setViewSize(1280, 720);
        assertThat(sub.viewWidthPx()).isEqualTo(1280);
        assertThat(sub.viewHeightPx()).isEqualTo(720);
        sub.setViewSize(0, 0);
        assertThat(sub.viewWidthPx()).isZero();
        assertThat(sub.viewHeightPx()).isZero();
    }
}
