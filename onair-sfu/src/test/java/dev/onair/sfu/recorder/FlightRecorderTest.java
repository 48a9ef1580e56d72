package dev.onair.sfu.recorder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FlightRecorderTest {
    private static final long MS = 1_000_000L;

    @Test
    void theRingKeepsTheNewestPacketsInOrder() {
        FlightRecorder r = new FlightRecorder(4, 2, 60_000 * MS);
        for (int i = 0; i < 6; i++) {
            r.recordPacket(i * MS, 0, false, 0xCAFEBABEL, 65534 + i & 0xFFFF, 1000L * i, 96, 1200, i == 5, i == 2,
                    DropReason.NONE);
        }
        List<PacketRecord> held = r.packets(10 * MS);
        assertThat(held).extracting(PacketRecord::sequence).containsExactly(0, 1, 2, 3);
        assertThat(held.get(0).ssrc()).isEqualTo(0xCAFEBABEL);
        assertThat(held.get(3).marker()).isTrue();
        assertThat(held.get(0).keyframe()).isTrue();
        assertThat(r.packetsRecorded()).isEqualTo(6);
    }

    @Test
    void aDumpKeepsOnlyTheWindow() {
        FlightRecorder r = new FlightRecorder(100, 10, 60_000 * MS);
        r.recordPacket(0, 0, true, 1, 1, 0, 111, 100, false, false, DropReason.QUEUE_FULL);
        r.recordPacket(30_000 * MS, 1, true, 1, 2, 960, 111, 100, false, false, DropReason.NONE);
        r.recordControl(0, 0, ControlKind.RTCP_RECEIVED, -1, 201);
        r.recordControl(30_000 * MS, 1, ControlKind.KEYFRAME_REQUESTED, 0xFFFFFFFFL, 0);
        assertThat(r.packets(60_000 * MS)).hasSize(2);
        assertThat(r.packets(60_000 * MS + 1)).extracting(PacketRecord::sequence).containsExactly(2);
        assertThat(r.packets(60_000 * MS).get(0).drop()).isEqualTo(DropReason.QUEUE_FULL);
        List<ControlRecord> ctl = r.controls(60_000 * MS);
        assertThat(ctl).extracting(ControlRecord::ssrc).containsExactly(-1L, 0xFFFFFFFFL);
        assertThat(ctl.get(0).detail()).isEqualTo(201);
        assertThat(ctl.get(1).kind()).isEqualTo(ControlKind.KEYFRAME_REQUESTED);
    }

    @Test
    void sixtySecondsAtFiveHundredPacketsASecondFitInUnderAMegabyte() {
        FlightRecorder r = new FlightRecorder(30_000, 4_096, 60_000 * MS);
        assertThat(r.footprintBytes()).isLessThan(1_200_000);
    }

    @Test
    void recordsShareOneOrderAndKeepTheirLink() {
        FlightRecorder r = new FlightRecorder(8, 8, 60_000 * MS);
        r.recordPacket(5, 2, false, 7, 1, 0, 96, 100, false, false, DropReason.NONE);
        r.recordControl(5, 3, ControlKind.OTHER_DATAGRAM_RECEIVED, -1, 120);
        r.recordPacket(5, 2, true, 7, 2, 0, 96, 100, false, false, DropReason.IMPAIRMENT);
        Recording rec = r.snapshot(10, 0);
        assertThat(rec.packets()).extracting(PacketRecord::order).containsExactly(0L, 2L);
        assertThat(rec.controls()).extracting(ControlRecord::order).containsExactly(1L);
        assertThat(rec.controls().get(0).link()).isEqualTo(3);
        assertThat(rec.packets().get(1).link()).isEqualTo(2);
        assertThat(rec.packetsRecorded()).isEqualTo(2);
    }

    @Test
    void aKeyframeMarkFlagsTheNewestInboundRecordOfThatPacket() {
        FlightRecorder r = new FlightRecorder(64, 8, 60_000 * MS);
        r.recordPacket(1, 0, false, 9, 100, 0, 96, 100, false, false, DropReason.NONE);
        r.recordPacket(2, 0, true, 9, 100, 0, 96, 100, false, false, DropReason.NONE);
        r.recordPacket(3, 0, false, 9, 101, 0, 96, 100, false, false, DropReason.NONE);
        assertThat(r.markKeyframe(9, 100)).isTrue();
        assertThat(r.markKeyframe(9, 555)).isFalse();
        List<PacketRecord> held = r.packets(10);
        assertThat(held).extracting(PacketRecord::keyframe).containsExactly(true, false, false);
    }

    @Test
    void aKeyframeMarkOnlyLooksNearTheHead() {
        FlightRecorder r = new FlightRecorder(64, 8, 60_000 * MS);
        r.recordPacket(1, 0, false, 9, 100, 0, 96, 100, false, false, DropReason.NONE);
        for (int i = 0; i < FlightRecorder.KEYFRAME_LOOKBACK; i++) {
            r.recordPacket(2, 0, false, 9, 200 + i, 0, 96, 100, false, false, DropReason.NONE);
        }
        assertThat(r.markKeyframe(9, 100)).isFalse();
    }
}
