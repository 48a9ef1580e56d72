package dev.onair.sfu.api;

/**
 * One period during which a network-lab setting shaped a participant: from when it was set until it was
 * replaced or cleared (wall clock, ms since the epoch).
 *
 * @param fromMillis  when the setting took effect
 * @param untilMillis when it was replaced or cleared; null while it holds
 * @param setting     the setting (its label says preset or scenario, seed, direction)
 */
public record ImpairmentPeriod(long fromMillis, Long untilMillis, ImpairmentSetting setting) {

    /** This period ended at {@code atMillis}. */
    public ImpairmentPeriod endedAt(long atMillis) {
        return new ImpairmentPeriod(fromMillis, atMillis, setting);
    }
}
