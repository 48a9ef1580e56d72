package dev.onair.sfu.room;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.sfu.api.ImpairmentPeriod;
import dev.onair.sfu.api.ImpairmentSetting;
import dev.onair.sfu.api.ParticipantRole;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The periods a participant's network-lab settings held: opened, closed by the next setting or a clear, bounded. */
class ImpairmentPeriodsTest {
    private static Participant participant() {
        return new Participant("bob", null, null, ParticipantRole.PARTICIPANT, true, 1, 0);
    }

    private static ImpairmentSetting setting(String label) {
        return new ImpairmentSetting(null, null, label);
    }

    @Test
    void aNewSettingEndsTheOpenPeriodAndAClearOpensNone() {
        Participant p = participant();
        p.recordImpairmentPeriod(setting("3g"), 1_000);
        p.recordImpairmentPeriod(setting("lte"), 5_000);
        p.recordImpairmentPeriod(null, 9_000);
        List<ImpairmentPeriod> periods = p.impairmentPeriods();
        assertThat(periods).hasSize(2);
        assertThat(periods.get(0)).isEqualTo(new ImpairmentPeriod(1_000, 5_000L, setting("3g")));
        assertThat(periods.get(1)).isEqualTo(new ImpairmentPeriod(5_000, 9_000L, setting("lte")));
        p.recordImpairmentPeriod(null, 10_000);
        assertThat(p.impairmentPeriods()).as("a second clear changes nothing").isEqualTo(periods);
    }

    @Test
    void keepsTheLastSixteen() {
        Participant p = participant();
        for (int i = 0; i < 40; i++) {
            p.recordImpairmentPeriod(setting("s" + i), i * 1_000L);
        }
        List<ImpairmentPeriod> periods = p.impairmentPeriods();
        assertThat(periods).hasSize(Participant.MAX_IMPAIRMENT_PERIODS);
        assertThat(periods.get(periods.size() - 1).untilMillis()).as("the newest still holds").isNull();
        assertThat(periods.get(0).setting().label()).isEqualTo("s24");
    }
}
