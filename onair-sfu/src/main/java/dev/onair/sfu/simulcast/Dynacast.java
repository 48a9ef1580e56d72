package dev.onair.sfu.simulcast;

import dev.onair.sfu.track.PublishedTrack;
import java.util.ArrayList;
import java.util.List;

/**
 * Which layers of a simulcast track its publisher should send: every layer up to the highest one any subscriber
 * forwards or aims at ({@link PublishedTrack#demandedLayers()}), and always the lowest, so that a new subscriber, or
 * one whose link suddenly narrows, has a picture at once (LiveKit pauses every layer when nobody watches; keeping the
 * smallest layer costs about 150 kbit/s of the publisher's uplink).
 */
public final class Dynacast {
    private Dynacast() {
    }

    /** The rids to keep sending, lowest first. */
    public static List<String> activeRids(PublishedTrack t) {
        int highest = 31 - Integer.numberOfLeadingZeros(Math.max(1, t.demandedLayers()));
        List<String> rids = new ArrayList<>();
        for (int i = 0; i <= Math.min(highest, t.layerCount() - 1); i++) {
            rids.add(t.layer(i).rid());
        }
        return rids;
    }
}
