package dev.onair.bench.chat;

import dev.onair.client.chat.ChatClient;
import dev.onair.client.chat.ChatListener;
import dev.onair.transport.clock.MediaClock;
import java.util.concurrent.CompletableFuture;

/**
 * One benchmark connection's listener: completes {@link #joined} on {@code resumed}, and for every benchmark chat
 * message records its delivery in the connection's {@link DeliveryLedger} and its latency (now − the send time in its
 * text). Runs on the connection's event loop thread.
 */
final class Receiver implements ChatListener {
    final int room;
    final DeliveryLedger ledger = new DeliveryLedger();
    final CompletableFuture<Void> joined = new CompletableFuture<>();
    private final LoadCounters counters;
    private final MediaClock clock;
    private volatile boolean closing;
    private LatencyHistogram histogram; // the event loop thread's, looked up once (a client stays on one thread)

    Receiver(int room, LoadCounters counters, MediaClock clock) {
        this.room = room;
        this.counters = counters;
        this.clock = clock;
    }

    @Override
    public void onFrame(ChatClient client, String json) {
        byte[] utf8 = json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        onFrameUtf8(client, utf8, 0, utf8.length);
    }

    @Override
    public void onFrameUtf8(ChatClient client, byte[] utf8, int offset, int length) {
        long now = clock.nanoTime();
        BenchFrame f = BenchFrame.parse(utf8, offset, length);
        switch (f.type()) {
            case "msg" -> {
                int index = f.benchIndex();
                if (index >= 0) {
                    ledger.onMessage(f.seq(), index);
                    if (histogram == null) {
                        histogram = counters.threadHistogram();
                    }
                    histogram.record(now - f.sendNanos());
                    counters.received.increment();
                } else if (f.isWarmup()) {
                    counters.warmupReceived.increment();
                }
            }
            case "resumed" -> joined.complete(null);
            case "ack" -> {
                counters.acks.increment();
                if (f.duplicate()) {
                    counters.duplicateAcks.increment();
                }
            }
            case "error" -> {
                counters.error(f.code());
                joined.completeExceptionally(new IllegalStateException("join refused: " + f.code()));
            }
            default -> { }
        }
    }

    @Override
    public void onClose(ChatClient client, int code, String reason) {
        if (!closing) {
            counters.closed(code);
        }
        joined.completeExceptionally(new IllegalStateException("closed " + code + " " + reason));
    }

    /** The benchmark closes this connection now: its close is not counted as a problem. */
    void closing() {
        closing = true;
    }
}
