package dev.onair.server.http;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each aggregated request to the {@link HttpApi} and writes the response when its future completes,
 * on the channel's event loop; never blocks. If the future is not done after {@code timeoutMillis}, answers
 * 503 with Retry-After (the API sees its future completed by someone else and cleans up). Reading is paused
 * while a request is in flight, so pipelined requests are answered in order.
 */
final class AsyncRequestHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final Logger LOG = LoggerFactory.getLogger(AsyncRequestHandler.class);
    private final HttpApi api;
    private final long timeoutMillis;

    AsyncRequestHandler(HttpApi api, long timeoutMillis) {
        this.api = api;
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (!request.decoderResult().isSuccess()) {
            FullHttpResponse bad = Responses.error(ApiError.badRequest("malformed HTTP request"));
            bad.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(bad).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        CompletableFuture<FullHttpResponse> future;
        try {
            future = api.handle(request);
        } catch (RuntimeException e) {
            LOG.warn("request handler failed for {} {}", request.method(), request.uri(), e);
            future = CompletableFuture.completedFuture(Responses.error(new ApiError(ApiError.Code.INTERNAL, "internal error")));
        }
        ctx.channel().config().setAutoRead(false);
        CompletableFuture<FullHttpResponse> pending = future;
        ScheduledFuture<?> timer = ctx.executor().schedule(() -> {
            FullHttpResponse late = Responses.error(new ApiError(ApiError.Code.UNAVAILABLE,
                    "media service did not answer in time"));
            if (!pending.complete(late)) {
                late.release();
            }
        }, timeoutMillis, TimeUnit.MILLISECONDS);
        pending.whenComplete((response, failure) -> ctx.executor().execute(() -> {
            timer.cancel(false);
            FullHttpResponse out = response;
            if (out == null) {
                LOG.warn("request failed: {} {}", request.method(), failure == null ? "no response" : failure.toString());
                out = Responses.error(new ApiError(ApiError.Code.INTERNAL, "internal error"));
            }
            write(ctx, out, keepAlive);
        }));
    }

    private static void write(ChannelHandlerContext ctx, FullHttpResponse response, boolean keepAlive) {
        if (!ctx.channel().isActive()) {
            response.release();
            return;
        }
        if (keepAlive) {
            HttpUtil.setKeepAlive(response, true);
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
            ctx.channel().config().setAutoRead(true);
        } else {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("HTTP connection error: {}", cause.toString());
        ctx.close();
    }
}
