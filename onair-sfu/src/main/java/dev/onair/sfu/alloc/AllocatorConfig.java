package dev.onair.sfu.alloc;

/**
 * Tuning of {@link BandwidthAllocator}.
 *
 * @param upgradeHeadroom an upgrade or an unpause must keep the total at or below this fraction of the available
 *     bandwidth, while keeping a layer only needs it to fit at all: the band between the two (10% by default) keeps
 *     an estimate that wobbles by a few percent from toggling a layer each time it is recomputed
 * @param upgradeHoldNanos a track goes up at most this long after its previous change (up or down); downgrades
 *     are immediate. 2.5 s by default: longer than a couple of estimator updates and keyframe round trips, short
 *     enough that a recovered link is used again within a few seconds
 * @param defaultLayerBitratesBps assumed bitrate of a layer whose measured bitrate is unknown (0), by layer index;
 *     indexes past the end use the last entry
 * @param defaultAudioBitrateBps assumed bitrate of an audio track with an unknown bitrate
 */
public record AllocatorConfig(double upgradeHeadroom, long upgradeHoldNanos, long[] defaultLayerBitratesBps,
                              long defaultAudioBitrateBps) {
    public static final AllocatorConfig DEFAULT = new AllocatorConfig(0.9, 2_500_000_000L,
            new long[] {150_000, 500_000, 1_500_000}, 40_000);

    public AllocatorConfig {
        if (!(upgradeHeadroom > 0 && upgradeHeadroom <= 1)) {
            throw new IllegalArgumentException("upgradeHeadroom must be in (0, 1]");
        }
        if (upgradeHoldNanos < 0) {
            throw new IllegalArgumentException("upgradeHoldNanos must not be negative");
        }
        if (defaultLayerBitratesBps == null || defaultLayerBitratesBps.length == 0) {
            throw new IllegalArgumentException("defaultLayerBitratesBps needs at least one layer");
        }
        for (long b : defaultLayerBitratesBps) {
            if (b <= 0) {
                throw new IllegalArgumentException("default layer bitrates must be positive");
            }
        }
        if (defaultAudioBitrateBps <= 0) {
            throw new IllegalArgumentException("defaultAudioBitrateBps must be positive");
        }
        defaultLayerBitratesBps = defaultLayerBitratesBps.clone();
    }

    /** The default bitrate assumed for layer {@code index}. */
    public long defaultLayerBitrateBps(int index) {
        return defaultLayerBitratesBps[Math.min(index, defaultLayerBitratesBps.length - 1)];
    }
}
