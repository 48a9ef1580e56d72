package dev.onair.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.server.auth.AuthError;
import dev.onair.sfu.api.MediaError;
import io.netty.handler.codec.http.FullHttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ResponsesTest {
    @Test
    void errorsAreOneLineTextWithCors() {
        FullHttpResponse r = Responses.error(new ApiError(ApiError.Code.BAD_REQUEST, "bad\r\nthing\u0000"));
        try {
            assertThat(r.status().code()).isEqualTo(400);
            assertThat(r.content().toString(StandardCharsets.UTF_8)).isEqualTo("bad  thing\n");
            assertThat(r.headers().get("Content-Type")).isEqualTo("text/plain; charset=utf-8");
            assertThat(r.headers().get("Access-Control-Allow-Origin")).isEqualTo("*");
            assertThat(r.headers().getInt("Content-Length")).isEqualTo(11);
        } finally {
            r.release();
        }
    }

    @Test
    void unavailableCarriesRetryAfterAndReasonsAreCapped() {
        FullHttpResponse r = Responses.error(new ApiError(ApiError.Code.UNAVAILABLE, "x".repeat(1000)));
        try {
            assertThat(r.headers().get("Retry-After")).isEqualTo("5");
            assertThat(r.content().readableBytes()).isEqualTo(301);
        } finally {
            r.release();
        }
    }

    @Test
    void mediaAndAuthErrorsMapOnce() {
        assertThat(ApiError.of(MediaError.MALFORMED_SDP, "m").code().httpStatus()).isEqualTo(400);
        assertThat(ApiError.of(MediaError.UNSUPPORTED_SDP, "u").code().httpStatus()).isEqualTo(400);
        assertThat(ApiError.of(MediaError.AT_CAPACITY, "c").code().httpStatus()).isEqualTo(503);
        assertThat(ApiError.of(MediaError.NOT_FOUND, "n").code().httpStatus()).isEqualTo(404);
        assertThat(ApiError.of(MediaError.INTERNAL, "").reason()).isEqualTo("internal");
        assertThat(ApiError.of(AuthError.UNAUTHENTICATED, "x").code().httpStatus()).isEqualTo(401);
        assertThat(ApiError.of(AuthError.FORBIDDEN, "x").code().httpStatus()).isEqualTo(403);
    }

    @Test
    void staticContentTypes() {
        assertThat(StaticFiles.contentType("a/b.JS")).isEqualTo("text/javascript; charset=utf-8");
        assertThat(StaticFiles.contentType("index.html")).isEqualTo("text/html; charset=utf-8");
        assertThat(StaticFiles.contentType("a.b/noext")).isNull();
        assertThat(StaticFiles.contentType("x.exe")).isNull();
    }
}
