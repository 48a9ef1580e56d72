package dev.onair.server.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * One admin API call from the command line with the JDK HttpClient: prints the response body on success, one line
 * {@code onair: <METHOD> <url>: <status> <reason>} on an HTTP error, and returns an exit code
 * ({@link #OK}, {@link #REFUSED}, {@link #UNREACHABLE}).
 */
final class AdminCall {
    /** The server answered 2xx. */
    static final int OK = 0;
    /** The server answered with an error status (4xx, 5xx). */
    static final int REFUSED = 1;
    /** Usage errors (picocli's own code for bad arguments). */
    static final int USAGE = 2;
    /** No answer: connection refused, bad host, timeout. */
    static final int UNREACHABLE = 3;
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();

    private AdminCall() {
    }

    /** {@code jsonBody} null: no body. */
    static int send(String method, URI uri, String token, String jsonBody, PrintWriter out, PrintWriter err) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + token);
        b = jsonBody == null ? b.method(method, HttpRequest.BodyPublishers.noBody())
                : b.method(method, HttpRequest.BodyPublishers.ofString(jsonBody))
                .header("Content-Type", "application/json");
        HttpResponse<String> r;
        try {
            r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | IllegalArgumentException e) {
            err.println("onair: " + method + " " + uri + ": cannot reach the server (" + oneLine(e) + ")");
            err.flush();
            return UNREACHABLE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("onair: " + method + " " + uri + ": interrupted");
            err.flush();
            return UNREACHABLE;
        }
        if (r.statusCode() / 100 != 2) {
            err.println("onair: " + method + " " + uri + ": " + r.statusCode() + " " + oneLine(r.body()));
            err.flush();
            return REFUSED;
        }
        out.println(r.body().strip());
        out.flush();
        return OK;
    }

    private static String oneLine(Throwable e) {
        String m = e.getMessage();
        return oneLine(m == null || m.isBlank() ? e.getClass().getSimpleName() : m);
    }

    private static String oneLine(String s) {
        String t = s == null ? "" : s.strip().replaceAll("\\s+", " ");
        return t.length() > 300 ? t.substring(0, 300) + "…" : t;
    }
}
