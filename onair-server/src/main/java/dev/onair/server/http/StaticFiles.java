package dev.onair.server.http;

import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serves files from the classpath folder {@code web/}. Paths arrive already checked by {@link RouteParser}
 * (no {@code ..}); only known extensions are served. Found files are cached (the set is bounded by what is
 * on the classpath), so the event loop reads each file at most once.
 */
public final class StaticFiles {
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "mjs", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "json", "application/json",
            "ts", Responses.TEXT_PLAIN, // onair.d.ts: TypeScript has no registered media type
            "txt", Responses.TEXT_PLAIN);
    private final String root;
    private final ClassLoader loader;
    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    public StaticFiles(String root, ClassLoader loader) {
        this.root = root.endsWith("/") ? root : root + "/";
        this.loader = loader;
    }

    /** The file as a 200 response, or empty if it does not exist or has an unknown type. */
    public Optional<FullHttpResponse> serve(String relativePath) {
        String type = contentType(relativePath);
        if (type == null) {
            return Optional.empty();
        }
        byte[] content = cache.get(relativePath);
        if (content == null) {
            content = load(relativePath);
            if (content == null) {
                return Optional.empty();
            }
            cache.put(relativePath, content);
        }
        FullHttpResponse r = Responses.body(HttpResponseStatus.OK, type, content);
        r.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-cache");
        r.headers().set("X-Content-Type-Options", "nosniff");
        return Optional.of(r);
    }

    static String contentType(String path) {
        int dot = path.lastIndexOf('.');
        int slash = path.lastIndexOf('/');
        if (dot < 0 || dot < slash) {
            return null;
        }
        return TYPES.get(path.substring(dot + 1).toLowerCase(java.util.Locale.ROOT));
    }

    private byte[] load(String relativePath) {
        try (InputStream in = loader.getResourceAsStream(root + relativePath)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            return null;
        }
    }
}
