package dev.onair.transport.peer;

import static dev.onair.transport.peer.Checks.assertSuccess;
import static dev.onair.transport.peer.Checks.binding;
import static dev.onair.transport.peer.Checks.tid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.transport.dtls.DtlsEngine;
import dev.onair.transport.dtls.DtlsListener;
import dev.onair.transport.dtls.DtlsRole;
import dev.onair.transport.ice.IceCredentials;
import dev.onair.transport.srtp.SrtpBackend;
import dev.onair.transport.srtp.SrtpKeyMaterial;
import dev.onair.transport.srtp.SrtpSession;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An ICE restart end to end over loopback UDP (RFC 8445 §2.4): a client connects from one port (ICE, DTLS,
 * SRTP), the transport restarts ICE, the client comes back from another port with the new credentials, and
 * SRTP keeps working both ways with the keys of the first and only DTLS handshake.
 */
class PeerTransportIceRestartTest {
    static final IceCredentials SERVER = new IceCredentials("srvU", "serverPasswordOf24chars+");
    static final IceCredentials CLIENT = new IceCredentials("cliU", "clientPasswordOf24chars/");
    static final IceCredentials NEW_SERVER = new IceCredentials("srv2", "newServerPassword+24chr");
    static final IceCredentials NEW_CLIENT = new IceCredentials("cli2", "newClientPassword/24chr");
    static final int SSRC = 0x1234_5678;
    static final int RTP_LEN = 12 + 100;

    private final TransportFixture fixture;
    private final RecordingTransportListener events = new RecordingTransportListener();

    PeerTransportIceRestartTest() throws InterruptedException {
        fixture = new TransportFixture();
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    /** A plain RTP packet with room for the SRTP trailer after it. */
    static byte[] rtp(int ssrc, int seq) {
        byte[] p = new byte[RTP_LEN + SrtpSession.MAX_OVERHEAD];
        p[0] = (byte) 0x80; // V=2, no padding, no extension, CC=0
        p[1] = 111; // M=0, PT=111
        p[2] = (byte) (seq >>> 8);
        p[3] = (byte) seq;
        p[8] = (byte) (ssrc >>> 24);
        p[9] = (byte) (ssrc >>> 16);
        p[10] = (byte) (ssrc >>> 8);
        p[11] = (byte) ssrc;
        Arrays.fill(p, 12, RTP_LEN, (byte) seq);
        return p;
    }

    /** {@code plain} protected by {@code session}, trimmed to its SRTP length. */
    static byte[] srtp(SrtpSession session, byte[] plain) {
        byte[] buf = plain.clone();
        int len = session.protectRtp(buf, 0, RTP_LEN);
        assertThat(len).isGreaterThan(RTP_LEN);
        return Arrays.copyOf(buf, len);
    }

    private SrtpKeyMaterial clientHandshake(LoopbackPeer path) throws Exception {
        CompletableFuture<SrtpKeyMaterial> keys = new CompletableFuture<>();
        DtlsEngine[] client = new DtlsEngine[1];
        client[0] = new DtlsEngine(DtlsRole.CLIENT, TransportFixture.CLIENT_CERT,
                TransportFixture.fingerprintOf(TransportFixture.SERVER_CERT), new DtlsListener() {
                    @Override
                    public void sendDatagram(byte[] datagram) {
                        path.send(datagram);
                    }

                    @Override
                    public void onConnected(SrtpKeyMaterial k) {
                        keys.complete(k);
                    }

                    @Override
                    public void onFailed(String reason) {
                        keys.completeExceptionally(new AssertionError("client DTLS failed: " + reason));
                    }

                    @Override
                    public void onClosed() {
                    }
                }, fixture.dtlsExecutor);
        path.dtls = d -> client[0].onDatagram(d, 0, d.length);
        client[0].start();
        return keys.get(TransportFixture.DEADLINE_SECONDS, TimeUnit.SECONDS);
    }

    @Test
    void restartedTransportKeepsItsSrtpAndFollowsThePeerToItsNewPort() throws Exception {
        PeerTransport t = fixture.transport("p1", SERVER, CLIENT, events);
        InetSocketAddress server = fixture.udp.localAddress();
        try (LoopbackPeer oldPath = new LoopbackPeer(server); LoopbackPeer newPath = new LoopbackPeer(server)) {
            oldPath.send(binding(SERVER, CLIENT, true, tid(1)));
            assertSuccess(oldPath.nextStun(), SERVER, tid(1), oldPath.address());
            SrtpSession client = SrtpSession.create(clientHandshake(oldPath), DtlsRole.CLIENT, SrtpBackend.DEFAULT);
            events.connected.get(TransportFixture.DEADLINE_SECONDS, TimeUnit.SECONDS);
            oldPath.send(srtp(client, rtp(SSRC, 1)));
            assertThat(events.nextRtp()).isEqualTo(Arrays.copyOf(rtp(SSRC, 1), RTP_LEN));

            fixture.onLoop(() -> t.restartIce(NEW_SERVER, NEW_CLIENT));
            assertThat(fixture.onLoop(t::localIce)).isEqualTo(NEW_SERVER);
            assertThat(fixture.onLoop(t::remoteIce)).isEqualTo(NEW_CLIENT);
            // Until the peer nominates under the new credentials, the old path still carries media.
            oldPath.send(srtp(client, rtp(SSRC, 2)));
            assertThat(events.nextRtp()).isEqualTo(Arrays.copyOf(rtp(SSRC, 2), RTP_LEN));

            newPath.send(binding(NEW_SERVER, NEW_CLIENT, true, tid(2)));
            assertSuccess(newPath.nextStun(), NEW_SERVER, tid(2), newPath.address());
            assertThat(fixture.onLoop(t::remoteAddress)).isEqualTo(newPath.address());

            // Same SRTP session, new port: decrypted and delivered.
            newPath.send(srtp(client, rtp(SSRC, 3)));
            assertThat(events.nextRtp()).isEqualTo(Arrays.copyOf(rtp(SSRC, 3), RTP_LEN));

            // The old port was not checked again, so it was forgotten when the new path was selected.
            fixture.arrive(srtp(client, rtp(SSRC, 4)), oldPath.address());
            assertThat(fixture.onLoop(() -> fixture.demux.drops().get(TransportDrop.UNKNOWN_PEER))).isEqualTo(1);
            assertThat(events.pendingRtp()).isZero();

            // Media to the peer goes to the new port, protected with the same keys.
            byte[] out = rtp(0x0BAD_CAFE, 9);
            assertThat(fixture.onLoop(() -> {
                boolean sent = t.sendRtp(out, 0, RTP_LEN);
                fixture.udp.flush();
                return sent;
            })).isTrue();
            byte[] received = newPath.nextMedia();
            assertThat(received).isNotNull();
            assertThat(client.unprotectRtp(received, 0, received.length)).isEqualTo(RTP_LEN);
            assertThat(Arrays.copyOf(received, RTP_LEN)).isEqualTo(Arrays.copyOf(rtp(0x0BAD_CAFE, 9), RTP_LEN));

            assertThat(events.connections.get()).as("no second DTLS handshake").isEqualTo(1);
            assertThat(fixture.onLoop(t::state)).isEqualTo(PeerTransport.State.CONNECTED);
            assertThat(fixture.onLoop(() -> t.drops().total())).isZero();
        }
    }
}
