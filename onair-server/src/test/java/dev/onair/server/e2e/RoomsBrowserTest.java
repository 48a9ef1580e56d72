package dev.onair.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.server.e2e.HarnessPage.Event;
import dev.onair.server.e2e.HarnessPage.Join;
import dev.onair.server.testing.Poll;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rooms end to end in real headless Chromium (issue 3, (a) to (d)): onair.js on the test page
 * {@code /e2e/rooms.html}, a real in-process server in dev mode, fake camera (320x240, 15 fps to spare the
 * 2-core CI machines) and fake microphone. One Chromium per participant where the participant's own media
 * path matters; the viewers of the broadcast share one page (six Rooms, each its own socket and PCs).
 */
class RoomsBrowserTest {
    /** Media checks: generous for a busy 2-core machine running three Chromiums. */
    private static final Duration MEDIA_TIMEOUT = Duration.ofSeconds(40);
    private static final long FRAMES = 45;
    private static final long AUDIO_PACKETS = 100;
    @RegisterExtension
    static final BrowserServer SERVER = new BrowserServer();

    /**
     * (a) Three Chromiums in a conference: each decodes the other two videos and receives their two audio
     * tracks. Ann's fake microphone plays a speech-like WAV; Bob's and Cy's are Chromium's default beeps
     * (20 ms every 500 ms), which must not count as speech: every page hears that Ann, and only Ann, speaks.
     */
    @Test
    void conferenceOfThreeDecodesEveryOtherVideoAndAudioAndAnnouncesTheSpeaker(@TempDir Path tmp) throws Exception {
        String room = "conf-a";
        List<String> people = List.of("ann", "bob", "cy");
        Path voice = SpeechLikeWav.write(tmp);
        try (Browser ba = new Browser(List.of("--use-file-for-fake-audio-capture=" + voice));
             Browser bb = new Browser(); Browser bc = new Browser()) {
            List<HarnessPage> pages = List.of(new HarnessPage(ba, SERVER.base()), new HarnessPage(bb, SERVER.base()), new HarnessPage(bc, SERVER.base()));
            for (int i = 0; i < 3; i++) {
                pages.get(i).join(people.get(i), Join.conference(room, people.get(i)));
            }
            for (int i = 0; i < 3; i++) {
                String me = people.get(i);
                List<String> others = people.stream().filter(p -> !p.equals(me)).toList();
                HarnessPage page = pages.get(i);
                RoomStats s = Poll.until(MEDIA_TIMEOUT, () -> page.stats(me), st -> others.stream().allMatch(o ->
                        st.framesDecodedFrom(o) > FRAMES && st.audioPacketsFrom(o) > AUDIO_PACKETS));
                for (String other : others) {
                    assertThat(s.video(other)).as("%s receives one video from %s: %s", me, other, s).hasSize(1);
                    assertThat(s.audio(other)).as("%s receives one audio from %s: %s", me, other, s).hasSize(1);
                    assertThat(s.framesDecodedFrom(other)).as("%s decodes %s's video", me, other).isGreaterThan(FRAMES);
                    assertThat(s.audioPacketsFrom(other)).as("%s receives %s's audio", me, other).isGreaterThan(AUDIO_PACKETS);
                }
            }
            for (int i = 0; i < 3; i++) {
                String me = people.get(i);
                HarnessPage page = pages.get(i);
                List<Event> speakers = Poll.until(Duration.ofSeconds(20), () -> ofType(page.events(me), "activeSpeakersChanged"),
                        l -> l.stream().anyMatch(e -> e.speakers().equals(List.of("ann"))));
                assertThat(speakers).as("%s's activeSpeakersChanged events", me)
                        .anyMatch(e -> e.speakers().equals(List.of("ann")))
                        .allMatch(e -> !e.speakers().contains("bob") && !e.speakers().contains("cy"));
            }
            assertThat(ServerStatus.activeSpeakers(SERVER.base(), room)).containsExactly("ann");
        }
    }

    /**
     * (b) A broadcast: one host Chromium, six viewers as six Rooms in a second Chromium. Every viewer decodes
     * the host's video; the server refuses a viewer's publish offer with {@code forbidden} (and the socket
     * stays up); the host counts six viewers.
     */
    @Test
    void broadcastOfOneHostToSixViewersAndAViewerMayNotPublish() throws Exception {
        String room = "show-b";
        List<String> viewers = List.of("v1", "v2", "v3", "v4", "v5", "v6");
        try (Browser hostBrowser = new Browser(); Browser viewerBrowser = new Browser()) {
            HarnessPage host = new HarnessPage(hostBrowser, SERVER.base());
            HarnessPage audience = new HarnessPage(viewerBrowser, SERVER.base());
            host.join("host", Join.host(room, "host"));
            for (String v : viewers) {
                audience.join(v, Join.viewer(room, v));
            }
            for (String v : viewers) {
                RoomStats s = Poll.until(MEDIA_TIMEOUT, () -> audience.stats(v),
                        st -> st.framesDecodedFrom("host") > FRAMES && st.audioPacketsFrom("host") > AUDIO_PACKETS);
                assertThat(s.framesDecodedFrom("host")).as("viewer %s decodes the host: %s", v, s).isGreaterThan(FRAMES);
                assertThat(s.audioPacketsFrom("host")).as("viewer %s hears the host", v).isGreaterThan(AUDIO_PACKETS);
                assertThat(s.outbound()).as("a viewer sends nothing").isEmpty();
            }
            assertThat(audience.participants("v1")).as("a viewer sees the host, not the others")
                    .containsExactly("host");
            Object hostViewers = Poll.until(Duration.ofSeconds(10), () -> host.state("host").get("viewerCount"),
                    n -> n instanceof Number x && x.intValue() == viewers.size());
            assertThat(hostViewers).isEqualTo(6L);

            Map<?, ?> raw = audience.rawPublishOffer("v1");
            assertThat(raw.get("code")).as("the server's answer to a viewer's publish: %s", raw).isEqualTo("forbidden");
            Map<?, ?> sdk = audience.publishCamera("v2");
            assertThat(sdk.get("code")).as("the SDK refuses too: %s", sdk).isEqualTo("forbidden");
            assertThat(audience.state("v1").get("state")).as("the socket stays open").isEqualTo("connected");
            assertThat(ServerStatus.sessions(SERVER.base(), room, "v1", "publish")).isZero();
        }
    }

    /**
     * (c) Cy leaves: within 2 s Ann and Bob (two Rooms in another Chromium) get participantLeft and a
     * trackUnsubscribed for each of Cy's two tracks, Cy's video stops arriving and the server frees Cy's sessions.
     */
    @Test
    void aParticipantThatLeavesDisappearsWithinTwoSecondsAndItsVideoStops() throws Exception {
        String room = "conf-c";
        List<String> observers = List.of("ann", "bob");
        try (Browser b1 = new Browser(); Browser b2 = new Browser()) {
            HarnessPage page = new HarnessPage(b1, SERVER.base());
            HarnessPage leaver = new HarnessPage(b2, SERVER.base());
            for (String o : observers) {
                page.join(o, Join.conference(room, o));
            }
            leaver.join("cy", Join.conference(room, "cy"));
            Map<String, String> cyVideoTrack = new HashMap<>();
            for (String o : observers) {
                RoomStats s = Poll.until(MEDIA_TIMEOUT, () -> page.stats(o), st -> st.framesDecodedFrom("cy") > FRAMES);
                assertThat(s.framesDecodedFrom("cy")).as("%s decodes cy first: %s", o, s).isGreaterThan(FRAMES);
                cyVideoTrack.put(o, s.video("cy").get(0).trackId());
            }

            long leftAt = leaver.leave("cy");

            for (String o : observers) {
                List<Event> left = Poll.until(Duration.ofSeconds(10), () -> page.events(o),
                        l -> ofType(l, "participantLeft").size() == 1 && unsubscribedFrom(l, "cy") == 2);
                Event leftEvent = ofType(left, "participantLeft").get(0);
                assertThat(leftEvent.identity()).isEqualTo("cy");
                assertThat(leftEvent.atMillis() - leftAt).as("%s sees cy leave within 2 s", o).isLessThanOrEqualTo(2000);
                assertThat(unsubscribedFrom(left, "cy")).as("%s: cy's audio and video unsubscribed", o).isEqualTo(2);
                assertThat(left).filteredOn(e -> e.type().equals("trackUnsubscribed"))
                        .allMatch(e -> e.atMillis() - leftAt <= 2000, "within 2 s");
                assertThat(page.participants(o)).as("%s's participants", o)
                        .doesNotContain("cy").hasSize(1);
                assertThat(stopsGrowing(() -> page.stats(o).packetsOfTrack(cyVideoTrack.get(o))))
                        .as("%s stops receiving cy's video", o).isTrue();
                assertThat(page.videos(o)).as("cy's <video> removed").noneMatch(v -> "cy".equals(v.get("identity")));
            }
            long cySessions = Poll.until(Duration.ofSeconds(10), () -> ServerStatus.sessions(SERVER.base(), room, "cy", "publish")
                    + ServerStatus.sessions(SERVER.base(), room, "cy", "subscribe"), n -> n == 0);
            assertThat(cySessions).as("cy's sessions freed").isZero();
        }
    }

    /**
     * (d) Ann's signalling socket drops: the SDK resumes and restarts ICE on both PCs (both select a new local
     * candidate port), media flows both ways again within 5 s, and Bob never sees Ann leave or join.
     */
    @Test
    void aDroppedSocketResumesWithAnIceRestartAndNobodyNotices() throws Exception {
        String room = "conf-d";
        try (Browser b1 = new Browser(); Browser b2 = new Browser()) {
            HarnessPage annPage = new HarnessPage(b1, SERVER.base());
            HarnessPage bobPage = new HarnessPage(b2, SERVER.base());
            annPage.join("ann", Join.conference(room, "ann"));
            bobPage.join("bob", Join.conference(room, "bob"));
            RoomStats annBefore = Poll.until(MEDIA_TIMEOUT, () -> annPage.stats("ann"), s -> s.framesDecodedFrom("bob") > FRAMES
                    && s.publisherPair() != null && s.subscriberPair() != null);
            RoomStats bobBefore = Poll.until(MEDIA_TIMEOUT, () -> bobPage.stats("bob"), s -> s.framesDecodedFrom("ann") > FRAMES);
            assertThat(annBefore.framesDecodedFrom("bob")).as("ann decodes bob first: %s", annBefore).isGreaterThan(FRAMES);
            assertThat(bobBefore.framesDecodedFrom("ann")).as("bob decodes ann first: %s", bobBefore).isGreaterThan(FRAMES);
            long publisherPort = annBefore.publisherPair().localPort();
            long subscriberPort = annBefore.subscriberPair().localPort();

            long droppedAt = annPage.dropSocket("ann");
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();

            RoomStats annAfter = Poll.until(Duration.ofSeconds(5), () -> annPage.stats("ann"), s -> s.publisherPair() != null
                    && s.subscriberPair() != null && s.publisherPair().localPort() != publisherPort
                    && s.subscriberPair().localPort() != subscriberPort);
            assertThat(annAfter.publisherPair().localPort()).as("publisher PC on a new path: %s", annAfter)
                    .isNotEqualTo(publisherPort);
            assertThat(annAfter.subscriberPair().localPort()).as("subscriber PC on a new path: %s", annAfter)
                    .isNotEqualTo(subscriberPort);
            long annFrames = annAfter.framesDecodedFrom("bob");
            long bobFrames = bobPage.stats("bob").framesDecodedFrom("ann");
            Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
            RoomStats annLater = Poll.until(left, () -> annPage.stats("ann"), s -> s.framesDecodedFrom("bob") > annFrames + 10);
            RoomStats bobLater = Poll.until(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())), () -> bobPage.stats("bob"),
                    s -> s.framesDecodedFrom("ann") > bobFrames + 10);
            assertThat(annLater.framesDecodedFrom("bob")).as("ann decodes bob again on the new path").isGreaterThan(annFrames + 10);
            assertThat(bobLater.framesDecodedFrom("ann")).as("bob decodes ann again on the new path").isGreaterThan(bobFrames + 10);

            List<Event> annEvents = annPage.events("ann");
            assertThat(ofType(annEvents, "reconnecting")).hasSize(1);
            assertThat(ofType(annEvents, "reconnected")).hasSize(1);
            assertThat(ofType(annEvents, "reconnected").get(0).atMillis() - droppedAt).isLessThan(5000);
            assertThat(bobPage.events("bob")).as("bob never saw ann leave or join again")
                    .noneMatch(e -> e.type().equals("participantLeft") || e.type().equals("participantJoined"));
            assertThat(ServerStatus.sessions(SERVER.base(), room, "ann", "publish")).isEqualTo(1);
            assertThat(ServerStatus.sessions(SERVER.base(), room, "ann", "subscribe")).isEqualTo(1);
        }
    }

    private static List<Event> ofType(List<Event> events, String type) {
        return events.stream().filter(e -> e.type().equals(type)).toList();
    }

    private static long unsubscribedFrom(List<Event> events, String identity) {
        return events.stream().filter(e -> e.type().equals("trackUnsubscribed") && identity.equals(e.identity())).count();
    }

    /** True when a counter stops moving: two samples 1.5 s apart are equal, within 10 s. */
    private static boolean stopsGrowing(java.util.function.LongSupplier counter) {
        List<Long> samples = new ArrayList<>();
        Predicate<Long> same = v -> {
            samples.add(v);
            return samples.size() >= 2 && samples.get(samples.size() - 2).equals(v);
        };
        Long last = Poll.until(Duration.ofSeconds(10), Duration.ofMillis(1500), counter::getAsLong, same);
        return samples.size() >= 2 && samples.get(samples.size() - 2).equals(last);
    }
}
