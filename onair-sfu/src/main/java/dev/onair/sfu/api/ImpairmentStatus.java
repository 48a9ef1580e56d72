package dev.onair.sfu.api;

import java.util.List;

/**
 * A participant's impairment: the setting in force (null when off), the counters of each direction (null for a
 * direction that is not shaped), and the last periods during which a setting held (oldest first, bounded).
 */
public record ImpairmentStatus(ImpairmentSetting setting, ImpairmentCounters up, ImpairmentCounters down,
                               List<ImpairmentPeriod> periods) {

    public ImpairmentStatus {
        periods = List.copyOf(periods);
    }

    /** Without history. */
    public ImpairmentStatus(ImpairmentSetting setting, ImpairmentCounters up, ImpairmentCounters down) {
        this(setting, up, down, List.of());
    }
}
