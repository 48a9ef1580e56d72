/**
 * The HTTP layer on Netty 4.2: {@link dev.onair.server.http.HttpServer} (pipeline
 * {@code HttpServerCodec → HttpMetrics → OversizeAwareAggregator → AsyncRequestHandler}), routing
 * ({@link dev.onair.server.http.RouteParser}, never throws), the single error-to-status mapping
 * ({@link dev.onair.server.http.ApiError}), response building with CORS ({@link dev.onair.server.http.Responses}),
 * static files and the Prometheus text writer. The request handler never blocks the event loop: it waits on a
 * {@code CompletableFuture} and writes when it completes or times out.
 */
package dev.onair.server.http;
