package dev.onair.server;

import dev.onair.server.config.LocalAddresses;
import dev.onair.server.config.ServerConfig;
import dev.onair.server.report.TierAssessor;
import dev.onair.sfu.QualityReporting;
import dev.onair.sfu.SfuConfig;
import dev.onair.sfu.SfuNode;
import dev.onair.sfu.api.MediaService;
import dev.onair.transport.clock.MediaClock;
import dev.onair.transport.peer.PeerTransportConfig;
import dev.onair.transport.srtp.SrtpBackend;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
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
        List<InetAddress> announce = new ArrayList<>();
        List<String> ips = cfg.announceIps().isEmpty() ? LocalAddresses.upIpv4() : cfg.announceIps();
        for (String ip : ips) {
            try {
                announce.add(InetAddress.getByName(ip));
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("announce address is not an IP address: " + ip, e);
            }
        }
        SfuConfig sfu = new SfuConfig(anyLocal(), cfg.mediaPort(), announce, cfg.maxSessions(),
                SfuConfig.DEFAULT_SUBSCRIBER_QUEUE_PACKETS, SrtpBackend.DEFAULT, null, MediaClock.system(),
                PeerTransportConfig.DEFAULT_CONSENT_TIMEOUT_MILLIS, cfg.rooms())
                .withQuality(new QualityReporting(TierAssessor.withDefaults(), cfg.qualityIntervalMillis()))
                .withRecorder(cfg.recorder().policy());
        try {
            SfuNode node = SfuNode.start(sfu);
            return new Started(node.media(), node.mediaPort(), node.candidates(), node);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the media node", e);
        }
    }

    private static InetAddress anyLocal() {
        try {
            return InetAddress.getByName("0.0.0.0");
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
