package dev.onair.bench.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** A session report (the admin API's JSON) reduced to the run: only what is stamped after the window start. */
class ServerReportTest {
    private static final String REPORT = """
            {"samples":[{"atMillis":1000,"queueDrops":9},{"atMillis":2000,"queueDrops":1},
                        {"atMillis":3000,"queueDrops":2}],
             "tracks":[
               {"kind":"audio","samples":[{"atMillis":2000}],
                "scores":[{"atMillis":1000,"mos":1.0},{"atMillis":2000,"mos":4.0},{"atMillis":3000,"mos":3.0}]},
               {"kind":"video","samples":[{"atMillis":1000,"retransmitted":50},{"atMillis":2000,"retransmitted":4},
                                          {"atMillis":3000,"retransmitted":6}],
                "scores":[{"atMillis":1000,"videoScore":10},{"atMillis":2000,"videoScore":80},
                          {"atMillis":3000,"videoScore":null}]}],
             "quality":{"tier":"good","tiers":[{"atMillis":1000,"tier":"lost"},{"atMillis":2000,"tier":"poor"},
                                               {"atMillis":3000,"tier":"good"}],"meanMos":3.0,"minVideoScore":80},
             "impairment":{"down":{"rtpDatagrams":1000,"rtpDropped":50}},
             "congestion":[{"atMillis":1000,"queueDelayMaxMillis":900},{"atMillis":2000,"queueDelayMaxMillis":35.5},
                           {"atMillis":3000,"queueDelayMaxMillis":12}]}
            """;

    @Test
    void onlySamplesScoresAndTiersAfterTheWindowStartCount() throws Exception {
        JsonNode report = new ObjectMapper().readTree(REPORT);
        assertThat(ServerReport.lastSampleMillis(report)).isEqualTo(3000);
        ServerReport r = ServerReport.from(report, 1000);
        assertThat(r.queueDrops()).isEqualTo(3);
        assertThat(r.retransmitted()).isEqualTo(10);
        assertThat(r.meanMos()).isCloseTo(3.5, within(1e-9));
        assertThat(r.minMos()).isEqualTo(3.0);
        assertThat(r.meanVideoScore()).as("a null score is unknown, not 0").isEqualTo(80.0);
        assertThat(r.minVideoScore()).isEqualTo(80.0);
        assertThat(r.worstTier()).as("'lost' was before the run").isEqualTo("poor");
        assertThat(r.endTier()).isEqualTo("good");
        assertThat(r.shaperLossPercent()).isEqualTo(5.0);
        assertThat(r.maxQueueDelayMillis()).as("the 900 ms was before the run").isEqualTo(35.5);
    }

    @Test
    void anEmptyReportIsUnknownEverywhere() throws Exception {
        ServerReport r = ServerReport.from(new ObjectMapper().readTree("{}"), 0);
        assertThat(r.worstTier()).isNull();
        assertThat(r.endTier()).isNull();
        assertThat(r.meanMos()).isNull();
        assertThat(r.meanVideoScore()).isNull();
        assertThat(r.shaperLossPercent()).isNaN();
        assertThat(ServerReport.lastSampleMillis(new ObjectMapper().readTree("{}"))).isZero();
    }
}
