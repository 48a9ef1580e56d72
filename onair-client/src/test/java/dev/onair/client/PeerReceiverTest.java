package dev.onair.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.onair.protocol.stun.StunMessage;
import dev.onair.protocol.stun.StunMessageBuilder;
import dev.onair.protocol.stun.StunMessageClass;
import dev.onair.transport.clock.ManualClock;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PeerReceiverTest {
    private static final InetSocketAddress SERVER = new InetSocketAddress("127.0.0.1", 40000);
    private static final String SERVER_PWD = "sfuPasswordSfuPassword";

    private final IceChecker ice = new IceChecker("sfuU", SERVER_PWD, "cliU", new SplittableRandom(1));
    private final Recorder events = new Recorder();
    private final PeerReceiver receiver = new PeerReceiver(SERVER, ice, new LockedSrtp(), new ReceiveLog(),
            new RtcpLog(), 2222, 96, VideoCodec.VP8, events, new ManualClock());

    @Test
    void aSuccessResponseToOurCheckCompletesIceAndIsLogged() {
        byte[] request = ice.newRequest(true);
        byte[] response = response(request, StunMessageClass.SUCCESS, SERVER_PWD);
        receiver.onDatagram(response, response.length, SERVER);
        assertThat(events.iceSuccesses).isEqualTo(1);
        assertThat(ice.responses()).singleElement().satisfies(r -> {
            assertThat(r.hasTransactionId(BadInputs.transactionId(request))).isTrue();
            assertThat(r.integrityOk()).isTrue();
        });
    }

    @Test
    void aResponseUnderTheWrongPasswordOrToNoRequestOfOursIsDropped() {
        byte[] forged = response(ice.newRequest(true), StunMessageClass.SUCCESS, "someOtherPasswordEntirely");
        receiver.onDatagram(forged, forged.length, SERVER);
        byte[] stranger = response(new byte[20], StunMessageClass.SUCCESS, SERVER_PWD);
        receiver.onDatagram(stranger, stranger.length, SERVER);
        assertThat(events.iceSuccesses).isZero();
        assertThat(receiver.drops().get(ClientDrop.STUN_BAD_INTEGRITY)).isEqualTo(1);
        assertThat(receiver.drops().get(ClientDrop.STUN_UNEXPECTED)).isEqualTo(1);
    }

    @Test
    void mediaBeforeKeysAndDatagramsFromElsewhereAreCountedNotThrown() {
        byte[] rtp = new byte[40];
        rtp[0] = (byte) 0x80;
        rtp[1] = 96;
        receiver.onDatagram(rtp, rtp.length, SERVER);
        receiver.onDatagram(rtp, rtp.length, new InetSocketAddress("127.0.0.1", 1));
        receiver.onDatagram(new byte[] {(byte) 0xFF}, 1, SERVER);
        byte[] dtls = new byte[30];
        dtls[0] = 22;
        receiver.onDatagram(dtls, dtls.length, SERVER);
        assertThat(receiver.drops().get(ClientDrop.NOT_CONNECTED)).isEqualTo(1);
        assertThat(receiver.drops().get(ClientDrop.FOREIGN_SOURCE)).isEqualTo(1);
        assertThat(receiver.drops().get(ClientDrop.UNCLASSIFIED)).isEqualTo(1);
        assertThat(receiver.drops().get(ClientDrop.DTLS_NOT_STARTED)).isEqualTo(1);
    }

    @FuzzTest
    void onDatagram(byte[] data) {
        long before = handled();
        receiver.onDatagram(data, data.length, SERVER);
        assertThat(handled()).as("every datagram is dropped with a reason or logged as a STUN response")
                .isGreaterThan(before);
    }

    private long handled() {
        return receiver.drops().total() + ice.responses().size();
    }

    private static byte[] response(byte[] request, StunMessageClass c, String password) {
        return new StunMessageBuilder().start(c, StunMessage.METHOD_BINDING, request, 8)
                .xorMappedAddress(new InetSocketAddress("127.0.0.1", 5555))
                .messageIntegrity(password.getBytes(StandardCharsets.UTF_8)).fingerprint().toByteArray();
    }

    private static final class Recorder implements PeerReceiver.Events {
        int iceSuccesses;

        @Override
        public boolean onDtls(byte[] buf, int off, int len) {
            return false;
        }

        @Override
        public void onIceSuccess() {
            iceSuccesses++;
        }

        @Override
        public void onKeyframeRequest() {
        }
    }
}
