package dev.onair.server.http;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;

/** Builds every response: CORS headers on all of them, one-line {@code text/plain} bodies on errors. */
public final class Responses {
    public static final String TEXT_PLAIN = "text/plain; charset=utf-8";
    public static final String APPLICATION_SDP = "application/sdp";
    public static final String APPLICATION_JSON = "application/json";
    static final String EXPOSE_HEADERS = "Location, ETag, Link";
    static final String ALLOW_METHODS = "POST, DELETE, OPTIONS, PATCH";
    static final String ALLOW_HEADERS = "Authorization, Content-Type, If-Match";
    /** Request headers a browser may send to the JSON API (admin, status, dev token, OpenAPI). */
    static final String API_ALLOW_HEADERS = "Authorization, Content-Type";
    /** How long a browser may cache a preflight answer (Chromium caps it at 2 h). */
    public static final int PREFLIGHT_MAX_AGE_SECONDS = 7200;
    private static final int MAX_REASON_CHARS = 300;

    private Responses() {
    }

    /** An error response: status from {@link ApiError.Code}, body = reason + "\n". */
    public static FullHttpResponse error(ApiError error) {
        FullHttpResponse r = body(HttpResponseStatus.valueOf(error.code().httpStatus()), TEXT_PLAIN,
                (oneLine(error.reason()) + "\n").getBytes(StandardCharsets.UTF_8));
        if (error.code() == ApiError.Code.UNAVAILABLE) {
            r.headers().set(HttpHeaderNames.RETRY_AFTER, ApiError.RETRY_AFTER_SECONDS);
        }
        if (error.allow() != null) {
            r.headers().set(HttpHeaderNames.ALLOW, error.allow());
        }
        return r;
    }

    /** A response with a body and content type, plus CORS headers and Content-Length. */
    public static FullHttpResponse body(HttpResponseStatus status, String contentType, byte[] content) {
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(content));
        r.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        r.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, content.length);
        cors(r.headers());
        return r;
    }

    public static FullHttpResponse text(HttpResponseStatus status, String text) {
        return body(status, TEXT_PLAIN, text.getBytes(StandardCharsets.UTF_8));
    }

    /** A response without a body (e.g. 200 after DELETE, 204). */
    public static FullHttpResponse empty(HttpResponseStatus status) {
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.EMPTY_BUFFER);
        r.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
        cors(r.headers());
        return r;
    }

    /** The CORS preflight answer for WHIP/WHEP paths (204). */
    public static FullHttpResponse preflight() {
        FullHttpResponse r = preflight(ALLOW_METHODS, ALLOW_HEADERS);
        r.headers().set("Accept-Post", APPLICATION_SDP);
        return r;
    }

    /**
     * The CORS preflight answer for a JSON API path (admin API, status, dev token, OpenAPI document): 204 with
     * the path's {@code methods}, {@code Authorization} and {@code Content-Type} allowed, cacheable for
     * {@link #PREFLIGHT_MAX_AGE_SECONDS}.
     */
    public static FullHttpResponse apiPreflight(String methods) {
        return preflight(methods, API_ALLOW_HEADERS);
    }

    private static FullHttpResponse preflight(String methods, String headers) {
        FullHttpResponse r = empty(HttpResponseStatus.NO_CONTENT);
        r.headers().set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_METHODS, methods);
        r.headers().set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_HEADERS, headers);
        r.headers().setInt(HttpHeaderNames.ACCESS_CONTROL_MAX_AGE, PREFLIGHT_MAX_AGE_SECONDS);
        return r;
    }

    static void cors(HttpHeaders h) {
        h.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
        h.set(HttpHeaderNames.ACCESS_CONTROL_EXPOSE_HEADERS, EXPOSE_HEADERS);
    }

    /** Collapses line breaks and control characters and caps the length, so a reason is always one line. */
    static String oneLine(String reason) {
        if (reason == null || reason.isBlank()) {
            return "error";
        }
        StringBuilder sb = new StringBuilder(Math.min(reason.length(), MAX_REASON_CHARS));
        for (int i = 0; i < reason.length() && sb.length() < MAX_REASON_CHARS; i++) {
            char c = reason.charAt(i);
            sb.append(Character.isISOControl(c) ? ' ' : c);
        }
        return sb.toString().strip();
    }
}
