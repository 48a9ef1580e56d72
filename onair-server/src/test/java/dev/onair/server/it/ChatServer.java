package dev.onair.server.it;

import dev.onair.server.auth.Permission;
import dev.onair.server.auth.TokenSpec;
import dev.onair.server.config.MessagingSettings;
import dev.onair.client.chat.ChatJoin;
import dev.onair.server.testing.ChatTestClient;
import dev.onair.server.testing.WsClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * An {@link ItServer} with chat helpers: tokens by permission, clients (the project's own chat client, or a raw
 * {@link WsClient} on {@code /chat}), admin HTTP calls.
 */
final class ChatServer implements AutoCloseable {
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<AutoCloseable> clients = new ArrayList<>();
    final ItServer it;

    ChatServer(MessagingSettings messaging) {
        it = new ItServer(c -> c.withMessaging(messaging));
    }

    int port() {
        return it.server.httpPort();
    }

    String token(String room, String identity, Set<Permission> perms) {
        return it.server.tokens().mint(new TokenSpec(room, identity, null, perms, Duration.ofHours(1)));
    }

    String chatToken(String room, String identity) {
        return token(room, identity, EnumSet.of(Permission.CHAT));
    }

    String adminToken(String room) {
        return token(room, "root", EnumSet.of(Permission.ADMIN));
    }

    /** A raw socket on {@code /chat} that has sent nothing yet (for bad joins, binary frames, no join at all). */
    WsClient raw() {
        return track(new WsClient(port(), "/chat"));
    }

    /** A client that sent {@code join}; its {@code resumed} (or join error) is not read yet. */
    ChatTestClient connect(ChatJoin join) {
        return track(ChatTestClient.connect(port(), join));
    }

    private <T extends AutoCloseable> T track(T c) {
        synchronized (clients) {
            clients.add(c);
        }
        return c;
    }

    /** A client joined afresh with a chat token, its {@code resumed} frame consumed. */
    ChatTestClient joined(String room, String identity) throws InterruptedException {
        return joined(room, identity, EnumSet.of(Permission.CHAT));
    }

    ChatTestClient joined(String room, String identity, Set<Permission> perms) throws InterruptedException {
        ChatTestClient c = connect(ChatJoin.fresh(token(room, identity, perms), room));
        c.next("resumed");
        return c;
    }

    HttpResponse<String> admin(String method, String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        synchronized (clients) {
            for (AutoCloseable c : clients) {
                try {
                    c.close();
                } catch (Exception e) {
                    // closing anyway
                }
            }
        }
        it.close();
    }
}
