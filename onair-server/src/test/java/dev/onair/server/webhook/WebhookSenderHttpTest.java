package dev.onair.server.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.protocol.DropCounts;
import dev.onair.server.config.WebhookConfig;
import dev.onair.server.testing.Poll;
import dev.onair.server.testing.WebhookReceiver;
import dev.onair.sfu.api.RoomEvent;
import dev.onair.transport.clock.MediaClock;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The sender over real HTTP to local receivers, with the JDK client and a 1 ms backoff base. */
class WebhookSenderHttpTest {
    private static final String SECRET = "webhook-test-secret-0123456789abcdef";
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final DropCounts<WebhookResult> counts = new DropCounts<>(WebhookResult.class);
    private final AtomicInteger ids = new AtomicInteger();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    private WebhookSender sender(WebhookReceiver... receivers) {
        List<String> urls = java.util.Arrays.stream(receivers).map(WebhookReceiver::url).toList();
        WebhookConfig cfg = new WebhookConfig(urls, null, 10_000, 5, 100);
        return new WebhookSender(cfg, SECRET, new WebhookSender.Runtime(new JdkWebhookTransport(Duration.ofSeconds(5)),
                scheduler, new Backoff(1, 10, new SplittableRandom(1)), MediaClock.system(),
                () -> "evt-" + ids.incrementAndGet(), Duration.ofSeconds(1)), counts);
    }

    @Test
    void twoServerErrorsThenOkDeliversTheSameSignedEventThreeTimes() {
        try (WebhookReceiver receiver = WebhookReceiver.answering(500, 500)) {
            WebhookSender s = sender(receiver);
            s.onEvent(new RoomEvent.ParticipantJoined("demo", dev.onair.server.testing.TestEvents.participant("alice", "Alice"), 1_700_000_000_000L));
            long delivered = Poll.until(WAIT, Duration.ofMillis(10), () -> counts.get(WebhookResult.DELIVERED),
                    n -> n == 1);
            assertThat(delivered).isEqualTo(1);
            assertThat(receiver.received()).hasSize(3).allSatisfy(r -> {
                assertThat(r.eventId()).isEqualTo("evt-1");
                assertThat(r.contentType()).isEqualTo("application/json");
                assertThat(WebhookSignature.verify(SECRET, r.timestamp(), r.body(), r.signature())).isTrue();
                assertThat(r.bodyText()).contains("\"id\":\"evt-1\"", "\"event\":\"participant_joined\"");
            });
            assertThat(counts.get(WebhookResult.RETRIED)).isEqualTo(2);
            s.close();
        }
    }

    @Test
    void clientErrorIsNotRetried() {
        try (WebhookReceiver receiver = WebhookReceiver.answering(403)) {
            WebhookSender s = sender(receiver);
            s.onEvent(new RoomEvent.RoomStarted("demo", dev.onair.sfu.api.RoomKind.CONFERENCE, 1_700_000_000_000L));
            s.onEvent(new RoomEvent.RoomFinished("demo", 1_700_000_000_000L));
            long delivered = Poll.until(WAIT, Duration.ofMillis(10), () -> counts.get(WebhookResult.DELIVERED),
                    n -> n == 1);
            assertThat(delivered).as("the second event, after the first failed for good").isEqualTo(1);
            assertThat(receiver.received()).extracting(WebhookReceiver.Received::eventId)
                    .containsExactly("evt-1", "evt-2");
            assertThat(counts.get(WebhookResult.FAILED)).isEqualTo(1);
            assertThat(counts.get(WebhookResult.RETRIED)).isZero();
            s.close();
        }
    }

    @Test
    void aSlowReceiverDelaysNeitherOnEventNorAFastUrl() {
        try (WebhookReceiver slow = WebhookReceiver.slow(5_000); WebhookReceiver fast = WebhookReceiver.answering()) {
            WebhookSender s = sender(slow, fast);
            for (int i = 0; i < 3; i++) {
                s.onEvent(new RoomEvent.RoomStarted("room" + i, dev.onair.sfu.api.RoomKind.CONFERENCE, 1_700_000_000_000L));
            }
            assertThat(slow.completed()).as("onEvent returned before the slow receiver answered anything").isZero();
            List<WebhookReceiver.Received> got = Poll.until(WAIT, Duration.ofMillis(10), fast::received,
                    r -> r.size() == 3);
            assertThat(got).extracting(WebhookReceiver.Received::eventId).containsExactly("evt-1", "evt-2", "evt-3");
            assertThat(slow.completed()).as("the fast URL got everything while the slow one still held its first")
                    .isZero();
            assertThat(slow.received()).hasSize(1);
            slow.release();
            long delivered = Poll.until(WAIT, Duration.ofMillis(10), () -> counts.get(WebhookResult.DELIVERED),
                    n -> n == 6);
            assertThat(delivered).isEqualTo(6);
            s.close();
        }
    }

    @Test
    void aDeadUrlIsRetriedThenFails() {
        WebhookReceiver gone = WebhookReceiver.answering();
        String url = gone.url();
        gone.close(); // nothing listens on that port any more
        WebhookConfig cfg = new WebhookConfig(List.of(url), null, 2_000, 3, 10);
        WebhookSender s = new WebhookSender(cfg, SECRET, new WebhookSender.Runtime(
                new JdkWebhookTransport(Duration.ofSeconds(2)), scheduler, new Backoff(1, 10, new SplittableRandom(1)),
                MediaClock.system(), () -> UUID.randomUUID().toString(), Duration.ofSeconds(1)), counts);
        s.onEvent(new RoomEvent.RoomStarted("demo", dev.onair.sfu.api.RoomKind.CONFERENCE, 1_700_000_000_000L));
        long failed = Poll.until(WAIT, Duration.ofMillis(10), () -> counts.get(WebhookResult.FAILED), n -> n == 1);
        assertThat(failed).isEqualTo(1);
        assertThat(counts.get(WebhookResult.RETRIED)).isEqualTo(2);
        s.close();
    }
}
