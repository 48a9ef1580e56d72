package dev.onair.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.onair.client.WebRtcPeer;
import dev.onair.server.auth.Permission;
import dev.onair.server.testing.Poll;
import dev.onair.sfu.room.RoomPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Media through {@code /rtc}: Java peers publish and subscribe over the signalling socket (publish/subscribe
 * offers, answers with sids and states) and the tests check which packets arrive: a conference, subscriber
 * renegotiation, mute, a broadcast room, leaving, the video cap and resume at the signalling level.
 * <p>
 * "Packets stop" is checked against the publisher's own progress, not the clock: once the publisher has sent
 * a few more packets (in-flight ones land), the count must not move while it sends a second's worth more.
 */
class RtcMediaTest {
    @RegisterExtension
    static final ItServer it = new ItServer();

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private <T extends AutoCloseable> T closing(T c) {
        open.add(c);
        return c;
    }

    private RtcParty join(ItServer server, String room, String identity) {
        return closing(RtcParty.join(server, room, identity));
    }

    /** Waits until the publisher has sent {@code packets} more packets of {@code ssrc} than when called. */
    private static void awaitSent(WebRtcPeer publisher, long ssrc, int packets) {
        int start = publisher.nextSequenceNumber(ssrc);
        int sent = Poll.until(Duration.ofSeconds(5), Duration.ofMillis(10),
                () -> (publisher.nextSequenceNumber(ssrc) - start) & 0xFFFF, n -> n >= packets);
        assertThat(sent).as("the publisher keeps sending").isGreaterThanOrEqualTo(packets);
    }

    /** Asserts no more packets of the SSRCs reach {@code subscriber} while the publisher sends a second of audio. */
    private static void assertStopped(WebRtcPeer subscriber, WebRtcPeer publisher, long... ssrcs) {
        awaitSent(publisher, publisher.audioSsrc(), 10);
        long[] settled = new long[ssrcs.length];
        for (int i = 0; i < ssrcs.length; i++) {
            settled[i] = subscriber.received().packets(ssrcs[i]);
        }
        awaitSent(publisher, publisher.audioSsrc(), 50);
        for (int i = 0; i < ssrcs.length; i++) {
            assertThat(subscriber.received().packets(ssrcs[i])).as("packets of SSRC %d after it stopped", ssrcs[i])
                    .isEqualTo(settled[i]);
        }
    }

    /** Waits until {@code more} packets of {@code ssrc} arrived after the call. */
    private static void assertFlows(WebRtcPeer subscriber, long ssrc, long more) {
        long start = subscriber.received().packets(ssrc);
        assertThat(Media.awaitPackets(subscriber, ssrc, start + more))
                .as("packets of SSRC %d (subscriber drops %s)", ssrc, subscriber.drops().snapshot())
                .isGreaterThanOrEqualTo(start + more);
    }

    private static boolean about(JsonNode frame, String identity) {
        return identity.equals(frame.at("/participant/identity").asText())
                || identity.equals(frame.path("participant").asText());
    }

    @Test
    void conferenceSubscriberReceivesWhatItSubscribedToAndRenegotiatesAndFollowsMutes() throws Exception {
        String room = "m-conference";
        RtcParty alice = join(it, room, "alice").publish();
        JsonNode published = alice.publishing.lastAnswer();
        assertThat(published.path("tracks")).hasSize(2);
        assertThat(published.path("tracks").findValuesAsText("source")).containsExactly("microphone", "camera");
        assertThat(published.path("tracks").findValuesAsText("kind")).containsExactly("audio", "video");

        RtcParty bob = join(it, room, "bob");
        JsonNode aliceSeen = bob.joined.path("participants").get(0);
        assertThat(aliceSeen.path("identity").asText()).isEqualTo("alice");
        assertThat(aliceSeen.path("tracks").findValuesAsText("sid"))
                .containsExactly(alice.audioSid(), alice.videoSid());
        alice.ws.awaitType("participant_joined", f -> about(f, "bob"));

        WebRtcPeer sub = bob.subscribe(alice.audioSid(), alice.videoSid());
        assertThat(bob.subscribing.state("0")).isEqualTo("active");
        assertThat(bob.subscribing.state("1")).isEqualTo("active");
        assertThat(bob.subscribing.sid("1")).isEqualTo(alice.videoSid());
        long audio = bob.ssrc("0");
        long video = bob.ssrc("1");
        assertFlows(sub, audio, 20);
        assertFlows(sub, video, 20);
        assertThat(sub.received().stream(video).firstPacketKeyframe()).isTrue();

        // Renegotiation: the same offer with the video m-line inactive (same ICE and DTLS).
        JsonNode reoffer = bob.subscribing.offer(SdpEdits.direction(sub.offerSdp(), "1", "inactive"));
        assertThat(reoffer.path("type").asText()).as("%s", reoffer).isEqualTo("subscribe_answer");
        assertThat(bob.subscribing.state("0")).isEqualTo("active");
        assertThat(bob.subscribing.state("1")).isNotEqualTo("active");
        assertStopped(sub, alice.publisher, video);
        assertFlows(sub, audio, 20);

        // And back: the video m-line receives again, as a new track with a new SSRC (a fresh SRTP stream).
        JsonNode back = bob.subscribing.offer(sub.offerSdp());
        assertThat(back.path("type").asText()).as("%s", back).isEqualTo("subscribe_answer");
        assertThat(bob.subscribing.state("1")).isEqualTo("active");
        assertThat(bob.ssrc("1")).isNotEqualTo(video);
        video = bob.ssrc("1");
        assertFlows(sub, video, 20);
        assertThat(bob.ssrc("0")).as("the m-line that kept receiving keeps its SSRC").isEqualTo(audio);

        // Mute: everyone hears of it, and the audio stops until the unmute.
        JsonNode ok = alice.ws.request(RtcClient.message("mute").put("sid", alice.audioSid()).put("muted", true));
        assertThat(ok.path("type").asText()).as("%s", ok).isEqualTo("ok");
        JsonNode muted = bob.ws.awaitType("track_muted", f -> f.at("/track/muted").asBoolean());
        assertThat(muted.path("participant").asText()).isEqualTo("alice");
        assertThat(muted.at("/track/sid").asText()).isEqualTo(alice.audioSid());
        assertThat(muted.path("by").asText()).isEqualTo("self");
        assertStopped(sub, alice.publisher, audio);
        assertFlows(sub, video, 10);

        alice.ws.request(RtcClient.message("mute").put("sid", alice.audioSid()).put("muted", false));
        bob.ws.awaitType("track_muted", f -> !f.at("/track/muted").asBoolean(true));
        assertFlows(sub, audio, 20);
    }

    @Test
    void broadcastViewersReceiveTheHostMayNotPublishAndDoNotSeeEachOther() throws Exception {
        String room = "m-broadcast";
        RtcParty host = closing(RtcParty.join(it, room, "host", "broadcast",
                EnumSet.of(Permission.PUBLISH, Permission.SUBSCRIBE))).publish();
        assertThat(host.joined.at("/room/kind").asText()).isEqualTo("broadcast");
        assertThat(host.joined.at("/participant/role").asText()).isEqualTo("host");

        List<RtcParty> viewers = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            RtcParty v = closing(RtcParty.join(it, room, "viewer" + i, "conference", EnumSet.of(Permission.SUBSCRIBE)));
            assertThat(v.joined.at("/room/kind").asText()).as("a later token's roomKind changes nothing")
                    .isEqualTo("broadcast");
            assertThat(v.joined.at("/participant/role").asText()).isEqualTo("viewer");
            assertThat(v.joined.path("participants").findValuesAsText("identity")).as("a viewer sees the hosts only")
                    .containsExactly("host");
            assertThat(v.joined.path("viewerCount").asInt()).isEqualTo(i);
            viewers.add(v);
        }
        for (RtcParty v : viewers) {
            WebRtcPeer sub = v.subscribe(host.audioSid(), host.videoSid());
            assertFlows(sub, v.ssrc("0"), 20);
            assertFlows(sub, v.ssrc("1"), 20);
        }

        var publish = RtcClient.message("publish").put("sdp", host.publisher.offerSdp());
        publish.putArray("tracks").addObject().put("mid", "0").put("source", "microphone");
        JsonNode refused = viewers.get(0).ws.request(publish);
        assertThat(refused.path("code").asText()).as("%s", refused).isEqualTo("forbidden");
        assertFlows(viewers.get(0).subscriber, viewers.get(0).ssrc("0"), 10);

        for (RtcParty v : viewers) {
            v.ws.barrier();
            assertThat(v.ws.frames("participant_joined")).as("%s never hears of other viewers", v.identity).isEmpty();
        }
        for (int i = 1; i <= 3; i++) {
            String name = "viewer" + i;
            host.ws.awaitType("participant_joined", f -> about(f, name));
        }
    }

    @Test
    void whenAPublisherLeavesSubscribersGetUnpublishedAndLeftAndItsPacketsStop() throws Exception {
        String room = "m-leave";
        RtcParty alice = join(it, room, "alice").publish();
        RtcParty bob = join(it, room, "bob");
        WebRtcPeer sub = bob.subscribe(alice.audioSid(), alice.videoSid());
        long audio = bob.ssrc("0");
        long video = bob.ssrc("1");
        assertFlows(sub, audio, 20);
        assertFlows(sub, video, 10);

        assertThat(alice.leave()).isEqualTo(1000);
        Duration twoSeconds = Duration.ofSeconds(2);
        bob.ws.await("participant_left", f -> "participant_left".equals(f.path("type").asText()) && about(f, "alice"),
                twoSeconds);
        bob.ws.barrier();
        List<String> unpublished = bob.ws.frames("track_unpublished").stream()
                .filter(f -> about(f, "alice")).map(f -> f.at("/track/sid").asText()).toList();
        assertThat(unpublished).containsExactlyInAnyOrder(alice.audioSid(), alice.videoSid());
        JsonNode left = bob.ws.frames("participant_left").get(0);
        assertThat(left.path("reason").asText()).isEqualTo("left");

        assertStopped(sub, alice.publisher, audio, video);
    }

    @Test
    void theVideoCapPausesTheLaterJoinersVideoAndResumesItWhenTheFirstLeaves() throws Exception {
        ItServer capped = closing(new ItServer(c -> c.withRooms(new RoomPolicy(20_000, 30_000, 1))));
        String room = "m-video-cap";
        RtcParty alice = closing(RtcParty.join(capped, room, "alice")).publish();
        RtcParty carol = closing(RtcParty.join(capped, room, "carol")).publish();
        RtcParty bob = closing(RtcParty.join(capped, room, "bob"));
        WebRtcPeer sub = bob.subscribe(Map.of("0", alice.audioSid(), "1", alice.videoSid(), "2", carol.videoSid()),
                offer -> SdpEdits.extraVideo(offer, "2"));
        long aliceVideo = bob.ssrc("1");
        long carolVideo = bob.ssrc("2");
        assertThat(aliceVideo).isNotEqualTo(carolVideo);

        // Paused in the answer, or (when the cap applies once the connection is up) by subscription_state.
        boolean pausedInAnswer = "paused".equals(bob.subscribing.state("2"));
        if (!pausedInAnswer) {
            JsonNode state = bob.ws.awaitType("subscription_state", f -> true);
            assertThat(state.path("reason").asText()).isEqualTo("video_cap");
            assertThat(state.path("tracks").findValuesAsText("sid")).containsExactly(carol.videoSid());
            assertThat(state.path("tracks").findValuesAsText("state")).containsExactly("paused");
        }
        assertThat(bob.subscribing.state("1")).isEqualTo("active");
        assertFlows(sub, aliceVideo, 30);
        assertFlows(sub, bob.ssrc("0"), 20);
        assertThat(sub.received().packets(carolVideo)).as("the earlier joiner's video wins; carol's is paused")
                .isZero();

        assertThat(alice.leave()).isEqualTo(1000);
        JsonNode resumed = bob.ws.awaitType("subscription_state",
                f -> f.path("tracks").findValuesAsText("state").contains("active"));
        assertThat(resumed.path("tracks").findValuesAsText("sid")).containsExactly(carol.videoSid());
        assertFlows(sub, carolVideo, 20);
        assertStopped(sub, carol.publisher, aliceVideo);
    }

    @Test
    void aDroppedSocketResumesWithinTheWindowWithoutLeavingAndMediaFlowsThroughout() throws Exception {
        String room = "m-resume";
        RtcParty alice = join(it, room, "alice").publish();
        RtcParty bob = join(it, room, "bob");
        WebRtcPeer sub = bob.subscribe(alice.audioSid(), alice.videoSid());
        long audio = bob.ssrc("0");
        assertFlows(sub, audio, 20);
        String subscribeSession = bob.session("subscribe").path("resourceId").asText();
        String resumeToken = bob.joined.path("resumeToken").asText();
        assertThat(resumeToken).isNotBlank();
        assertThat(bob.joined.path("resumeWindowSeconds").asInt()).isEqualTo(30);

        bob.ws.close(); // the network drops: no leave
        assertFlows(sub, audio, 25); // the subscriber connection keeps receiving while the socket is gone

        try (RtcClient again = new RtcClient(it.server.httpPort())) {
            JsonNode joined = again.resume(bob.token, resumeToken);
            assertThat(joined.path("type").asText()).as("%s", joined).isEqualTo("joined");
            assertThat(joined.path("resumed").asBoolean()).isTrue();
            assertThat(joined.at("/participant/identity").asText()).isEqualTo("bob");
            JsonNode aliceSeen = joined.path("participants").get(0);
            assertThat(aliceSeen.path("tracks").findValuesAsText("sid"))
                    .containsExactly(alice.audioSid(), alice.videoSid());

            alice.ws.barrier();
            assertThat(alice.ws.frames("participant_left")).as("nobody saw bob leave").isEmpty();
            assertThat(alice.ws.frames("participant_joined")).as("nor join again").hasSize(1);
            assertThat(bob.session("subscribe").path("resourceId").asText()).as("the same subscriber transport")
                    .isEqualTo(subscribeSession);
            assertFlows(sub, audio, 20);

            alice.ws.request(RtcClient.message("mute").put("sid", alice.videoSid()).put("muted", true));
            JsonNode muted = again.awaitType("track_muted");
            assertThat(muted.at("/track/sid").asText()).as("the new socket gets the events").isEqualTo(alice.videoSid());
            assertThat(again.leave()).isEqualTo(1000);
            alice.ws.awaitType("participant_left", f -> about(f, "bob"));
        }
    }

    @Test
    void afterTheResumeWindowTheParticipantIsRemovedAndItsOldResumeTokenJoinsAfresh() throws Exception {
        ItServer shortWindow = closing(new ItServer(c -> c.withRooms(new RoomPolicy(0, 2000, 9))));
        String room = "m-resume-expired";
        RtcParty alice = closing(RtcParty.join(shortWindow, room, "alice"));
        RtcParty bob = closing(RtcParty.join(shortWindow, room, "bob")).publish();
        assertThat(bob.joined.path("resumeWindowSeconds").asInt()).isEqualTo(2);
        String resumeToken = bob.joined.path("resumeToken").asText();
        alice.ws.awaitType("track_published", f -> about(f, "bob") && "video".equals(f.at("/track/kind").asText()));

        bob.ws.close();
        JsonNode left = alice.ws.await("participant_left of bob",
                f -> "participant_left".equals(f.path("type").asText()) && about(f, "bob"), Duration.ofSeconds(6));
        assertThat(left.path("reason").asText()).isEqualTo("resume window expired");
        alice.ws.barrier();
        assertThat(alice.ws.frames("track_unpublished")).as("its sessions ended with it").hasSize(2);
        assertThat(bob.session("publish")).isNull();

        try (RtcClient again = new RtcClient(shortWindow.server.httpPort())) {
            JsonNode joined = again.resume(bob.token, resumeToken);
            assertThat(joined.path("type").asText()).as("%s", joined).isEqualTo("joined");
            assertThat(joined.path("resumed").asBoolean()).isFalse();
            assertThat(joined.path("resumeToken").asText()).isNotEqualTo(resumeToken);
            assertThat(joined.at("/participant/tracks")).isEmpty();
            alice.ws.barrier(); // the join was announced to alice before the new socket got joined
            assertThat(alice.ws.frames("participant_joined").stream().filter(f -> about(f, "bob")))
                    .as("bob joined, left, and joined afresh").hasSize(2);
        }
    }
}
