package dev.onair.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Test;

class RouteParserTest {

    @Test
    void fixedEndpoints() {
        assertThat(RouteParser.parse("/healthz")).isEqualTo(Route.Fixed.HEALTHZ);
        assertThat(RouteParser.parse("/metrics")).isEqualTo(Route.Fixed.METRICS);
        assertThat(RouteParser.parse("/api/v1/status")).isEqualTo(Route.Fixed.STATUS);
        assertThat(RouteParser.parse("/api/v1/dev/token?room=a&identity=b")).isEqualTo(Route.Fixed.DEV_TOKEN);
    }

    @Test
    void sessionsAndResources() {
        assertThat(RouteParser.parse("/whip/room-1.a_b")).isEqualTo(new Route.Sessions(SessionKind.WHIP, "room-1.a_b"));
        assertThat(RouteParser.parse("/whep/r?x=1")).isEqualTo(new Route.Sessions(SessionKind.WHEP, "r"));
        assertThat(RouteParser.parse("/whip/r/abc123")).isEqualTo(new Route.Resource(SessionKind.WHIP, "r", "abc123"));
        assertThat(RouteParser.parse("/whip/" + "r".repeat(64))).isInstanceOf(Route.Sessions.class);
    }

    @Test
    void sessionReports() {
        assertThat(RouteParser.parse("/api/v1/sessions/abc_1/report")).isEqualTo(new Route.SessionReportPath("abc_1"));
        assertThat(RouteParser.parse("/api/v1/sessions/abc")).isEqualTo(new Route.Rejected(RouteError.UNKNOWN_PATH));
        assertThat(RouteParser.parse("/api/v1/sessions/abc/stats")).isEqualTo(new Route.Rejected(RouteError.UNKNOWN_PATH));
        assertThat(RouteParser.parse("/api/v1/sessions/a%20b/report"))
                .isEqualTo(new Route.Rejected(RouteError.BAD_RESOURCE));
    }

    @Test
    void badRoomsAndResources() {
        assertThat(RouteParser.parse("/whip/" + "r".repeat(65))).isEqualTo(new Route.Rejected(RouteError.BAD_ROOM));
        assertThat(RouteParser.parse("/whip/a%20b")).isEqualTo(new Route.Rejected(RouteError.BAD_ROOM));
        assertThat(RouteParser.parse("/whip/")).isEqualTo(new Route.Rejected(RouteError.BAD_ROOM));
        assertThat(RouteParser.parse("/whip/r/a$b")).isEqualTo(new Route.Rejected(RouteError.BAD_RESOURCE));
        assertThat(RouteParser.parse("/whip/r/x/y")).isEqualTo(new Route.Rejected(RouteError.UNKNOWN_PATH));
        assertThat(RouteParser.parse("/whip")).isEqualTo(new Route.Rejected(RouteError.UNKNOWN_PATH));
    }

    @Test
    void chatAdminRoutes() {
        assertThat(RouteParser.parse("/api/v1/rooms/r/messages?limit=5")).isEqualTo(new Route.ChatMessages("r"));
        assertThat(RouteParser.parse("/api/v1/rooms/r/messages/12")).isEqualTo(new Route.ChatMessage("r", "12"));
        assertThat(RouteParser.parse("/api/v1/rooms/r/chat/mutes/alice"))
                .isEqualTo(new Route.ChatModeration("r", false, "alice"));
        assertThat(RouteParser.parse("/api/v1/rooms/r/chat/bans/alice"))
                .isEqualTo(new Route.ChatModeration("r", true, "alice"));
        assertThat(RouteParser.parse("/api/v1/rooms/r/chat/kicks/alice"))
                .isEqualTo(new Route.Rejected(RouteError.UNKNOWN_PATH));
        assertThat(RouteParser.parse("/api/v1/rooms/r/messages/1/x"))
                .isEqualTo(new Route.Rejected(RouteError.UNKNOWN_PATH));
        assertThat(RouteParser.parse("/api/v1/rooms/r/chat/bans")).isEqualTo(new Route.ChatModerationList("r", true));
        assertThat(RouteParser.parse("/api/v1/rooms/r/chat/mutes")).isEqualTo(new Route.ChatModerationList("r", false));
        assertThat(RouteParser.parse("/api/v1/rooms/r/chat"))
                .isEqualTo(new Route.Rejected(RouteError.UNKNOWN_PATH));
        assertThat(RouteParser.parse("/api/v1/rooms/r/chat/kicks"))
                .isEqualTo(new Route.Rejected(RouteError.UNKNOWN_PATH));
        assertThat(RouteParser.parse("/api/v1/rooms/b%20d/messages"))
                .isEqualTo(new Route.Rejected(RouteError.BAD_ROOM));
    }

    @Test
    void adminRoutes() {
        assertThat(RouteParser.parse("/api/openapi.json")).isEqualTo(Route.Fixed.OPENAPI);
        assertThat(RouteParser.parse("/api/v1/rooms?x=1")).isEqualTo(new Route.RoomList());
        assertThat(RouteParser.parse("/api/v1/rooms/studio")).isEqualTo(new Route.RoomPath("studio"));
        assertThat(RouteParser.parse("/api/v1/rooms/studio/participants")).isEqualTo(new Route.ParticipantList("studio"));
        assertThat(RouteParser.parse("/api/v1/rooms/studio/participants/Ann%20Lee"))
                .isEqualTo(new Route.ParticipantPath("studio", "Ann Lee"));
        assertThat(RouteParser.parse("/api/v1/rooms/studio/participants/ann/tracks/TR_1/mute"))
                .isEqualTo(new Route.TrackMute("studio", "ann", "TR_1"));
        assertThat(RouteParser.parse("/api/v1/rooms/studio/participants/ann/impairment"))
                .isEqualTo(new Route.ParticipantImpairment("studio", "ann"));
    }

    @Test
    void badAdminPaths() {
        assertThat(RouteParser.parse("/api/v1/rooms/")).isEqualTo(new Route.Rejected(RouteError.BAD_ROOM));
        assertThat(RouteParser.parse("/api/v1/rooms/a%20b/participants")).isEqualTo(new Route.Rejected(RouteError.BAD_ROOM));
        assertThat(RouteParser.parse("/api/v1/rooms/r/participants/")).isEqualTo(new Route.Rejected(RouteError.BAD_IDENTITY));
        assertThat(RouteParser.parse("/api/v1/rooms/r/participants/a%0Ab")).isEqualTo(new Route.Rejected(RouteError.BAD_IDENTITY));
        assertThat(RouteParser.parse("/api/v1/rooms/r/participants/" + "a".repeat(129)))
                .isEqualTo(new Route.Rejected(RouteError.BAD_IDENTITY));
        assertThat(RouteParser.parse("/api/v1/rooms/r/people")).isEqualTo(new Route.Rejected(RouteError.UNKNOWN_PATH));
        assertThat(RouteParser.parse("/api/v1/rooms/r/participants/a/tracks")).isEqualTo(new Route.Rejected(RouteError.UNKNOWN_PATH));
        assertThat(RouteParser.parse("/api/v1/rooms/r/participants/a/impairments"))
                .isEqualTo(new Route.Rejected(RouteError.UNKNOWN_PATH));
        assertThat(RouteParser.parse("/api/v1/rooms/r/participants/a/tracks/t/unmute"))
                .isEqualTo(new Route.Rejected(RouteError.UNKNOWN_PATH));
        assertThat(RouteParser.parse("/api/v1/rooms/r/participants/a/tracks/t%24/mute"))
                .isEqualTo(new Route.Rejected(RouteError.UNKNOWN_PATH));
    }

    @Test
    void staticFilesAndTraversal() {
        assertThat(RouteParser.parse("/")).isEqualTo(new Route.StaticFile("index.html"));
        assertThat(RouteParser.parse("/play.html?room=a")).isEqualTo(new Route.StaticFile("play.html"));
        assertThat(RouteParser.parse("/img/logo.svg")).isEqualTo(new Route.StaticFile("img/logo.svg"));
        assertThat(RouteParser.parse("/../etc/passwd")).isEqualTo(new Route.Rejected(RouteError.BAD_PATH));
        assertThat(RouteParser.parse("/%2e%2e/x.html")).isEqualTo(new Route.Rejected(RouteError.BAD_PATH));
        assertThat(RouteParser.parse("/a/./b.html")).isEqualTo(new Route.Rejected(RouteError.BAD_PATH));
        assertThat(RouteParser.parse("/a%5c..%5cb.html")).isEqualTo(new Route.Rejected(RouteError.BAD_PATH));
        assertThat(RouteParser.parse("/.hidden")).isEqualTo(new Route.Rejected(RouteError.UNKNOWN_PATH));
        assertThat(RouteParser.parse("/a//b.html")).isEqualTo(new Route.Rejected(RouteError.UNKNOWN_PATH));
    }

    @Test
    void garbageIsRejectedNotThrown() {
        assertThat(RouteParser.parse(null)).isEqualTo(new Route.Rejected(RouteError.UNKNOWN_PATH));
        assertThat(RouteParser.parse("")).isEqualTo(new Route.Rejected(RouteError.UNKNOWN_PATH));
        assertThat(RouteParser.parse("http://x/healthz")).isEqualTo(new Route.Rejected(RouteError.UNKNOWN_PATH));
        assertThat(RouteParser.parse("/%zz")).isEqualTo(new Route.Rejected(RouteError.BAD_PATH));
        assertThat(RouteParser.parse("/" + "a".repeat(3000))).isEqualTo(new Route.Rejected(RouteError.UNKNOWN_PATH));
    }

    @Test
    void everyPrefixOfEveryVectorParses() {
        String[] vectors = {"/whip/room/res-1", "/whep/r?x=%41", "/api/v1/dev/token?room=a", "/%2e%2e/x.html", "/a%5cb",
            "/api/v1/rooms/r/participants/a%20b/tracks/t1/mute"};
        for (String v : vectors) {
            for (int i = 0; i <= v.length(); i++) {
                assertThat(RouteParser.parse(v.substring(0, i))).isNotNull();
            }
        }
    }

    /** Any URI gives a route; static paths never contain a dot-dot segment. */
    @FuzzTest(maxDuration = "10s")
    void parseNeverThrows(FuzzedDataProvider data) {
        Route r = RouteParser.parse(data.consumeRemainingAsString());
        assertThat(r).isNotNull();
        if (r instanceof Route.StaticFile f) {
            assertThat(("/" + f.path() + "/")).doesNotContain("/../").doesNotContain("\\");
        }
    }
}
