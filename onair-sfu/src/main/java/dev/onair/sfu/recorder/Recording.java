package dev.onair.sfu.recorder;

import java.util.List;

/**
 * A copy of one participant's flight recorder, taken on its media loop: what a dump writes.
 *
 * @param packets          RTP packets younger than the window, oldest first
 * @param controls         control events younger than the window, oldest first
 * @param packetsRecorded  packets recorded since the participant's recorder was created (not only those held)
 * @param controlsRecorded control events recorded since then
 * @param takenAtNanos     the media clock when the copy was taken
 * @param takenAtWallMillis the wall clock then (to stamp a pcap)
 */
public record Recording(List<PacketRecord> packets, List<ControlRecord> controls, long packetsRecorded,
                        long controlsRecorded, long takenAtNanos, long takenAtWallMillis) {
    public Recording {
        packets = List.copyOf(packets);
        controls = List.copyOf(controls);
    }
}
