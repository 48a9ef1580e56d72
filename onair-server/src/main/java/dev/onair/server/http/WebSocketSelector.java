package dev.onair.server.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import java.util.List;

/**
 * Sits before the API handler and, on the first request for one of the WebSocket paths, installs that route's
 * stack after itself ({@code WebSocketServerProtocolHandler → WebSocketFrameAggregator → handler}) and steps
 * aside; Netty's handshake then answers the request as usual. Other requests pass through untouched.
 */
final class WebSocketSelector extends ChannelInboundHandlerAdapter {
    private final List<WebSocketRoute> routes;

    WebSocketSelector(List<WebSocketRoute> routes) {
        this.routes = List.copyOf(routes);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof FullHttpRequest request) {
            for (WebSocketRoute r : routes) {
                if (r.path().equals(request.uri())) {
                    String name = ctx.name();
                    ctx.pipeline()
                            .addAfter(name, "ws-handler", r.handlers().get())
                            .addAfter(name, "ws-aggregator", new WebSocketFrameAggregator(r.maxFrameBytes()))
                            .addAfter(name, "ws", new WebSocketServerProtocolHandler(WebSocketServerProtocolConfig
                                    .newBuilder().websocketPath(r.path()).maxFramePayloadLength(r.maxFrameBytes())
                                    .build()));
                    ctx.fireChannelRead(msg);
                    ctx.pipeline().remove(this);
                    return;
                }
            }
        }
        ctx.fireChannelRead(msg);
    }
}
