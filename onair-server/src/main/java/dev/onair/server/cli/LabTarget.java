package dev.onair.server.cli;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Option;

/** Which server and which participant a {@code onair lab} command talks about (a picocli mixin). */
final class LabTarget {
    @Option(names = "--url", paramLabel = "URL", defaultValue = "http://127.0.0.1:8080",
            description = "the server's HTTP base URL (default ${DEFAULT-VALUE})")
    String url;

    @Option(names = "--token", required = true, paramLabel = "JWT",
            description = "a token with the admin permission for the room (onair token --perms admin ...)")
    String token;

    @Option(names = "--room", required = true, paramLabel = "ROOM", description = "the participant's room")
    String room;

    @Option(names = "--identity", required = true, paramLabel = "ID", description = "the participant's identity")
    String identity;

    /** {@code <url>/api/v1/rooms/{room}/participants/{identity}/impairment}, path segments encoded. */
    URI impairmentUri() {
        String base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        return URI.create(base + "/api/v1/rooms/" + segment(room) + "/participants/" + segment(identity)
                + "/impairment");
    }

    private static String segment(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
