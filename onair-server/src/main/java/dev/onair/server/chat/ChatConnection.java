package dev.onair.server.chat;

import dev.onair.messaging.service.CloseReason;
import dev.onair.messaging.service.Connection;
import dev.onair.messaging.service.OutboundBudget;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A {@link Connection} over one {@code /chat} channel. {@link #offer} may be called from any thread: it reserves the
 * frame's size in the {@link OutboundBudget} (refusing the frame when over it: the service then closes the connection
 * as a slow consumer), queues it, and schedules one drain on the channel's event loop, which writes everything queued
 * and flushes once; the budget is released when the batch's last write completes (writes complete in order).
 * {@link #close} writes the close frame with {@link ChatCloseCodes#of its code}; the frames already queued go first,
 * except for a slow consumer, whose queue is dropped. A peer that never reads its close frame is cut after
 * {@link #HARD_CLOSE_MILLIS}.
 */
final class ChatConnection implements Connection {
    /** How long a close frame may wait to be written before the channel is closed anyway. */
    static final long HARD_CLOSE_MILLIS = 5_000;

    private final Channel channel;
    private final String identity;
    private final String name;
    private final boolean canChat;
    private final boolean admin;
    private final OutboundBudget budget;
    private final Queue<String> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final AtomicBoolean closing = new AtomicBoolean();

    ChatConnection(Channel channel, String identity, String name, boolean canChat, boolean admin,
                   long maxOutboundBytes) {
        this.channel = channel;
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
    public boolean offer(String frame) {
        if (closing.get()) {
            return false;
        }
        if (!budget.tryReserve(OutboundBudget.sizeOf(frame))) {
            return false;
        }
        queue.add(frame);
        if (drainScheduled.compareAndSet(false, true)) {
            channel.eventLoop().execute(this::drain);
        }
        return true;
    }

    /** On the event loop: writes what is queued, one flush. */
    private void drain() {
        drainScheduled.set(false);
        long batchBytes = 0;
        ChannelFuture last = null;
        String frame;
        while ((frame = queue.poll()) != null) {
            batchBytes += OutboundBudget.sizeOf(frame);
            last = channel.write(new TextWebSocketFrame(frame));
        }
        if (last != null) {
            long release = batchBytes;
            last.addListener(f -> budget.release(release));
            channel.flush();
        }
    }

    @Override
    public void close(CloseReason reason) {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        channel.eventLoop().execute(() -> {
            if (reason == CloseReason.SLOW_CONSUMER) {
                String dropped;
                while ((dropped = queue.poll()) != null) {
                    budget.release(OutboundBudget.sizeOf(dropped));
                }
            } else {
                drain();
            }
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
