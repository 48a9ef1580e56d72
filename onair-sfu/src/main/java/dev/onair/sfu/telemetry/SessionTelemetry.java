package dev.onair.sfu.telemetry;

import dev.onair.sfu.api.ClientSample;
import dev.onair.sfu.api.SessionReport.CongestionSample;
import dev.onair.sfu.api.SessionReport.LayerSwitch;
import dev.onair.sfu.api.SessionReport.SessionSample;
import dev.onair.sfu.api.SessionReport.TrackSample;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One session's telemetry: a {@link TrackSampler} per track (keyed by m-line; a track gone at a tick is
 * forgotten) and the session's own series. The owning session reads its counters into {@link #counters()} and
 * hands them over once a second. Media loop only; memory is bounded (see the package documentation).
 */
public final class SessionTelemetry {
    /** Samples kept per series: five minutes at one a second. */
    public static final int DEFAULT_CAPACITY = 300;
    /**
     * Subscribers keep one minute: a broadcast has thousands of them, and 60 samples (≈ 30 KB with two tracks)
     * instead of 300 keeps 5,000 viewers at about 150 MB rather than 750 MB.
     */
    public static final int SUBSCRIBER_CAPACITY = 60;

    private final int capacity;
    private final SampleRing<SessionSample> sessionSamples;
    /** Subscribers' congestion control decisions, same capacity as the other series; created on first use. */
    private SampleRing<CongestionSample> congestion;
    /** The latest layer switches (a flapping allocator must not grow memory). */
    private SampleRing<LayerSwitch> layerSwitches;
    /** Layer switches kept per session. */
    public static final int LAYER_SWITCH_CAPACITY = 100;
    private final Map<String, TrackSampler> tracks = new LinkedHashMap<>();
    private final Map<String, ClientSampler> clients = new LinkedHashMap<>();
    private final TrackCounters scratch = new TrackCounters();
    private boolean primed;
    private long prevNanos;
    private long prevPacketsIn;
    private long prevPacketsOut;
    private long prevNack;
    private long prevPli;
    private long prevFir;
    private long prevQueueDrops;
    private long prevTransportFeedbackSent;

    public SessionTelemetry(int capacity) {
        this.capacity = capacity;
        this.sessionSamples = new SampleRing<>(capacity);
    }

    public int capacity() {
        return capacity;
    }

    /** The reused counters to fill for the next {@link #sampleTrack}, cleared. */
    public TrackCounters counters() {
        return scratch.clear();
    }

    /** Samples track {@code key}; returns the sample, or null for a track's first (baseline) reading. */
    public TrackSample sampleTrack(String key, long nowNanos, long wallMillis, TrackCounters c) {
        return tracks.computeIfAbsent(key, k -> new TrackSampler(capacity)).sample(nowNanos, wallMillis, c);
    }

    /** The newest sample of track {@code key}, or null. */
    public TrackSample lastTrackSample(String key) {
        TrackSampler s = tracks.get(key);
        return s == null ? null : s.samples().last();
    }

    /** Forgets the tracks not in {@code keys} (their m-line was removed). */
    public void retainTracks(Collection<String> keys) {
        tracks.keySet().retainAll(keys);
        clients.keySet().retainAll(keys);
    }

    /**
     * The sampler of the browser's view of track {@code key} (created on first use, same capacity as the
     * server's series; forgotten with the track by {@link #retainTracks}).
     */
    public ClientSampler clientSampler(String key) {
        return clients.computeIfAbsent(key, k -> new ClientSampler(capacity));
    }

    /** The browser's samples of track {@code key}, oldest first; empty when it uploaded none. */
    public List<ClientSample> clientSamples(String key) {
        ClientSampler s = clients.get(key);
        return s == null ? List.of() : s.samples().toList();
    }

    /** The newest client sample of track {@code key}; null when none. */
    public ClientSample lastClientSample(String key) {
        ClientSampler s = clients.get(key);
        return s == null ? null : s.samples().last();
    }

    /** The samples of track {@code key}, oldest first; empty when unknown. */
    public List<TrackSample> trackSamples(String key) {
        TrackSampler s = tracks.get(key);
        return s == null ? List.of() : s.samples().toList();
    }

    /**
     * Samples the session from its cumulative counters; {@code bitrateBps} is the sum of this tick's track
     * samples. Returns null for the first (baseline) reading.
     */
    public SessionSample sampleSession(long nowNanos, long wallMillis, long bitrateBps, long packetsIn,
                                       long packetsOut, long nackReceived, long pliReceived, long firReceived,
                                       long queueDrops) {
        return sampleSession(nowNanos, wallMillis, bitrateBps, packetsIn, packetsOut, nackReceived, pliReceived,
                firReceived, queueDrops, 0);
    }

    /** As above, with the transport-wide congestion control feedback packets sent so far. */
    public SessionSample sampleSession(long nowNanos, long wallMillis, long bitrateBps, long packetsIn,
                                       long packetsOut, long nackReceived, long pliReceived, long firReceived,
                                       long queueDrops, long transportFeedbackSent) {
        long dtNanos = nowNanos - prevNanos;
        SessionSample s = null;
        if (primed && dtNanos > 0) {
            double seconds = dtNanos / 1e9;
            s = new SessionSample(wallMillis, Math.round(dtNanos / 1e6), bitrateBps,
                    Math.max(0, packetsIn - prevPacketsIn) / seconds, Math.max(0, packetsOut - prevPacketsOut) / seconds,
                    Math.max(0, nackReceived - prevNack), Math.max(0, pliReceived - prevPli),
                    Math.max(0, firReceived - prevFir), Math.max(0, queueDrops - prevQueueDrops),
                    Math.max(0, transportFeedbackSent - prevTransportFeedbackSent));
            sessionSamples.add(s);
        }
        primed = true;
        prevNanos = nowNanos;
        prevPacketsIn = packetsIn;
        prevPacketsOut = packetsOut;
        prevNack = nackReceived;
        prevPli = pliReceived;
        prevFir = firReceived;
        prevQueueDrops = queueDrops;
        prevTransportFeedbackSent = transportFeedbackSent;
        return s;
    }

    /** The newest session sample, or null. */
    public SessionSample lastSessionSample() {
        return sessionSamples.last();
    }

    public List<SessionSample> sessionSamples() {
        return sessionSamples.toList();
    }

    /** Adds one congestion control sample (subscribers, once a second). */
    public void addCongestion(CongestionSample sample) {
        if (congestion == null) {
            congestion = new SampleRing<>(capacity);
        }
        congestion.add(sample);
    }

    /** The congestion control samples, oldest first; empty when none. */
    public List<CongestionSample> congestionSamples() {
        return congestion == null ? List.of() : congestion.toList();
    }

    /** The newest congestion control sample, or null. */
    public CongestionSample lastCongestionSample() {
        return congestion == null ? null : congestion.last();
    }

    /** Records a layer switch (rare: at most a few a second even when the allocator works hard). */
    public void addLayerSwitch(LayerSwitch s) {
        if (layerSwitches == null) {
            layerSwitches = new SampleRing<>(LAYER_SWITCH_CAPACITY);
        }
        layerSwitches.add(s);
    }

    /** The latest layer switches, oldest first. */
    public List<LayerSwitch> layerSwitches() {
        return layerSwitches == null ? List.of() : layerSwitches.toList();
    }
}
