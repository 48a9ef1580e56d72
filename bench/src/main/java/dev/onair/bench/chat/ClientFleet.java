package dev.onair.bench.chat;

import dev.onair.client.chat.ChatClient;
import dev.onair.client.chat.ChatJoin;
import dev.onair.server.auth.Permission;
import dev.onair.server.auth.TokenService;
import dev.onair.server.auth.TokenSpec;
import dev.onair.server.config.ServerConfig;
import io.netty.channel.EventLoopGroup;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Connects and joins the benchmark's clients: tokens signed with the dev key (the server runs in dev mode), at most
 * {@link #IN_FLIGHT} joins at a time; a sender has its own identity, every other connection of a room shares the
 * identity {@code viewer} (so the room stores one presence message for them, not a thousand).
 */
final class ClientFleet {
    private static final int IN_FLIGHT = 64;
    private static final long JOIN_DEADLINE_SECONDS = 120;
    private final TokenService tokens = new TokenService(Map.of(ServerConfig.DEV_KEY_ID, ServerConfig.DEV_SECRET),
            ServerConfig.DEV_KEY_ID, Clock.systemUTC());
    private final EventLoopGroup group;
    private final URI uri;
    final List<ChatClient> clients = new ArrayList<>();
    final List<Receiver> receivers = new ArrayList<>();

    ClientFleet(EventLoopGroup group, URI uri) {
        this.group = group;
        this.uri = uri;
    }

    /** Connects one client per receiver, identities as given; returns once all joined (fails on any refusal). */
    void connect(List<Receiver> toJoin, List<String> rooms, List<String> identities) throws Exception {
        Semaphore inFlight = new Semaphore(IN_FLIGHT);
        List<CompletableFuture<ChatClient>> joins = new ArrayList<>();
        for (int i = 0; i < toJoin.size(); i++) {
            Receiver r = toJoin.get(i);
            String token = tokens.mint(new TokenSpec(rooms.get(i), identities.get(i), null,
                    EnumSet.of(Permission.CHAT), Duration.ofHours(1)));
            inFlight.acquire();
            CompletableFuture<ChatClient> f = ChatClient.connect(group, uri, ChatJoin.fresh(token, rooms.get(i)), r)
                    .thenCombine(r.joined, (c, v) -> c);
            f.whenComplete((c, e) -> inFlight.release());
            joins.add(f);
        }
        for (CompletableFuture<ChatClient> f : joins) {
            clients.add(f.get(JOIN_DEADLINE_SECONDS, TimeUnit.SECONDS));
        }
        receivers.addAll(toJoin);
    }

    void closeAll() {
        receivers.forEach(Receiver::closing);
        clients.forEach(ChatClient::close);
    }
}
