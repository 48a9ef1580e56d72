package dev.onair.sfu;

import dev.onair.sfu.recorder.RecorderPolicy;
import dev.onair.sfu.room.RoomPolicy;
import dev.onair.transport.clock.MediaClock;
import dev.onair.transport.srtp.SrtpBackend;
import java.net.InetAddress;
import java.util.List;

/**
 * How a media node runs.
 *
 * @param bindAddress           local address of the media UDP socket (0.0.0.0 for all)
 * @param mediaPort             UDP port for every peer; 0 picks a free one
 * @param announceAddresses     addresses put in our ICE host candidates (with the bound port)
 * @param maxSessions           publishers + subscribers this node accepts before answering "at capacity"
 * @param subscriberQueuePackets capacity of each subscriber's packet queue
 * @param srtpBackend           SRTP implementation
 * @param randomSeed            null for a SecureRandom (production); a value for reproducible tests
 * @param clock                 the media clock
 * @param consentTimeoutMillis  a peer silent this long (no valid STUN check) is torn down; RFC 7675 says 30 s
 * @param rooms                 room lifetimes, resume window and the video cap
 * @param quality               connection-quality events, or null for none
 * @param recorder              each participant's flight recorder
 */
public record SfuConfig(InetAddress bindAddress, int mediaPort, List<InetAddress> announceAddresses, int maxSessions,
                        int subscriberQueuePackets, SrtpBackend srtpBackend, Long randomSeed, MediaClock clock,
                        long consentTimeoutMillis, RoomPolicy rooms, QualityReporting quality,
                        RecorderPolicy recorder) {

    public static final int DEFAULT_SUBSCRIBER_QUEUE_PACKETS = 256;

    /** With the default room policy. */
    public SfuConfig(InetAddress bindAddress, int mediaPort, List<InetAddress> announceAddresses, int maxSessions,
                     int subscriberQueuePackets, SrtpBackend srtpBackend, Long randomSeed, MediaClock clock,
                     long consentTimeoutMillis) {
        this(bindAddress, mediaPort, announceAddresses, maxSessions, subscriberQueuePackets, srtpBackend, randomSeed,
                clock, consentTimeoutMillis, RoomPolicy.DEFAULT);
    }

    /** Without connection-quality events, with the default flight recorder. */
    public SfuConfig(InetAddress bindAddress, int mediaPort, List<InetAddress> announceAddresses, int maxSessions,
                     int subscriberQueuePackets, SrtpBackend srtpBackend, Long randomSeed, MediaClock clock,
                     long consentTimeoutMillis, RoomPolicy rooms) {
        this(bindAddress, mediaPort, announceAddresses, maxSessions, subscriberQueuePackets, srtpBackend, randomSeed,
                clock, consentTimeoutMillis, rooms, null, RecorderPolicy.DEFAULT);
    }

    /** The same configuration with connection-quality events (null: none). */
    public SfuConfig withQuality(QualityReporting newQuality) {
        return new SfuConfig(bindAddress, mediaPort, announceAddresses, maxSessions, subscriberQueuePackets,
                srtpBackend, randomSeed, clock, consentTimeoutMillis, rooms, newQuality, recorder);
    }

    /** The same configuration with another flight-recorder policy. */
    public SfuConfig withRecorder(RecorderPolicy newRecorder) {
        return new SfuConfig(bindAddress, mediaPort, announceAddresses, maxSessions, subscriberQueuePackets,
                srtpBackend, randomSeed, clock, consentTimeoutMillis, rooms, quality, newRecorder);
    }

    public SfuConfig {
        if (recorder == null) {
            throw new IllegalArgumentException("recorder policy is required");
        }
        announceAddresses = List.copyOf(announceAddresses);
        if (rooms == null) {
            throw new IllegalArgumentException("rooms policy is required");
        }
        if (maxSessions < 1) {
            throw new IllegalArgumentException("maxSessions must be at least 1");
        }
        if (consentTimeoutMillis < 1) {
            throw new IllegalArgumentException("consentTimeoutMillis must be positive");
        }
        if (subscriberQueuePackets < 8) {
            throw new IllegalArgumentException("subscriberQueuePackets must be at least 8");
        }
    }
}
