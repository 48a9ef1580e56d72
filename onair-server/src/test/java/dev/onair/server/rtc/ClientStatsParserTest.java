package dev.onair.server.rtc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onair.sfu.api.ClientStats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClientStatsParserTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ClientStatsParser.Parsed parse(String json) throws Exception {
        return ClientStatsParser.parse(JSON.readTree(json));
    }

    @Test
    void parsesInboundOutboundAndRttInW3cUnits() throws Exception {
        ClientStatsParser.Parsed p = parse("""
                {"type":"client_stats","currentRoundTripTime":0.025,
                 "inbound":[{"ssrc":4294967295,"kind":"video","mid":"1","packetsReceived":900,"packetsLost":12,
                             "jitter":0.004,"framesDecoded":300,"framesPerSecond":29.5,"frameWidth":640,
                             "frameHeight":480,"freezeCount":1,"totalFreezesDuration":0.4,"nackCount":3}],
                 "outbound":[{"ssrc":1234,"kind":"audio","packetsSent":500,"qualityLimitationReason":"none"}]}
                """);
        assertThat(p.error()).isNull();
        ClientStats s = p.stats();
        assertThat(s.rttMillis()).isEqualTo(25.0);
        ClientStats.Inbound in = s.inbound().get(0);
        assertThat(in.ssrc()).isEqualTo(4294967295L);
        assertThat(in.kind()).isEqualTo("video");
        assertThat(in.mid()).isEqualTo("1");
        assertThat(in.packetsLost()).isEqualTo(12);
        assertThat(in.framesDecoded()).isEqualTo(300);
        assertThat(in.totalFreezesDurationSeconds()).isEqualTo(0.4);
        assertThat(in.concealedSamples()).isNull(); // absent stays unknown, never zero
        ClientStats.Outbound out = s.outbound().get(0);
        assertThat(out.ssrc()).isEqualTo(1234);
        assertThat(out.packetsSent()).isEqualTo(500);
        assertThat(out.qualityLimitationReason()).isEqualTo("none");
    }

    @Test
    void emptyListsAreFine() throws Exception {
        ClientStatsParser.Parsed p = parse("{\"type\":\"client_stats\"}");
        assertThat(p.error()).isNull();
        assertThat(p.stats().inbound()).isEmpty();
        assertThat(p.stats().rttMillis()).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"inbound\":{}}                                                    | \"inbound\" must be an array",
        "{\"outbound\":3}                                                    | \"outbound\" must be an array",
        "{\"currentRoundTripTime\":-1}                                       | currentRoundTripTime",
        "{\"currentRoundTripTime\":\"x\"}                                    | currentRoundTripTime",
        "{\"inbound\":[1]}                                                   | inbound[0]: an entry is an object",
        "{\"inbound\":[{\"kind\":\"video\"}]}                                | inbound[0]: \"ssrc\"",
        "{\"inbound\":[{\"ssrc\":-1,\"kind\":\"video\"}]}                    | \"ssrc\" must be an integer",
        "{\"inbound\":[{\"ssrc\":4294967296,\"kind\":\"video\"}]}            | \"ssrc\" must be an integer",
        "{\"inbound\":[{\"ssrc\":1.5,\"kind\":\"video\"}]}                   | \"ssrc\" must be an integer",
        "{\"inbound\":[{\"ssrc\":1,\"kind\":\"data\"}]}                      | \"kind\" must be",
        "{\"inbound\":[{\"ssrc\":1,\"kind\":\"audio\",\"packetsLost\":-2}]}  | \"packetsLost\" must be a whole number",
        "{\"inbound\":[{\"ssrc\":1,\"kind\":\"audio\",\"nackCount\":0.5}]}   | \"nackCount\" must be a whole number",
        "{\"inbound\":[{\"ssrc\":1,\"kind\":\"audio\",\"jitter\":1e400}]}    | \"jitter\" must be a finite number",
        "{\"inbound\":[{\"ssrc\":1,\"kind\":\"audio\",\"jitter\":-0.1}]}     | \"jitter\" must be a finite number",
        "{\"inbound\":[{\"ssrc\":1,\"kind\":\"audio\",\"jitter\":\"1\"}]}    | \"jitter\" must be a finite number",
        "{\"inbound\":[{\"ssrc\":1,\"kind\":\"audio\",\"mid\":\"<script>\"}]} | \"mid\" must be a short string",
        "{\"outbound\":[{\"ssrc\":1,\"kind\":\"video\",\"framesPerSecond\":-3}]} | outbound[0]: \"framesPerSecond\"",
        "{\"outbound\":[{\"ssrc\":1,\"kind\":\"video\",\"qualityLimitationReason\":7}]} | qualityLimitationReason",
    })
    void refusesBadInputWithAReasonNamingTheField(String json, String reason) throws Exception {
        ClientStatsParser.Parsed p = parse(json);
        assertThat(p.stats()).isNull();
        assertThat(p.error()).contains(reason.strip());
    }

    @Test
    void refusesTooManyEntries() throws Exception {
        StringBuilder sb = new StringBuilder("{\"inbound\":[");
        for (int i = 0; i <= ClientStatsParser.MAX_ENTRIES; i++) {
            sb.append(i == 0 ? "" : ",").append("{\"ssrc\":").append(i).append(",\"kind\":\"audio\"}");
        }
        ClientStatsParser.Parsed p = parse(sb.append("]}").toString());
        assertThat(p.error()).contains("more than " + ClientStatsParser.MAX_ENTRIES);
    }

    @Test
    void neverThrowsOnOddShapes() throws Exception {
        for (String json : new String[] {"{\"inbound\":null}", "{\"inbound\":[null]}", "{\"inbound\":[[]]}",
            "{\"inbound\":[{\"ssrc\":1,\"kind\":\"audio\",\"packetsReceived\":99999999999999999999999}]}"}) {
            JsonNode n = JSON.readTree(json);
            ClientStatsParser.Parsed p = ClientStatsParser.parse(n);
            assertThat(p.stats() != null || p.error() != null).as(json).isTrue();
        }
    }
}
