package dev.onair.server;

import dev.onair.server.config.ServerConfig;
import dev.onair.sfu.api.MediaService;
import java.net.InetSocketAddress;
import java.util.List;

/** Starts the real media service (UDP transport + SFU) for a configuration. */
public final class MediaBootstrap {
    private MediaBootstrap() {
    }

    /**
     * A running media service.
     *
     * @param media      the service the HTTP layer talks to
     * @param mediaPort  the bound UDP port
     * @param candidates addresses announced as ICE host candidates
     * @param closer     stops the media service and releases its sockets
     */
    public record Started(MediaService media, int mediaPort, List<InetSocketAddress> candidates, AutoCloseable closer) {
        public Started {
            candidates = List.copyOf(candidates);
        }
    }

    public static Started start(ServerConfig cfg) {
        throw new UnsupportedOperationException("wired by the SFU change");
    }
}
