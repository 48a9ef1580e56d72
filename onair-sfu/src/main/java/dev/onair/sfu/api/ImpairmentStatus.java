package dev.onair.sfu.api;

/**
 * A participant's impairment: the setting in force (null when off) and the counters of each direction (null for a
 * direction that is not shaped).
 */
public record ImpairmentStatus(ImpairmentSetting setting, ImpairmentCounters up, ImpairmentCounters down) {
}
