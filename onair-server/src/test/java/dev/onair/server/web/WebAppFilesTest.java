package dev.onair.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.server.http.StaticFiles;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The demo app and the SDK are served with the right types, and the page carries the hooks tests rely on. */
class WebAppFilesTest {
    private final StaticFiles files = new StaticFiles("web", WebAppFilesTest.class.getClassLoader());

    @ParameterizedTest
    @CsvSource({
        "index.html, text/html; charset=utf-8",
        "app.js, text/javascript; charset=utf-8",
        "app.css, text/css; charset=utf-8",
        "onair.js, text/javascript; charset=utf-8",
        "onair.d.ts, text/plain; charset=utf-8",
        "package.json, application/json",
        "publish.html, text/html; charset=utf-8",
        "play.html, text/html; charset=utf-8",
        "report.html, text/html; charset=utf-8",
        "report.js, text/javascript; charset=utf-8",
        "report.css, text/css; charset=utf-8",
        "app-chat.js, text/javascript; charset=utf-8",
    })
    void servedWithItsType(String path, String type) {
        assertThat(body(path, type)).isNotBlank();
    }

    @Test
    void indexHasTheStableTestHooksAndLinksTheWhipWhepPages() {
        String index = body("index.html", "text/html; charset=utf-8");
        assertThat(index).contains("id=\"join-form\"", "<input name=\"room\"", "<input name=\"name\"",
                "<select name=\"mode\"", "value=\"conference\"", "value=\"host\"", "value=\"viewer\"",
                "id=\"join-button\"", "id=\"room-view\"", "id=\"connection-banner\" data-state=", "id=\"btn-mic\"",
                "id=\"btn-camera\"", "id=\"btn-screen\"", "id=\"btn-leave\"", "href=\"publish.html\"",
                "href=\"play.html\"", "<script type=\"module\" src=\"app.js\">");
        assertThat(index).as("no external resources").doesNotContainPattern("(src|href)=\"(https?:)?//");
    }

    @Test
    void appUsesTheSdkAndExposesTheRoom() {
        String app = body("app.js", "text/javascript; charset=utf-8");
        assertThat(app).contains("from './onair.js'", "window.onairRoom = room", "'muted-icon'", "'speaking'",
                "/api/v1/dev/token?", "kind: mode === 'conference' ? 'conference' : 'broadcast'");
        assertThat(body("onair.js", "text/javascript; charset=utf-8")).contains("export class Room");
    }

    @Test
    void indexHasTheChatPanelAndReactionsBarWiredToRoomChat() {
        String index = body("index.html", "text/html; charset=utf-8");
        assertThat(index).contains("id=\"chat-panel\"", "id=\"chat-messages\" class=\"chat-messages\" aria-live=\"polite\"",
                "<label for=\"chat-input\"", "id=\"chat-input\"", "id=\"chat-typing\"", "id=\"reactions\"",
                "id=\"btn-chat\"");
        assertThat(body("app.js", "text/javascript; charset=utf-8")).contains("from './app-chat.js'",
                "this.chat.attach(this.room)", "subscribe,chat");
        assertThat(body("app-chat.js", "text/javascript; charset=utf-8")).contains("room.chat.send(text)",
                "room.chat.sendReaction(name", "room.on('effect'", "if (!m.replayed) this.effects.play(m)");
    }

    private String body(String path, String type) {
        FullHttpResponse r = files.serve(path).orElseThrow(() -> new AssertionError("not served: " + path));
        try {
            assertThat(r.headers().get(HttpHeaderNames.CONTENT_TYPE)).as(path).isEqualTo(type);
            return r.content().toString(StandardCharsets.UTF_8);
        } finally {
            r.release();
        }
    }
}
