package dev.onair.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.onair.messaging.store.redis.RedisServerExtension;
import dev.onair.server.auth.Permission;
import dev.onair.server.auth.TokenService;
import dev.onair.server.auth.TokenSpec;
import dev.onair.server.config.ServerConfig;
import dev.onair.client.chat.ChatJoin;
import dev.onair.server.testing.ChatTestClient;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two server processes (this test's class path, own ports, dev mode so that both accept the same tokens) sharing a
 * real {@code redis-server}: clients on both nodes in one room see every message in the same order, and a client
 * whose socket dies mid-stream resumes on the other node with its epoch and last seq and misses nothing; one node's
 * admin API reads and deletes what the other stored; a ban through one node's admin API closes the identity's socket
 * on the other node and refuses its joins on both.
 */
class ChatClusterTest {
    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();
    private static final String ROOM = "cluster";
    private static final Duration START_DEADLINE = Duration.ofSeconds(40);
    private static final List<Process> NODES = new ArrayList<>();
    private static final List<ChatTestClient> CLIENTS = new ArrayList<>();
    private static final TokenService TOKENS = new TokenService(Map.of(ServerConfig.DEV_KEY_ID,
            ServerConfig.DEV_SECRET), ServerConfig.DEV_KEY_ID, Clock.systemUTC());
    private static int portA;
    private static int portB;

    @BeforeAll
    static void startNodes() throws Exception {
        Process a = startNode("a");
        Process b = startNode("b");
        portA = awaitUp(a, "a");
        portB = awaitUp(b, "b");
    }

    @AfterAll
    static void stopNodes() throws Exception {
        CLIENTS.forEach(ChatTestClient::close);
        for (Process p : NODES) {
            p.destroy();
        }
        for (Process p : NODES) {
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    @Test
    void clientsOnBothNodesSeeEveryMessageInOneOrderAndAResumeOnTheOtherNodeMissesNothing() throws Exception {
        ChatTestClient alice = joined(portA, "alice");
        ChatTestClient bob = joined(portB, "bob");
        ChatTestClient carol = joined(portB, "carol");
        for (int i = 0; i < 10; i++) { // both nodes append concurrently
            alice.chat("a" + i, "from a " + i);
            bob.chat("b" + i, "from b " + i);
        }
        List<String> atAlice = chats(alice, 20);
        List<String> atBob = chats(bob, 20);
        List<String> atCarol = chats(carol, 20);
        assertThat(atAlice).hasSize(20).containsAll(List.of("a0", "a9", "b0", "b9"));
        assertThat(atBob).as("node b's order").isEqualTo(atAlice);
        assertThat(atCarol).isEqualTo(atAlice);

        // carol's socket on node b dies mid-stream; she resumes on node a
        for (int i = 10; i < 15; i++) {
            alice.chat("a" + i, "from a " + i);
        }
        JsonNode lastSeen = null;
        for (int seen = 0; seen < 2; ) {
            JsonNode m = carol.next("msg");
            lastSeen = m;
            if ("chat".equals(m.path("kind").asText())) {
                seen++;
            }
        }
        carol.abort(); // dies without a close handshake
        for (int i = 15; i < 25; i++) {
            alice.chat("a" + i, "from a " + i);
        }
        ChatTestClient again = ChatTestClient.connect(portA, ChatJoin.resume(token("carol"), ROOM,
                lastSeen.path("epoch").asLong(), lastSeen.path("seq").asLong()));
        CLIENTS.add(again);
        assertThat(again.next("resumed").path("recovered").asBoolean()).isTrue();
        long expected = lastSeen.path("seq").asLong() + 1;
        List<String> after = new ArrayList<>();
        while (after.size() < 13) { // a12..a24
            JsonNode m = again.next("msg");
            assertThat(m.path("seq").asLong()).as("no gap, no duplicate").isEqualTo(expected++);
            if ("chat".equals(m.path("kind").asText())) {
                after.add(m.path("clientMsgId").asText());
            }
        }
        List<String> wanted = new ArrayList<>();
        for (int i = 12; i < 25; i++) {
            wanted.add("a" + i);
        }
        assertThat(after).isEqualTo(wanted);
        List<String> aliceTail = chats(alice, 15);
        assertThat(aliceTail.subList(2, 15)).isEqualTo(wanted);

        // history and deletes are shared: node b's admin API reads and deletes what node a stored
        String admin = TOKENS.mint(new TokenSpec(ROOM, "root", null, EnumSet.of(Permission.ADMIN),
                Duration.ofHours(1)));
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + portB
                + "/api/v1/rooms/" + ROOM + "/messages?limit=10")).header("Authorization", "Bearer " + admin).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode newest = null; // the newest chat message (presence messages may be newer)
        for (JsonNode m : new com.fasterxml.jackson.databind.ObjectMapper().readTree(page.body()).path("messages")) {
            if (newest == null && "chat".equals(m.path("kind").asText())) {
                newest = m;
            }
        }
        assertThat(newest).isNotNull();
        assertThat(newest.path("clientMsgId").asText()).isEqualTo("a24");
        HttpResponse<String> deleted = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + portB
                + "/api/v1/rooms/" + ROOM + "/messages/" + newest.path("seq").asLong()))
                .header("Authorization", "Bearer " + admin).DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(deleted.statusCode()).isEqualTo(200);
        JsonNode tombstone = alice.next("msg");
        while (!"delete".equals(tombstone.path("kind").asText())) {
            tombstone = alice.next("msg");
        }
        assertThat(tombstone.path("targetSeq").asLong()).as("node a delivers node b's tombstone")
                .isEqualTo(newest.path("seq").asLong());
    }

    @Test
    void aBanThroughOneNodeClosesTheIdentityOnTheOtherAndRefusesItsJoins() throws Exception {
        String room = "cluster-ban";
        ChatTestClient malloryOnB = ChatTestClient.connect(portB, ChatJoin.fresh(token(room, "mallory"), room));
        CLIENTS.add(malloryOnB);
        malloryOnB.next("resumed");

        String admin = TOKENS.mint(new TokenSpec(room, "root", null, EnumSet.of(Permission.ADMIN),
                Duration.ofHours(1)));
        HttpResponse<String> ban = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + portA + "/api/v1/rooms/" + room + "/chat/bans/mallory"))
                .header("Authorization", "Bearer " + admin).PUT(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ban.statusCode()).isEqualTo(204);
        assertThat(malloryOnB.awaitClose()).as("closed on node b with forbidden (banned)").isEqualTo(4403);

        for (int port : new int[] {portB, portA}) {
            ChatTestClient again = ChatTestClient.connect(port, ChatJoin.fresh(token(room, "mallory"), room));
            CLIENTS.add(again);
            assertThat(again.next("error").path("code").asText()).isEqualTo("banned");
            assertThat(again.awaitClose()).as("rejoin on port %d", port).isEqualTo(4403);
        }
    }

    private static List<String> chats(ChatTestClient c, int n) throws InterruptedException {
        List<String> ids = new ArrayList<>();
        long lastSeq = 0;
        while (ids.size() < n) {
            JsonNode m = c.next("msg");
            assertThat(m.path("seq").asLong()).isGreaterThan(lastSeq);
            lastSeq = m.path("seq").asLong();
            if ("chat".equals(m.path("kind").asText())) {
                ids.add(m.path("clientMsgId").asText());
            }
        }
        return ids;
    }

    private static ChatTestClient joined(int port, String identity) throws InterruptedException {
        ChatTestClient c = ChatTestClient.connect(port, ChatJoin.fresh(token(identity), ROOM));
        CLIENTS.add(c);
        c.next("resumed");
        return c;
    }

    private static String token(String identity) {
        return token(ROOM, identity);
    }

    private static String token(String room, String identity) {
        return TOKENS.mint(new TokenSpec(room, identity, null, EnumSet.of(Permission.CHAT), Duration.ofHours(1)));
    }

    private static Process startNode(String name) throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "chat-cluster"));
        Path config = dir.resolve("node-" + name + ".yaml");
        Files.writeString(config, "httpPort: " + freeTcpPort() + "\nmediaPort: " + freeUdpPort()
                + "\nannounceIps: [127.0.0.1]\nrecorder:\n  autoDump: false\nmessaging:\n  redisUrl: " + REDIS.url()
                + "\n  rateLimitPerSecond: 1000\n  rateLimitBurst: 1000\n");
        Path log = dir.resolve("node-" + name + ".log");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.onair.server.cli.OnairCli", "serve",
                "--config", config.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        NODES.add(p);
        return p;
    }

    /** Waits until the node answers /healthz; returns its HTTP port. */
    private static int awaitUp(Process p, String name) throws Exception {
        Path config = Path.of("target", "chat-cluster", "node-" + name + ".yaml");
        int port = Integer.parseInt(Files.readAllLines(config).get(0).replace("httpPort: ", "").trim());
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + START_DEADLINE.toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new AssertionError("node " + name + " exited: "
                        + Files.readString(Path.of("target", "chat-cluster", "node-" + name + ".log")));
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/healthz")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return port;
                }
            } catch (IOException e) {
                // not listening yet
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
        throw new AssertionError("node " + name + " did not start within " + START_DEADLINE);
    }

    private static int freeTcpPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
