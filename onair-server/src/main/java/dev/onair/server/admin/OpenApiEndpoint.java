package dev.onair.server.admin;

import dev.onair.server.http.Responses;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /api/openapi.json}: the OpenAPI 3.1 document of every HTTP endpoint, a hand-written classpath
 * resource next to this class (kept in step with the router by {@code OpenApiDocumentTest}). Served without
 * auth.
 */
public final class OpenApiEndpoint {
    /** Classpath location of the document. */
    public static final String RESOURCE = "/dev/onair/server/admin/openapi.json";
    private final byte[] document;

    /** Loads the document once; fails at start-up if the resource is missing from the build. */
    public OpenApiEndpoint() {
        try (InputStream in = OpenApiEndpoint.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + RESOURCE);
            }
            document = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public FullHttpResponse get() {
        return Responses.body(HttpResponseStatus.OK, Responses.APPLICATION_JSON, document);
    }
}
