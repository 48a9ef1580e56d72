package dev.onair.sfu.room;

import dev.onair.sfu.api.ImpairmentPeriod;
import dev.onair.sfu.api.ImpairmentSetting;
import dev.onair.sfu.api.ParticipantListener;
import dev.onair.sfu.api.ParticipantRole;
import dev.onair.sfu.recorder.FlightRecorder;
import dev.onair.sfu.recorder.RecorderPolicy;
import dev.onair.sfu.session.MediaSession;
import dev.onair.sfu.session.PublisherSession;
import dev.onair.sfu.session.SubscriberSession;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One identity in a room. A participant joined through signalling ({@link #isSignalled()}) stays until it
 * leaves, is removed, or stays detached (its socket gone) past the resume window; one that only has WHIP/WHEP
 * sessions leaves with its last session. It owns at most one publisher and one subscriber connection of the
 * signalling protocol, plus any WHIP/WHEP sessions. Media loop only.
 */
public final class Participant {
    private final String identity;
    private final long joinOrder;
    private final long joinedAtMillis;
    private final List<MediaSession> sessions = new ArrayList<>();
    private ImpairmentSetting impairment;
    private long impairmentOriginNanos;
    /** Impairment periods kept per participant (a report's chart shows them as bands). */
    public static final int MAX_IMPAIRMENT_PERIODS = 16;
    private final ArrayDeque<ImpairmentPeriod> impairmentPeriods = new ArrayDeque<>();
    private final Map<String, String> subscriptions = new HashMap<>();
    private final Set<String> pausedSids = new HashSet<>();
    private final Map<String, Long> subscriberSsrcByMid = new HashMap<>();
    private String name;
    private String metadata;
    private ParticipantRole role;
    private boolean mayPublish;
    private boolean signalled;
    private String resumeKey;
    private ParticipantListener listener;
    private long detachedAtNanos = -1;
    private PublisherSession publisher;
    private SubscriberSession subscriber;
    private String publisherFingerprint;
    private String subscriberFingerprint;
    private long lastSpokeNanos = Long.MIN_VALUE;
    private FlightRecorder recorder;
    private int nextRecorderLink;

    public Participant(String identity, String name, String metadata, ParticipantRole role, boolean mayPublish,
                       long joinOrder, long joinedAtMillis) {
        this.identity = identity;
        this.name = name;
        this.metadata = metadata;
        this.role = role;
        this.mayPublish = mayPublish;
        this.joinOrder = joinOrder;
        this.joinedAtMillis = joinedAtMillis;
    }

    public String identity() {
        return identity;
    }

    public String name() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String metadata() {
        return metadata;
    }

    public void setMetadata(String metadata) {
        this.metadata = metadata;
    }

    public ParticipantRole role() {
        return role;
    }

    /** True when its role and its token allow publishing. */
    public boolean mayPublish() {
        return mayPublish && role != ParticipantRole.VIEWER;
    }

    public long joinOrder() {
        return joinOrder;
    }

    public long joinedAtMillis() {
        return joinedAtMillis;
    }

    public boolean isSignalled() {
        return signalled;
    }

    /** Makes this a signalling participant (it stays without sessions) with the given secret resume key. */
    public void signal(String resumeKey, ParticipantRole role, boolean mayPublish) {
        this.signalled = true;
        this.resumeKey = resumeKey;
        this.role = role;
        this.mayPublish = mayPublish;
    }

    public String resumeKey() {
        return resumeKey;
    }

    public ParticipantListener listener() {
        return listener;
    }

    /** Attaches a signalling connection (join or resume); the participant is no longer detached. */
    public void attach(ParticipantListener newListener) {
        this.listener = newListener;
        this.detachedAtNanos = -1;
    }

    /** Its signalling connection dropped without leaving: the resume window starts at {@code nowNanos}. */
    public void detach(long nowNanos) {
        this.listener = null;
        this.detachedAtNanos = nowNanos;
    }

    public boolean isDetached() {
        return detachedAtNanos >= 0;
    }

    public long detachedAtNanos() {
        return detachedAtNanos;
    }

    /** The network-lab shaping of this participant's transports, or null when off. */
    public ImpairmentSetting impairment() {
        return impairment;
    }

    /** When the impairment was set (media clock); time zero of its shapers. */
    public long impairmentOriginNanos() {
        return impairmentOriginNanos;
    }

    public void setImpairment(ImpairmentSetting setting, long originNanos) {
        this.impairment = setting;
        this.impairmentOriginNanos = originNanos;
    }

    /**
     * Records that {@code setting} (null: none) holds from {@code wallMillis}: the open period ends there and a
     * new one starts. The last {@link #MAX_IMPAIRMENT_PERIODS} periods are kept.
     */
    public void recordImpairmentPeriod(ImpairmentSetting setting, long wallMillis) {
        ImpairmentPeriod open = impairmentPeriods.peekLast();
        if (open != null && open.untilMillis() == null) {
            impairmentPeriods.pollLast();
            impairmentPeriods.addLast(open.endedAt(wallMillis));
        }
        if (setting != null) {
            if (impairmentPeriods.size() == MAX_IMPAIRMENT_PERIODS) {
                impairmentPeriods.pollFirst();
            }
            impairmentPeriods.addLast(new ImpairmentPeriod(wallMillis, null, setting));
        }
    }

    /** The recorded impairment periods, oldest first. */
    public List<ImpairmentPeriod> impairmentPeriods() {
        return List.copyOf(impairmentPeriods);
    }

    public List<MediaSession> sessions() {
        return sessions;
    }

    public PublisherSession publisher() {
        return publisher;
    }

    public SubscriberSession subscriber() {
        return subscriber;
    }

    public void setPublisher(PublisherSession publisher, String fingerprint) {
        this.publisher = publisher;
        this.publisherFingerprint = fingerprint;
    }

    public void setSubscriber(SubscriberSession subscriber, String fingerprint) {
        this.subscriber = subscriber;
        this.subscriberFingerprint = fingerprint;
        if (subscriber == null) {
            subscriptions.clear();
            pausedSids.clear();
            subscriberSsrcByMid.clear();
        }
    }

    public String publisherFingerprint() {
        return publisherFingerprint;
    }

    public String subscriberFingerprint() {
        return subscriberFingerprint;
    }

    /** The subscriber connection's wanted track per mid. */
    public Map<String, String> subscriptions() {
        return subscriptions;
    }

    /** Subscribed videos the video cap paused. */
    public Set<String> pausedSids() {
        return pausedSids;
    }

    /** The SSRC each m-line of the subscriber connection sends with, stable for the connection's life. */
    public Map<String, Long> subscriberSsrcByMid() {
        return subscriberSsrcByMid;
    }

    public long lastSpokeNanos() {
        return lastSpokeNanos;
    }

    public void spokeAt(long nowNanos) {
        this.lastSpokeNanos = nowNanos;
    }

    /** The participant's flight recorder, created on first use with {@code policy}'s size. */
    public FlightRecorder recorder(RecorderPolicy policy) {
        if (recorder == null) {
            recorder = policy.create();
        }
        return recorder;
    }

    /** The flight recorder, or null when nothing was recorded yet. */
    public FlightRecorder recorder() {
        return recorder;
    }

    /** The link number of the next transport attached to the recorder (0, 1, …; wraps at 256). */
    public int nextRecorderLink() {
        return nextRecorderLink++ & 0xFF;
    }
}
