package dev.onair.server.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.protocol.DropCounts;
import dev.onair.server.config.WebhookConfig;
import dev.onair.sfu.api.RoomEvent;
import dev.onair.transport.clock.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Delivery logic on a fake scheduler and a scripted transport: retries, backoff, attempt limits, per-URL
 * isolation, overflow. Nothing waits: the scheduler runs tasks when told and records the backoff delays.
 */
class EndpointDeliveryTest {
    private static final String A = "http://a.example/hook";
    private static final String B = "http://b.example/hook";
    private static final String SECRET = "s".repeat(32);

    private final FakeScheduler scheduler = new FakeScheduler();
    private final ScriptedTransport transport = new ScriptedTransport();
    private final ManualClock clock = new ManualClock(0, 1_700_000_000_000L);
    private final DropCounts<WebhookResult> counts = new DropCounts<>(WebhookResult.class);
    private final AtomicInteger ids = new AtomicInteger();

    private WebhookSender sender(int maxAttempts, int queueSize, String... urls) {
        WebhookConfig cfg = new WebhookConfig(List.of(urls), null, 5000, maxAttempts, queueSize);
        WebhookSender.Runtime rt = new WebhookSender.Runtime(transport, scheduler,
                new Backoff(500, 60_000, new SplittableRandom(42)), clock, () -> "e" + ids.incrementAndGet(),
                Duration.ZERO);
        return new WebhookSender(cfg, SECRET, rt, counts);
    }

    private static RoomEvent started(String room) {
        return new RoomEvent.RoomStarted(room, dev.onair.sfu.api.RoomKind.CONFERENCE, 1_700_000_000_000L);
    }

    @Test
    void fiveHundredTwiceThenOkIsTheSameEventThreeTimesThenDelivered() {
        transport.answer(A, 500, 503);
        WebhookSender s = sender(5, 10, A);
        s.onEvent(started("r"));
        scheduler.runAll();
        assertThat(transport.to(A)).extracting(ScriptedTransport.Request::eventId).containsExactly("e1", "e1", "e1");
        assertThat(counts.get(WebhookResult.DELIVERED)).isEqualTo(1);
        assertThat(counts.get(WebhookResult.RETRIED)).isEqualTo(2);
        assertThat(counts.get(WebhookResult.FAILED)).isZero();
        assertThat(scheduler.delaysMillis).hasSize(2);
        assertThat(scheduler.delaysMillis.get(0)).isBetween(375L, 625L); // 500 ms ± 25 %
        assertThat(scheduler.delaysMillis.get(1)).isBetween(750L, 1250L); // 1 s ± 25 %
    }

    @Test
    void networkErrorsAreRetriedToo() {
        transport.answer(A, ScriptedTransport.NETWORK_ERROR, 200);
        WebhookSender s = sender(5, 10, A);
        s.onEvent(started("r"));
        scheduler.runAll();
        assertThat(transport.to(A)).hasSize(2);
        assertThat(counts.get(WebhookResult.DELIVERED)).isEqualTo(1);
        assertThat(counts.get(WebhookResult.RETRIED)).isEqualTo(1);
    }

    @Test
    void fourHundredsAreNotRetried() {
        transport.answer(A, 400, 404);
        WebhookSender s = sender(5, 10, A);
        s.onEvent(started("r1"));
        s.onEvent(started("r2"));
        scheduler.runAll();
        assertThat(transport.to(A)).extracting(ScriptedTransport.Request::eventId).containsExactly("e1", "e2");
        assertThat(counts.get(WebhookResult.FAILED)).isEqualTo(2);
        assertThat(counts.get(WebhookResult.RETRIED)).isZero();
        assertThat(scheduler.delaysMillis).isEmpty();
    }

    @Test
    void maxAttemptsIsRespectedAndBackoffDoubles() {
        transport.answer(A, 500, 500, 500, 500, 500, 500, 500);
        WebhookSender s = sender(4, 10, A);
        s.onEvent(started("r"));
        scheduler.runAll();
        assertThat(transport.to(A)).hasSize(4);
        assertThat(counts.get(WebhookResult.FAILED)).isEqualTo(1);
        assertThat(counts.get(WebhookResult.RETRIED)).isEqualTo(3);
        assertThat(counts.get(WebhookResult.DELIVERED)).isZero();
        assertThat(scheduler.delaysMillis).hasSize(3);
        assertThat(scheduler.delaysMillis.get(2)).isBetween(1500L, 2500L); // 2 s ± 25 %
    }

    @Test
    void everyAttemptIsSignedWithItsOwnTimestamp() {
        transport.answer(A, 500);
        WebhookSender s = sender(5, 10, A);
        s.onEvent(started("r"));
        scheduler.runAll();
        ScriptedTransport.Request first = transport.to(A).get(0);
        assertThat(first.headers()).containsEntry("Content-Type", "application/json")
                .containsEntry(WebhookSignature.TIMESTAMP_HEADER, "1700000000");
        for (ScriptedTransport.Request r : transport.to(A)) {
            assertThat(WebhookSignature.verify(SECRET, r.headers().get(WebhookSignature.TIMESTAMP_HEADER), r.body(),
                    r.headers().get(WebhookSignature.SIGNATURE_HEADER))).isTrue();
        }
    }

    @Test
    void aDeadUrlDelaysNeitherTheOtherUrlNorOnEvent() {
        transport.answer(A, ScriptedTransport.HANG);
        WebhookSender s = sender(5, 10, A, B);
        for (int i = 0; i < 3; i++) {
            s.onEvent(started("r" + i));
        }
        scheduler.runAll();
        assertThat(transport.to(B)).extracting(ScriptedTransport.Request::eventId).containsExactly("e1", "e2", "e3");
        assertThat(transport.to(A)).as("one request in flight, the rest wait their turn").hasSize(1);
        assertThat(counts.get(WebhookResult.DELIVERED)).isEqualTo(3);
    }

    @Test
    void aFullQueueDropsAndCountsInsteadOfBlocking() {
        transport.answer(A, ScriptedTransport.HANG);
        WebhookSender s = sender(5, 2, A);
        s.onEvent(started("r0")); // taken off the queue once the scheduler runs, then hangs in flight
        scheduler.runAll();
        for (int i = 1; i <= 5; i++) {
            s.onEvent(started("r" + i)); // two fit in the queue, three are dropped
        }
        assertThat(counts.get(WebhookResult.DROPPED)).isEqualTo(3);
        scheduler.runAll();
        assertThat(transport.to(A)).hasSize(1);
    }

    @Test
    void eventsReachAUrlInOrder() {
        WebhookSender s = sender(5, 10, A);
        s.onEvent(started("r1"));
        s.onEvent(new RoomEvent.ParticipantJoined("r1", dev.onair.server.testing.TestEvents.participant("alice", null), 1_700_000_000_000L));
        s.onEvent(new RoomEvent.RoomFinished("r1", 1_700_000_000_000L));
        scheduler.runAll();
        assertThat(transport.to(A)).extracting(r -> new String(r.body()))
                .satisfiesExactly(b -> assertThat(b).contains("room_started"),
                        b -> assertThat(b).contains("participant_joined"),
                        b -> assertThat(b).contains("room_finished"));
    }

    @Test
    void activeSpeakerChangesAreNotSent() {
        WebhookSender s = sender(5, 10, A);
        s.onEvent(new RoomEvent.ActiveSpeakersChanged("r", List.of(), 1_700_000_000_000L));
        scheduler.runAll();
        assertThat(transport.requests).isEmpty();
        assertThat(ids.get()).as("not even an id drawn").isZero();
    }

    @Test
    void closeDropsWhatIsLeftAndIgnoresLaterEvents() {
        transport.answer(A, ScriptedTransport.HANG);
        WebhookSender s = sender(5, 10, A);
        s.onEvent(started("r0"));
        scheduler.runAll();
        s.onEvent(started("r1"));
        s.onEvent(started("r2"));
        s.close(); // drain of zero: does not wait for the hung request
        s.onEvent(started("r3"));
        scheduler.runAll();
        assertThat(counts.get(WebhookResult.DROPPED)).isEqualTo(2);
        assertThat(transport.to(A)).hasSize(1);
    }
}
