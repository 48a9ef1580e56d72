package dev.onair.server.http;

import io.netty.channel.ChannelHandler;
import java.util.function.Supplier;

/**
 * A WebSocket endpoint: its path (matched exactly, as Netty does), the largest frame its decoder and aggregator
 * accept (larger ones close the socket with 1009), and a supplier of a fresh handler per connection.
 */
public record WebSocketRoute(String path, int maxFrameBytes, Supplier<ChannelHandler> handlers) {
    public WebSocketRoute {
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("a WebSocket path starts with '/': " + path);
        }
        if (maxFrameBytes < 1) {
            throw new IllegalArgumentException("maxFrameBytes must be positive: " + maxFrameBytes);
        }
    }
}
