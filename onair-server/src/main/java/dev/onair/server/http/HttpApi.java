package dev.onair.server.http;

import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import java.util.concurrent.CompletableFuture;

/**
 * The application behind {@link HttpServer}. Called on a Netty event loop: it must not block, must read the
 * request body before returning (the request is released afterwards), and completes the future when done.
 */
@FunctionalInterface
public interface HttpApi {
    CompletableFuture<FullHttpResponse> handle(FullHttpRequest request);
}
