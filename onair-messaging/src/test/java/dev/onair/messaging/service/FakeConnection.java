package dev.onair.messaging.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onair.messaging.wire.OutboundFrame;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A connection for tests: frames are "written" at once (a fast consumer) or held until {@link #writeAll} (a stalled
 * one), under an {@link OutboundBudget}. Thread-safe.
 */
final class FakeConnection implements Connection {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String identity;
    private final boolean canChat;
    private final boolean admin;
    private final boolean stalled;
    private final OutboundBudget budget;
    private final List<String> frames = new ArrayList<>();
    private final List<String> held = new ArrayList<>();
    private CloseReason closedWith;

    FakeConnection(String identity, boolean canChat, boolean admin, boolean stalled, long maxPendingBytes) {
        this.identity = identity;
        this.canChat = canChat;
        this.admin = admin;
        this.stalled = stalled;
        this.budget = new OutboundBudget(maxPendingBytes);
    }

    static FakeConnection user(String identity) {
        return new FakeConnection(identity, true, false, false, 1L << 20);
    }

    static FakeConnection viewer(String identity) {
        return new FakeConnection(identity, false, false, false, 1L << 20);
    }

    static FakeConnection admin(String identity) {
        return new FakeConnection(identity, true, true, false, 1L << 20);
    }

    static FakeConnection stalled(String identity, long maxPendingBytes) {
        return new FakeConnection(identity, true, false, true, maxPendingBytes);
    }

    @Override
    public String identity() {
        return identity;
    }

    @Override
    public String name() {
        return identity.toUpperCase(java.util.Locale.ROOT);
    }

    @Override
    public boolean canChat() {
        return canChat;
    }

    @Override
    public boolean isAdmin() {
        return admin;
    }

    @Override
    public synchronized boolean offer(OutboundFrame frame) {
        if (closedWith != null || !budget.tryReserve(OutboundBudget.sizeOf(frame))) {
            return false;
        }
        if (stalled) {
            held.add(frame.text());
        } else {
            budget.release(OutboundBudget.sizeOf(frame));
            frames.add(frame.text());
        }
        return true;
    }

    @Override
    public synchronized void close(CloseReason reason) {
        if (closedWith == null) {
            closedWith = reason;
        }
    }

    synchronized CloseReason closedWith() {
        return closedWith;
    }

    synchronized long pendingBytes() {
        return budget.pendingBytes();
    }

    /** Frames written so far, parsed. */
    synchronized List<JsonNode> frames() {
        List<JsonNode> out = new ArrayList<>();
        for (String f : frames) {
            try {
                out.add(JSON.readTree(f));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    List<JsonNode> ofType(String type) {
        return frames().stream().filter(f -> f.get("type").textValue().equals(type)).toList();
    }

    List<JsonNode> msgs() {
        return ofType("msg");
    }

    List<Long> msgSeqs() {
        return msgs().stream().map(f -> f.get("seq").longValue()).toList();
    }

    List<String> errorCodes() {
        return ofType("error").stream().map(f -> f.get("code").textValue()).toList();
    }

    synchronized void clear() {
        frames.clear();
    }
}
