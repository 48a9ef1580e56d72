package dev.onair.transport.dtls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.transport.clock.ManualClock;
import dev.onair.transport.srtp.SrtpBackend;
import dev.onair.transport.srtp.SrtpKeyMaterial;
import dev.onair.transport.srtp.SrtpProfile;
import dev.onair.transport.srtp.SrtpSession;
import java.security.SecureRandom;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Two engines back to back in memory: each listener's {@code sendDatagram} calls the other engine's
 * {@code onDatagram} directly. Completion is awaited on futures with a generous deadline (no sleeps).
 */
class DtlsEngineTest {
    private static final long DEADLINE_SECONDS = 30;
    private static final ManualClock CERT_CLOCK = new ManualClock();
    private static final DtlsCertificate CLIENT_CERT = DtlsCertificate.generate(new SecureRandom(), CERT_CLOCK);
    private static final DtlsCertificate SERVER_CERT = DtlsCertificate.generate(new SecureRandom(), CERT_CLOCK);
    private static final DtlsCertificate OTHER_CERT = DtlsCertificate.generate(new SecureRandom(), CERT_CLOCK);

    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final ManualClock clock = new ManualClock();
    private final RecordingListener clientEvents = new RecordingListener();
    private final RecordingListener serverEvents = new RecordingListener();

    @AfterEach
    void shutdown() {
        executor.shutdownNow();
    }

    private static RemoteFingerprint fingerprintOf(DtlsCertificate certificate) {
        return RemoteFingerprint.parse("sha-256 " + certificate.fingerprintSha256());
    }

    private DtlsEngine engine(DtlsRole role, DtlsCertificate local, RemoteFingerprint expected,
                              RecordingListener events) {
        return new DtlsEngine(role, local, expected, events, executor, clock, new SecureRandom());
    }

    private DtlsEngine[] wire(RemoteFingerprint clientExpects, RemoteFingerprint serverExpects) {
        DtlsEngine client = engine(DtlsRole.CLIENT, CLIENT_CERT, clientExpects, clientEvents);
        DtlsEngine server = engine(DtlsRole.SERVER, SERVER_CERT, serverExpects, serverEvents);
        clientEvents.peer = d -> server.onDatagram(d, 0, d.length);
        serverEvents.peer = d -> client.onDatagram(d, 0, d.length);
        return new DtlsEngine[] {client, server};
    }

    @Test
    void backToBackHandshakeExportsTheSameKeysAndChoosesGcm() throws Exception {
        DtlsEngine[] pair = wire(fingerprintOf(SERVER_CERT), fingerprintOf(CLIENT_CERT));
        pair[1].start();
        pair[0].start();

        SrtpKeyMaterial clientKeys = clientEvents.connected.get(DEADLINE_SECONDS, TimeUnit.SECONDS);
        SrtpKeyMaterial serverKeys = serverEvents.connected.get(DEADLINE_SECONDS, TimeUnit.SECONDS);

        assertThat(clientKeys).isEqualTo(serverKeys);
        assertThat(clientKeys.profile()).isEqualTo(SrtpProfile.AEAD_AES_128_GCM);
        assertThat(clientKeys.clientWriteKey()).isNotEqualTo(clientKeys.serverWriteKey());
        assertThat(pair[0].state()).isEqualTo(DtlsState.CONNECTED);
        assertThat(pair[1].state()).isEqualTo(DtlsState.CONNECTED);
        assertThat(pair[0].keyMaterial()).isEqualTo(clientKeys);
        assertThat(clientEvents.failed).isNotDone();
        assertThat(serverEvents.failed).isNotDone();
    }

    @ParameterizedTest
    @EnumSource(SrtpBackend.class)
    void exportedKeysDriveSrtpBothWays(SrtpBackend backend) throws Exception {
        DtlsEngine[] pair = wire(fingerprintOf(SERVER_CERT), fingerprintOf(CLIENT_CERT));
        pair[1].start();
        pair[0].start();
        SrtpKeyMaterial keys = clientEvents.connected.get(DEADLINE_SECONDS, TimeUnit.SECONDS);
        serverEvents.connected.get(DEADLINE_SECONDS, TimeUnit.SECONDS);

        SrtpSession client = SrtpSession.create(keys, DtlsRole.CLIENT, backend);
        SrtpSession server = SrtpSession.create(pair[1].keyMaterial(), DtlsRole.SERVER, backend);
        assertThat(SrtpRoundTrip.rtp(client, server, 0x1234_5678, 7)).isTrue();
        assertThat(SrtpRoundTrip.rtp(server, client, 0x0BAD_CAFE, 65535)).isTrue();
        assertThat(SrtpRoundTrip.rtcp(client, server, 0x1234_5678)).isTrue();
        assertThat(SrtpRoundTrip.rtcp(server, client, 0x0BAD_CAFE)).isTrue();
    }

    @Test
    void serverDetectsFingerprintMismatchAndNoKeysAreExported() throws Exception {
        DtlsEngine[] pair = wire(fingerprintOf(SERVER_CERT), fingerprintOf(OTHER_CERT));
        pair[1].start();
        pair[0].start();

        assertThat(serverEvents.failed.get(DEADLINE_SECONDS, TimeUnit.SECONDS)).isEqualTo("fingerprint mismatch");
        assertThat(clientEvents.failed.get(DEADLINE_SECONDS, TimeUnit.SECONDS)).contains("bad_certificate");
        assertThat(pair[1].state()).isEqualTo(DtlsState.FAILED);
        assertThat(pair[0].state()).isEqualTo(DtlsState.FAILED);
        assertThat(serverEvents.connected).isNotDone();
        assertThat(clientEvents.connected).isNotDone();
        assertThat(pair[0].keyMaterial()).isNull();
        assertThat(pair[1].keyMaterial()).isNull();
    }

    @Test
    void clientDetectsFingerprintMismatchAndNoKeysAreExported() throws Exception {
        DtlsEngine[] pair = wire(fingerprintOf(OTHER_CERT), fingerprintOf(CLIENT_CERT));
        pair[1].start();
        pair[0].start();

        assertThat(clientEvents.failed.get(DEADLINE_SECONDS, TimeUnit.SECONDS)).isEqualTo("fingerprint mismatch");
        assertThat(serverEvents.failed.get(DEADLINE_SECONDS, TimeUnit.SECONDS)).contains("bad_certificate");
        assertThat(clientEvents.connected).isNotDone();
        assertThat(serverEvents.connected).isNotDone();
        assertThat(pair[0].keyMaterial()).isNull();
        assertThat(pair[1].keyMaterial()).isNull();
    }

    @Test
    void garbageDatagramsAreDroppedAndTheHandshakeStillCompletes() throws Exception {
        DtlsEngine[] pair = wire(fingerprintOf(SERVER_CERT), fingerprintOf(CLIENT_CERT));
        DtlsEngine server = pair[1];
        server.start();
        Random seeded = new Random(42);
        for (int i = 0; i < 200; i++) {
            byte[] junk = new byte[seeded.nextInt(300)];
            seeded.nextBytes(junk);
            server.onDatagram(junk, 0, junk.length);
        }
        // Plausible record headers whose lengths run past the datagram, and an empty datagram.
        byte[] truncated = {22, (byte) 0xFE, (byte) 0xFD, 0, 0, 0, 0, 0, 0, 0, 0, 0x01, 0x00, 1, 2, 3};
        for (int len = 0; len <= truncated.length; len++) {
            server.onDatagram(truncated, 0, len);
        }
        pair[0].start();

        assertThat(serverEvents.connected.get(DEADLINE_SECONDS, TimeUnit.SECONDS)).isNotNull();
        assertThat(clientEvents.connected.get(DEADLINE_SECONDS, TimeUnit.SECONDS)).isNotNull();
        assertThat(server.drops().total()).isGreaterThan(0);
    }

    @Test
    void closeSendsCloseNotifyAndThePeerReportsClosed() throws Exception {
        DtlsEngine[] pair = wire(fingerprintOf(SERVER_CERT), fingerprintOf(CLIENT_CERT));
        pair[1].start();
        pair[0].start();
        clientEvents.connected.get(DEADLINE_SECONDS, TimeUnit.SECONDS);
        serverEvents.connected.get(DEADLINE_SECONDS, TimeUnit.SECONDS);

        pair[0].close();
        pair[0].close();

        assertThat(clientEvents.closed.get(DEADLINE_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(serverEvents.closed.get(DEADLINE_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(pair[0].state()).isEqualTo(DtlsState.CLOSED);
        assertThat(pair[1].state()).isEqualTo(DtlsState.CLOSED);
        assertThat(clientEvents.failed).isNotDone();
        assertThat(serverEvents.failed).isNotDone();
    }

    @Test
    void closeDuringHandshakeFreesTheThreadAndReportsClosed() throws Exception {
        DtlsEngine server = engine(DtlsRole.SERVER, SERVER_CERT, fingerprintOf(CLIENT_CERT), serverEvents);
        server.start();
        server.close();

        assertThat(serverEvents.closed.get(DEADLINE_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(server.state()).isEqualTo(DtlsState.CLOSED);
        server.onDatagram(new byte[] {22, (byte) 0xFE, (byte) 0xFD}, 0, 3);
        assertThat(server.drops().get(DtlsDrop.AFTER_CLOSE)).isEqualTo(1);
    }

    @Test
    void handshakeTimesOutOnTheInjectedClock() throws Exception {
        DtlsEngine server = engine(DtlsRole.SERVER, SERVER_CERT, fingerprintOf(CLIENT_CERT), serverEvents);
        server.start();
        clock.advanceMillis(DtlsEngine.HANDSHAKE_TIMEOUT_MILLIS + 1);
        // Any datagram wakes the waiting handshake thread, which then sees the deadline has passed.
        byte[] record = {22, (byte) 0xFE, (byte) 0xFD, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        server.onDatagram(record, 0, record.length);

        assertThat(serverEvents.failed.get(DEADLINE_SECONDS, TimeUnit.SECONDS)).isEqualTo("handshake timeout");
        assertThat(server.state()).isEqualTo(DtlsState.FAILED);
    }

    @Test
    void startingTwiceAndClosingANewEngineAreHarmless() throws Exception {
        DtlsEngine idle = engine(DtlsRole.CLIENT, CLIENT_CERT, fingerprintOf(SERVER_CERT), clientEvents);
        assertThat(idle.state()).isEqualTo(DtlsState.NEW);
        idle.close();
        idle.start();
        assertThat(clientEvents.closed.get(DEADLINE_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(idle.state()).isEqualTo(DtlsState.CLOSED);
        assertThat(clientEvents.sent).isEmpty();
    }
}
