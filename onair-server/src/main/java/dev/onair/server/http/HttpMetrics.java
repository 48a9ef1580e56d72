package dev.onair.server.http;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpResponse;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Counts HTTP responses by status code as they are written (including the aggregator's 413). Sits in the
 * pipeline between the codec and the aggregator. The label set is bounded: codes 100-599 only.
 */
@ChannelHandler.Sharable
public final class HttpMetrics extends ChannelOutboundHandlerAdapter {
    private static final int MIN_CODE = 100;
    private static final int MAX_CODE = 599;
    private final AtomicLongArray byCode = new AtomicLongArray(MAX_CODE - MIN_CODE + 1);

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        if (msg instanceof HttpResponse response) {
            record(response.status().code());
        }
        super.write(ctx, msg, promise);
    }

    void record(int code) {
        if (code >= MIN_CODE && code <= MAX_CODE) {
            byCode.incrementAndGet(code - MIN_CODE);
        }
    }

    /** Non-zero counts, ordered by status code. */
    public Map<Integer, Long> responsesByCode() {
        Map<Integer, Long> out = new TreeMap<>();
        for (int i = 0; i < byCode.length(); i++) {
            long v = byCode.get(i);
            if (v != 0) {
                out.put(i + MIN_CODE, v);
            }
        }
        return out;
    }
}
