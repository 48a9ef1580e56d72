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
 *   <li>every visible video track at its lowest choice, in priority order (screen, speaker video, other video; equal
 *       priorities keep the given order): the base temporal layer of its lowest active spatial layer when that layer
 *       has temporal layers (a quarter of the frame rate with Chromium's three), else the whole lowest layer; a track
 *       whose lowest choice does not fit is paused;</li>
 *   <li>then, in priority order, each track up to its whole lowest layer, one temporal layer at a time;</li>
 *   <li>then, again in priority order, each track as high as fits, whole spatial layers, never above its
 *       {@code maxLayer}.</li>
 * </ol>
 * Temporal layers are thus a step below the lowest spatial layer, before pausing, and not a way to trade frame rate
 * for resolution higher up: above the lowest layer, fluid video at a lower resolution is preferred to a higher
 * resolution at a quarter or half of the frame rate (LiveKit also offers those mixed choices; Jitsi prefers frame
 * rate the same way above its lowest resolutions).
 *
 * <p>Hysteresis: keeping a choice (or a lower one) needs the total to fit within the available bandwidth divided by
 * {@link #KEEP_FRACTION} (one delay-based decrease of the estimate: see there), but going higher than the track's
 * previous decision (including unpausing) needs the new total to stay within {@link AllocatorConfig#upgradeHeadroom()}
 * of the available bandwidth and {@link AllocatorConfig#upgradeHoldNanos()} to have passed since the track's last
 * bandwidth-driven change, unless the new total is at most half of what is available. An upgrade undone within
 * {@link #FAILED_UPGRADE_WINDOW_NANOS} doubles that track's hold (up to {@link #MAX_HOLD_FACTOR} times), and
 * {@link #STABLE_NANOS} on one choice brings it back: a track does not flap between two layers at each probe. A track
 * seen for the first time, or again after being hidden, has no hold. Not thread-safe; one instance per subscriber, called from one
 * thread; allocates (it runs on estimate changes, not per packet).
 */
public final class BandwidthAllocator {
    private static final Comparator<AllocationTrack> BY_PRIORITY = Comparator.comparing(AllocationTrack::priority);
    /**
     * Choices are ordered as levels: {@code spatial * 4 + temporal}, where temporal {@value #WHOLE} stands for the
     * whole spatial layer (VP8 has at most four temporal layers, so the whole layer is the top of its four).
     */
    private static final int WHOLE = 3;

    private final AllocatorConfig config;
    private final Map<Object, Decision> previous = new HashMap<>();

    public BandwidthAllocator(AllocatorConfig config) {
        this.config = config;
    }

    /**
     * A choice already taken is kept while the total is at most the available bandwidth / this. GCC answers every
     * overuse with an estimate of 0.85 × the acked rate ({@code AimdRateControl.BETA}): when the link carries all
     * that is sent, one overuse (the queue a keyframe burst builds, a delay spike on a mobile link) leaves the
     * estimate at 0.85 × the current total, and a rule of "keep while it fits" dropped a layer at each of them. A
     * link that really carries less than the total keeps acking less, so the next decrease goes below 0.85 × the
     * total and the layer goes. The cap1m-simulcast bench showed the difference: its 640x360 layer (~550 kbit/s with
     * audio) on a 1 Mbit/s link was left at the overuse its own keyframe caused, every 5 s, each time with a freeze.
     */
    static final double KEEP_FRACTION = 0.85;

    /** An upgrade undone within this long failed: the track's next upgrade waits twice as long. */
    static final long FAILED_UPGRADE_WINDOW_NANOS = 4_000_000_000L;
    /** The upgrade hold grows to at most this many times the configured one. */
    static final int MAX_HOLD_FACTOR = 2;
    /** A choice kept this long brings the hold back to the configured one. */
    static final long STABLE_NANOS = 10_000_000_000L;

    /** The last decision per track key. */
    private static final class Decision {
        int level;
        long changedNanos;
        long upgradedNanos = Long.MIN_VALUE;
        long holdNanos;
    }

    /** Work state of one track during a call. */
    private static final class Slot {
        final AllocationTrack track;
        final Decision prev;
        int level = -1;
        long bitrateBps;
        String reason;

        Slot(AllocationTrack track, Decision prev) {
            this.track = track;
            this.prev = prev;
        }

        int layer() {
            return level < 0 ? -1 : level >> 2;
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
                s.level = WHOLE;
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
        // Step 2: every visible video track at its lowest choice.
        boolean pausedForBandwidth = false;
        for (Slot s : video) {
            if (s.track.maxLayer() < 0) {
                s.reason = AllocationReason.NOT_VISIBLE;
                continue;
            }
            int first = firstLevel(s.track);
            if (first < 0) {
                s.reason = AllocationReason.INACTIVE;
                continue;
            }
            wanted += layerBitrate(s.track, highestActiveLayer(s.track));
            long rate = levelBitrate(s.track, first);
            if (mayTake(s, first, allocated + rate, available, headroomBps, nowNanos)) {
                s.level = first;
                s.bitrateBps = rate;
                allocated += rate;
            } else {
                s.reason = AllocationReason.BANDWIDTH;
                pausedForBandwidth = true;
            }
        }
        // Step 3: each track up to its whole lowest layer; step 4: whole layers above it.
        for (Slot s : video) {
            if (s.level >= 0) {
                allocated = upgrade(s, (s.level >> 2) * 4 + WHOLE, allocated, available, headroomBps, nowNanos);
            }
        }
        boolean upgradedAbove = false;
        for (Slot s : video) {
            if (s.level < 0) {
                continue;
            }
            allocated = upgrade(s, Integer.MAX_VALUE, allocated, available, headroomBps, nowNanos);
            int top = highestActiveLayer(s.track) * 4 + WHOLE;
            if (s.level < top) {
                s.reason = upgradedAbove ? AllocationReason.PRIORITY : AllocationReason.BANDWIDTH;
            } else if (s.prev != null && s.level > s.prev.level) {
                s.reason = AllocationReason.RECOVERED;
            } else {
                s.reason = s.layer() < topActiveLayer(s.track) ? AllocationReason.VIEW_SIZE : AllocationReason.FULL;
            }
            if (s.level > firstLevel(s.track)) {
                upgradedAbove = true;
            }
        }
        boolean anyVideo = false;
        List<TrackAllocation> out = new ArrayList<>(slots.size());
        for (Slot s : slots) {
            if (s.level >= 0 && !s.track.isAudio()) {
                anyVideo = true;
                if (s.prev != null && s.prev.level >= 0 && s.level > s.prev.level && s.reason.equals(
                        AllocationReason.BANDWIDTH)) {
                    s.reason = AllocationReason.RECOVERED;
                }
            }
            int temporal = s.level < 0 || (s.level & 3) == WHOLE ? TrackAllocation.ALL_TEMPORAL_LAYERS : s.level & 3;
            out.add(new TrackAllocation(s.track.key(), s.layer(), s.bitrateBps, s.reason, temporal));
        }
        remember(slots, nowNanos);
        return new Allocation(out, allocated, wanted, pausedForBandwidth && !anyVideo);
    }

    /** Moves {@code s} up through its choices, at most to {@code capLevel}, while they may be taken. */
    private long upgrade(Slot s, int capLevel, long allocated, long available, long headroomBps, long nowNanos) {
        int next = nextLevel(s.track, s.level);
        while (next >= 0 && next <= capLevel) {
            long rate = levelBitrate(s.track, next);
            long total = allocated - s.bitrateBps + rate;
            if (!mayTake(s, next, total, available, headroomBps, nowNanos)) {
                break;
            }
            allocated = total;
            s.level = next;
            s.bitrateBps = rate;
            next = nextLevel(s.track, next);
        }
        return allocated;
    }

    /**
     * Whether {@code s} may be at {@code level} with the subscriber's total at {@code totalBps}: a fit within
     * available / {@link #KEEP_FRACTION} up to the previous decision's level, headroom and hold above it.
     */
    private boolean mayTake(Slot s, int level, long totalBps, long available, long headroomBps, long nowNanos) {
        boolean up = s.prev == null || level > s.prev.level;
        if (!up) {
            return totalBps * KEEP_FRACTION <= available;
        }
        // The hold stops flapping at the margin; with the total at most half of what is available (a probe just
        // showed the link far wider) there is no margin to flap at, and holding would only prolong a pause.
        if (s.prev != null && nowNanos - s.prev.changedNanos < s.prev.holdNanos && totalBps > available / 2) {
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
            Decision d = s.prev;
            if (d == null) {
                d = new Decision();
                d.level = s.level;
                d.changedNanos = nowNanos;
                d.holdNanos = config.upgradeHoldNanos();
            } else if (d.level != s.level) {
                if (s.level < d.level && d.upgradedNanos != Long.MIN_VALUE
                        && nowNanos - d.upgradedNanos < FAILED_UPGRADE_WINDOW_NANOS) {
                    // The last upgrade did not hold (its keyframe burst or its rate overran the link): back off, or
                    // the track flaps between two layers with a probe's rhythm.
                    d.holdNanos = Math.min(d.holdNanos * 2, config.upgradeHoldNanos() * MAX_HOLD_FACTOR);
                }
                if (s.level > d.level) {
                    d.upgradedNanos = nowNanos;
                }
                d.level = s.level;
                d.changedNanos = nowNanos;
            } else if (nowNanos - d.changedNanos >= STABLE_NANOS) {
                d.holdNanos = config.upgradeHoldNanos();
            }
            next.put(s.track.key(), d);
        }
        previous.clear();
        previous.putAll(next);
    }

    /** The lowest choice: the base temporal layer of the lowest active layer, or that whole layer; -1 none. */
    private static int firstLevel(AllocationTrack t) {
        int lowest = nextActiveLayer(t, -1);
        if (lowest < 0) {
            return -1;
        }
        return lowest * 4 + (t.temporalLayerCount(lowest) > 1 ? 0 : WHOLE);
    }

    /** The choice above {@code level}: the next temporal layer within the lowest layer, else the next whole layer. */
    private static int nextLevel(AllocationTrack t, int level) {
        int layer = level >> 2;
        int temporal = level & 3;
        if (temporal != WHOLE && layer == nextActiveLayer(t, -1)) {
            return temporal + 1 >= t.temporalLayerCount(layer) - 1 ? layer * 4 + WHOLE : level + 1;
        }
        int next = nextActiveLayer(t, layer);
        return next < 0 ? -1 : next * 4 + WHOLE;
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

    private long levelBitrate(AllocationTrack t, int level) {
        int layer = level >> 2;
        int temporal = level & 3;
        long whole = layerBitrate(t, layer);
        if (temporal == WHOLE) {
            return whole;
        }
        long measured = t.temporalBitratesBps()[layer][temporal];
        // Unmeasured: an even share per temporal layer, a rough stand-in until the meters fill.
        return measured > 0 ? measured : whole * (temporal + 1) / t.temporalLayerCount(layer);
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
