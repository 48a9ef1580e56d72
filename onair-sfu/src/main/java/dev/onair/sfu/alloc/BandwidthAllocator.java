package dev.onair.sfu.alloc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits one subscriber's available bandwidth across its tracks:
 * <ol>
 *   <li>every audio track, always (audio is never paused; it may exceed what is available);</li>
 *   <li>every visible video track at its lowest active layer, in priority order (screen, speaker video, other
 *       video; equal priorities keep the given order); a track whose lowest layer does not fit is paused;</li>
 *   <li>then, again in priority order, each track as high as fits, never above its {@code maxLayer}.</li>
 * </ol>
 * Hysteresis: keeping a layer (or a lower one) only needs it to fit, but going higher than the track's previous
 * decision (including unpausing) needs the new total to stay within {@link AllocatorConfig#upgradeHeadroom()} of
 * the available bandwidth and {@link AllocatorConfig#upgradeHoldNanos()} to have passed since the track's last
 * bandwidth-driven change, unless the new total is at most half of what is available. A track seen for the first time, or again after being hidden, has no hold. Not
 * thread-safe; one instance per subscriber, called from one thread; allocates (it runs on estimate changes, not per
 * packet).
 */
public final class BandwidthAllocator {
    private static final Comparator<AllocationTrack> BY_PRIORITY = Comparator.comparing(AllocationTrack::priority);

    private final AllocatorConfig config;
    private final Map<Object, Decision> previous = new HashMap<>();

    public BandwidthAllocator(AllocatorConfig config) {
        this.config = config;
    }

    /** The last decision per track key. */
    private static final class Decision {
        int layer;
        long changedNanos;
    }

    /** Work state of one track during a call. */
    private static final class Slot {
        final AllocationTrack track;
        final Decision prev;
        int layer = -1;
        long bitrateBps;
        String reason;

        Slot(AllocationTrack track, Decision prev) {
            this.track = track;
            this.prev = prev;
        }
    }

    public Allocation allocate(long availableBps, List<AllocationTrack> tracks, long nowNanos) {
        long available = Math.max(0, availableBps);
        long headroomBps = (long) (available * config.upgradeHeadroom());
        List<Slot> slots = new ArrayList<>(tracks.size());
        for (AllocationTrack t : tracks) {
            slots.add(new Slot(t, previous.get(t.key())));
        }
        long allocated = 0;
        long wanted = 0;
        for (Slot s : slots) {
            if (s.track.isAudio()) {
                s.layer = 0;
                s.bitrateBps = audioBitrate(s.track);
                s.reason = AllocationReason.AUDIO;
                allocated += s.bitrateBps;
                wanted += s.bitrateBps;
            }
        }
        List<Slot> video = new ArrayList<>();
        for (Slot s : slots) {
            if (!s.track.isAudio()) {
                video.add(s);
            }
        }
        video.sort(Comparator.comparing(s -> s.track, BY_PRIORITY));
        // Step 2: every visible video track at its lowest active layer.
        boolean pausedForBandwidth = false;
        for (Slot s : video) {
            if (s.track.maxLayer() < 0) {
                s.reason = AllocationReason.NOT_VISIBLE;
                continue;
            }
            int lowest = nextActiveLayer(s.track, -1);
            if (lowest < 0) {
                s.reason = AllocationReason.INACTIVE;
                continue;
            }
            wanted += layerBitrate(s.track, highestActiveLayer(s.track));
            long rate = layerBitrate(s.track, lowest);
            if (mayTake(s, lowest, allocated + rate, available, headroomBps, nowNanos)) {
                s.layer = lowest;
                s.bitrateBps = rate;
                allocated += rate;
            } else {
                s.reason = AllocationReason.BANDWIDTH;
                pausedForBandwidth = true;
            }
        }
        // Step 3: upgrades in priority order.
        boolean upgradedAbove = false;
        for (Slot s : video) {
            if (s.layer < 0) {
                continue;
            }
            int next = nextActiveLayer(s.track, s.layer);
            while (next >= 0) {
                long rate = layerBitrate(s.track, next);
                long total = allocated - s.bitrateBps + rate;
                if (!mayTake(s, next, total, available, headroomBps, nowNanos)) {
                    break;
                }
                allocated = total;
                s.layer = next;
                s.bitrateBps = rate;
                next = nextActiveLayer(s.track, next);
            }
            boolean limited = s.layer < highestActiveLayer(s.track);
            if (limited) {
                s.reason = upgradedAbove ? AllocationReason.PRIORITY : AllocationReason.BANDWIDTH;
            } else if (s.prev != null && s.layer > s.prev.layer) {
                s.reason = AllocationReason.RECOVERED;
            } else {
                s.reason = s.layer < topActiveLayer(s.track) ? AllocationReason.VIEW_SIZE : AllocationReason.FULL;
            }
            if (s.layer > nextActiveLayer(s.track, -1)) {
                upgradedAbove = true;
            }
        }
        boolean anyVideo = false;
        List<TrackAllocation> out = new ArrayList<>(slots.size());
        for (Slot s : slots) {
            if (s.layer >= 0 && !s.track.isAudio()) {
                anyVideo = true;
                if (s.prev != null && s.prev.layer >= 0 && s.layer > s.prev.layer && s.reason.equals(
                        AllocationReason.BANDWIDTH)) {
                    s.reason = AllocationReason.RECOVERED;
                }
            }
            out.add(new TrackAllocation(s.track.key(), s.layer, s.bitrateBps, s.reason));
        }
        remember(slots, nowNanos);
        return new Allocation(out, allocated, wanted, pausedForBandwidth && !anyVideo);
    }

    /**
     * Whether {@code s} may be at {@code layer} with the subscriber's total at {@code totalBps}: plain fit up to
     * the previous decision's layer, headroom and hold above it.
     */
    private boolean mayTake(Slot s, int layer, long totalBps, long available, long headroomBps, long nowNanos) {
        boolean up = s.prev == null || layer > s.prev.layer;
        if (!up) {
            return totalBps <= available;
        }
        // The hold stops flapping at the margin; with the total at most half of what is available (a probe just
        // showed the link far wider) there is no margin to flap at, and holding would only prolong a pause.
        if (s.prev != null && nowNanos - s.prev.changedNanos < config.upgradeHoldNanos() && totalBps > available / 2) {
            return false;
        }
        return totalBps <= headroomBps;
    }

    private void remember(List<Slot> slots, long nowNanos) {
        Map<Object, Decision> next = new HashMap<>();
        for (Slot s : slots) {
            if (s.reason.equals(AllocationReason.NOT_VISIBLE) || s.reason.equals(AllocationReason.INACTIVE)) {
                continue; // not a bandwidth decision: shown again (or active again), it starts without a hold
            }
            Decision d = s.prev == null ? new Decision() : s.prev;
            if (s.prev == null || d.layer != s.layer) {
                d.layer = s.layer;
                d.changedNanos = nowNanos;
            }
            next.put(s.track.key(), d);
        }
        previous.clear();
        previous.putAll(next);
    }

    /** The first active layer above {@code after} and at most the track's maxLayer, or -1. */
    private static int nextActiveLayer(AllocationTrack t, int after) {
        long[] rates = t.layerBitratesBps();
        for (int i = after + 1; i < rates.length && i <= t.maxLayer(); i++) {
            if (rates[i] >= 0) {
                return i;
            }
        }
        return -1;
    }

    /** The highest active layer at most maxLayer, or -1. */
    private static int highestActiveLayer(AllocationTrack t) {
        long[] rates = t.layerBitratesBps();
        for (int i = Math.min(t.maxLayer(), rates.length - 1); i >= 0; i--) {
            if (rates[i] >= 0) {
                return i;
            }
        }
        return -1;
    }

    /** The publisher's highest active layer, whatever the view wants, or -1. */
    private static int topActiveLayer(AllocationTrack t) {
        long[] rates = t.layerBitratesBps();
        for (int i = rates.length - 1; i >= 0; i--) {
            if (rates[i] >= 0) {
                return i;
            }
        }
        return -1;
    }

    private long layerBitrate(AllocationTrack t, int layer) {
        long measured = t.layerBitratesBps()[layer];
        return measured > 0 ? measured : config.defaultLayerBitrateBps(layer);
    }

    private long audioBitrate(AllocationTrack t) {
        long[] rates = t.layerBitratesBps();
        return rates.length > 0 && rates[0] > 0 ? rates[0] : config.defaultAudioBitrateBps();
    }
}
