package dev.onair.sfu.track;

import static dev.onair.sfu.track.TrackFixtures.MID_URI;
import static dev.onair.sfu.track.TrackFixtures.MS;
import static dev.onair.sfu.track.TrackFixtures.context;
import static dev.onair.sfu.track.TrackFixtures.videoTrack;
import static dev.onair.sfu.track.TrackFixtures.vp8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.protocol.rtcp.NtpTime;
import dev.onair.protocol.rtcp.SenderReport;
import dev.onair.protocol.rtp.HeaderExtensions;
import dev.onair.protocol.rtp.RtpHeader;
import dev.onair.sfu.negotiation.MediaKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SubscriberTrackTest {

    private static SubscriberTrack subscriber(TrackFixtures.Recorder out, long ssrc, int pt, int midId) {
        return new SubscriberTrack("0", MediaKind.VIDEO, List.of(new TrackCodec("VP8", pt, 90_000)),
                Map.of(MID_URI, midId), out, new RtpRewriter(ssrc, 500, 1_000, 90_000));
    }

    @Test
    void mapsPayloadTypeAndExtensionIdsAndRewritesTheStream() {
        List<String> requests = new ArrayList<>();
        PublishedTrack track = videoTrack(96, 4, requests);
        TrackFixtures.Recorder out = new TrackFixtures.Recorder(16);
        SubscriberTrack sub = subscriber(out, 0xABCDEF01L, 100, 9);
        sub.bind(track, 0);
        assertThat(requests).as("requested on join, sent once the publisher's SSRC is known").isEmpty();
        assertThat(track.keyframes().outstanding()).isTrue();

        track.onRtp(context(vp8(96, 7000, 90_000, 0x1111, 4, true), 0));
        assertThat(track.keyframes().outstanding()).as("the first packet is a keyframe: nothing to ask").isFalse();
        assertThat(requests).isEmpty();
        track.onRtp(context(vp8(96, 7001, 93_000, 0x1111, 4, false), 33 * MS));
        out.drain();

        assertThat(out.sent).hasSize(2);
        RtpHeader h = new RtpHeader();
        assertThat(h.parse(out.sent.get(1), 0, out.sent.get(1).length)).isTrue();
        assertThat(h.payloadType()).isEqualTo(100);
        assertThat(h.ssrc()).isEqualTo(0xABCDEF01L);
        assertThat(h.sequenceNumber()).isEqualTo(501);
        assertThat(h.timestamp()).isEqualTo(1_000 + 3_000);
        int mid = HeaderExtensions.find(out.sent.get(1), h, 9);
        assertThat(mid).as("MID moved from id 4 to the subscriber's id 9").isPositive();
        assertThat(out.sent.get(1)[mid]).isEqualTo((byte) '1');
        assertThat(HeaderExtensions.find(out.sent.get(1), h, 4)).isEqualTo(-1);
    }

    @Test
    void videoWaitsForAKeyframeAndAsksForOneThrottled() {
        List<String> requests = new ArrayList<>();
        PublishedTrack track = videoTrack(96, 4, requests);
        TrackFixtures.Recorder out = new TrackFixtures.Recorder(16);
        SubscriberTrack sub = subscriber(out, 1, 96, 4);
        sub.bind(track, 0);
        for (int i = 0; i < 5; i++) {
            track.onRtp(context(vp8(96, i, i * 3000L, 0x1111, 4, false), i * 100 * MS));
        }
        assertThat(out.queue.size()).isZero();
        assertThat(sub.dropsWaitingKeyframe()).isEqualTo(5);
        // one request on bind at t=0, then one each 500 ms at most: t=0 (throttled), 100..400 (throttled)
        assertThat(requests).hasSize(1);
        track.onRtp(context(vp8(96, 5, 15_000, 0x1111, 4, false), 600 * MS));
        assertThat(requests).hasSize(2);
        track.onRtp(context(vp8(96, 6, 18_000, 0x1111, 4, true), 700 * MS));
        assertThat(out.queue.size()).isEqualTo(1);
    }

    @Test
    void aFullQueueDropsOnlyThatSubscribersPacketsAndOthersGetEverything() {
        List<String> requests = new ArrayList<>();
        PublishedTrack track = videoTrack(96, 4, requests);
        TrackFixtures.Recorder stuck = new TrackFixtures.Recorder(8); // never drained: a dead subscriber
        TrackFixtures.Recorder healthy = new TrackFixtures.Recorder(8);
        SubscriberTrack dead = subscriber(stuck, 1, 96, 4);
        SubscriberTrack alive = subscriber(healthy, 2, 96, 4);
        dead.bind(track, 0);
        alive.bind(track, 0);
        for (int seq = 0; seq < 100; seq++) {
            track.onRtp(context(vp8(96, seq, seq * 3000L, 0x1111, 4, seq == 0), seq * 33 * MS));
            healthy.drain();
        }
        assertThat(healthy.sent).hasSize(100);
        assertThat(alive.dropsQueueFull()).isZero();
        assertThat(stuck.queue.size()).isEqualTo(8);
        assertThat(dead.dropsQueueFull()).as("counted, not blocking").isEqualTo(1);
        assertThat(dead.dropsWaitingKeyframe()).as("after an overflow it waits for the next keyframe").isEqualTo(91);
        assertThat(track.packets()).isEqualTo(100);
        RtpHeader h = new RtpHeader();
        for (int i = 0; i < healthy.sent.size(); i++) {
            h.parse(healthy.sent.get(i), 0, healthy.sent.get(i).length);
            assertThat(h.sequenceNumber()).isEqualTo(500 + i);
        }
    }

    @Test
    void senderReportCarriesThePublishersNtpTimeAndOurTimestampSpace() {
        List<String> requests = new ArrayList<>();
        PublishedTrack track = videoTrack(96, 4, requests);
        TrackFixtures.Recorder out = new TrackFixtures.Recorder(16);
        SubscriberTrack sub = subscriber(out, 77, 96, 4);
        sub.bind(track, 0);
        long t0 = 1_000 * MS;
        track.onRtp(context(vp8(96, 10, 450_000, 0x1111, 4, true), t0));
        out.drain();
        assertThat(sub.senderReport(t0)).as("no SR before the publisher's SR").isNull();

        long ntp = NtpTime.fromUnixMillis(1_700_000_000_000L);
        track.onSenderReport(ntp, 450_000, t0);
        SenderReport sr = sub.senderReport(t0 + 500 * MS);
        assertThat(sr).isNotNull();
        assertThat(sr.ssrc()).isEqualTo(77);
        assertThat(NtpTime.toUnixMillis(sr.ntpTimestamp())).isEqualTo(1_700_000_000_500L);
        // publisher ts 450,000 + 0.5 s at 90 kHz, moved into our space (first packet 450,000 -> 1,000)
        assertThat(sr.rtpTimestamp()).isEqualTo(1_000 + 45_000);
        assertThat(sr.packetCount()).isEqualTo(1);
        assertThat(sr.octetCount()).isEqualTo(4); // payload bytes only (RFC 3550 §6.4.1)

        // the receiver's RR echoes our SR: RTT = now - sent - DLSR
        sub.onReceiverReport(NtpTime.middle32(sr.ntpTimestamp()), 65_536 / 10, t0 + 500 * MS + 130 * MS);
        assertThat(sub.rttMillis()).isEqualTo(30);
    }
}
