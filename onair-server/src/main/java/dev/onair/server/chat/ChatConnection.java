package dev.onair.server.chat;

import dev.onair.messaging.service.CloseReason;
import dev.onair.messaging.service.Connection;
import dev.onair.messaging.service.OutboundBudget;
import dev.onair.messaging.wire.OutboundFrame;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A {@link Connection} over one {@code /chat} channel. {@link #offer} may be called from any thread: it reserves the
 * frame's size in the {@link OutboundBudget} (refusing the frame when over it: the service then closes the connection
 * as a slow consumer), queues it, and hands the connection to its event loop's {@link ChatOutbox} (once until drained),
 * whose next batch (at once, or at the end of the connection's write window) writes everything queued, in order, as
 * one buffer with one flush; the budget is released when that write completes. A frame goes out as the bytes of a
 * whole WebSocket frame, built once per {@link OutboundFrame} for all its receivers ({@link WebSocketTextFrames}) and
 * copied into the batch's pooled buffer: no text encoding, no frame encoding, one write and one promise per batch.
 * {@link #close} refuses further frames and writes the close frame with {@link ChatCloseCodes#of its code} after the
 * frames already accepted (at most the budget). A peer that never reads its close frame is cut after
 * {@link #HARD_CLOSE_MILLIS}.
 */
final class ChatConnection implements Connection {
    /** How long a close frame may wait to be written before the channel is closed anyway. */
    static final long HARD_CLOSE_MILLIS = 5_000;
    /** The first capacity of a batch's buffer (it grows when more frames are queued). */
    private static final int MIN_BATCH_BUFFER_BYTES = 512;

    private final Channel channel;
    private final String identity;
    private final String name;
    private final boolean canChat;
    private final boolean admin;
    private final OutboundBudget budget;
    private final ChatOutbox outbox;
    private final Queue<OutboundFrame> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final AtomicBoolean closing = new AtomicBoolean();
    /** When the last batch was written ({@link ChatOutbox}'s clock); long ago at first. */
    private volatile long lastWriteNanos;

    ChatConnection(Channel channel, ChatOutbox outbox, String identity, String name, boolean canChat, boolean admin,
                   long maxOutboundBytes) {
        if (outbox.loop() != channel.eventLoop()) {
            throw new IllegalArgumentException("the outbox of another event loop");
        }
        this.channel = channel;
        this.outbox = outbox;
        this.lastWriteNanos = outbox.nowNanos() - TimeUnit.DAYS.toNanos(1);
        this.identity = identity;
        this.name = name;
        this.canChat = canChat;
        this.admin = admin;
        this.budget = new OutboundBudget(maxOutboundBytes);
    }

    @Override
    public String identity() {
        return identity;
    }

    @Override
    public String name() {
        return name;
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
    public boolean offer(OutboundFrame frame) {
        if (closing.get()) {
            return false;
        }
        if (!budget.tryReserve(OutboundBudget.sizeOf(frame))) {
            return false;
        }
        queue.add(frame);
        if (drainScheduled.compareAndSet(false, true)) {
            outbox.add(this, lastWriteNanos);
        }
        return true;
    }

    /** On the event loop: writes what is queued, one flush. */
    void drain() {
        drain(outbox.nowNanos());
    }

    /** On the event loop at {@code nowNanos}: writes what is queued as one buffer, one flush. */
    void drain(long nowNanos) {
        drainScheduled.set(false);
        long batchBytes = 0;
        ByteBuf batch = null;
        OutboundFrame frame;
        while ((frame = queue.poll()) != null) {
            batchBytes += OutboundBudget.sizeOf(frame);
            byte[] wire = frame.derived(WebSocketTextFrames.OF);
            if (batch == null) {
                batch = channel.alloc().directBuffer(Math.max(wire.length, MIN_BATCH_BUFFER_BYTES));
            }
            batch.writeBytes(wire);
        }
        if (batch != null) {
            long release = batchBytes;
            lastWriteNanos = nowNanos;
            channel.writeAndFlush(batch).addListener(f -> budget.release(release));
        }
    }

    @Override
    public void close(CloseReason reason) {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        channel.eventLoop().execute(() -> {
            drain(); // what was accepted before the close (within the budget) goes first
            closeNow(ChatCloseCodes.of(reason), reason.wireName());
        });
    }

    /** The transport goes: refuse further frames (the session is closed by the handler). */
    void markClosed() {
        closing.set(true);
    }

    boolean isClosing() {
        return closing.get();
    }

    long pendingBytes() {
        return budget.pendingBytes();
    }

    /** On the event loop: a close frame, then the channel closes (at the latest after {@link #HARD_CLOSE_MILLIS}). */
    void closeNow(int code, String reason) {
        closing.set(true);
        if (!channel.isActive()) {
            return;
        }
        channel.writeAndFlush(new CloseWebSocketFrame(code, reason)).addListener(ChannelFutureListener.CLOSE);
        channel.eventLoop().schedule(() -> {
            if (channel.isActive()) {
                channel.close();
            }
        }, HARD_CLOSE_MILLIS, TimeUnit.MILLISECONDS);
    }
}
