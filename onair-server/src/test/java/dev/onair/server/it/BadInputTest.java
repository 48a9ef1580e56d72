package dev.onair.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.onair.client.BadInputs;
import dev.onair.client.PeerException;
import dev.onair.client.PeerOptions;
import dev.onair.client.StunResponse;
import dev.onair.client.WebRtcPeer;
import dev.onair.protocol.rtcp.ReceiverReport;
import dev.onair.protocol.rtcp.RtcpWriter;
import dev.onair.protocol.stun.StunMessageClass;
import dev.onair.server.testing.Poll;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every kind of bad input at the media port, each followed by proof that a healthy publisher → subscriber pair
 * still works: the subscriber receives exactly the valid packets the publisher sends afterwards.
 */
class BadInputTest {
    private static final String WRONG_PASSWORD = "thisIsNotTheServerPassword";
    @RegisterExtension
    static final ItServer it = new ItServer();

    @Test
    void garbageAndEveryTruncationOfRealPacketsFromAStrangerAndFromThePublishersOwnSocket() throws Exception {
        String room = "garbage";
        WebRtcPeer pub = it.publisher(room, "alice");
        WebRtcPeer sub = it.subscriber(room, "bob");
        healthy(pub, sub);
        BadInputs bad = pub.badInput();
        List<byte[]> real = List.of(bad.lastProtectedRtp(), bad.validBindingRequest(),
                bad.protectRtcp(rtcp(new ReceiverReport(pub.audioSsrc(), List.of()))));
        List<byte[]> datagrams = new ArrayList<>();
        for (byte[] packet : real) {
            for (int len = 0; len < packet.length; len++) {
                datagrams.add(java.util.Arrays.copyOf(packet, len));
            }
        }
        Random random = new Random(7983);
        for (int first = 0; first < 256; first++) {
            byte[] junk = new byte[1 + random.nextInt(1400)];
            random.nextBytes(junk);
            junk[0] = (byte) first;
            datagrams.add(junk);
        }
        for (byte[] d : datagrams) {
            bad.sendRawFromNewSocket(d);
            bad.sendRaw(d);
        }

        healthy(pub, sub);
        assertThat(it.session(pub).get("state").asText()).isEqualTo("connected");
        assertThat(it.session(sub).get("state").asText()).isEqualTo("connected");
        assertThat(awaitDrop(pub, "transport.SRTP_AUTH_FAILED")).isPositive();
        assertThat(Poll.until(Media.TIMEOUT, Media.STEP, () -> it.status().get("demuxDrops"),
                d -> d.path("demux.UNKNOWN_PEER").asLong() > 0).path("demux.UNKNOWN_PEER").asLong()).isPositive();
        assertThat(it.get("/metrics")).containsPattern("onair_media_port_drops_total\\{reason=\"unknown_peer\"} [1-9]");
        WebRtcPeer pub2 = it.publisher("after-garbage", "dave");
        WebRtcPeer sub2 = it.subscriber("after-garbage", "erin");
        healthy(pub2, sub2);
    }

    @Test
    void stunWithAWrongPasswordGets401WithTheSameTransactionId() throws Exception {
        WebRtcPeer pub = it.publisher("stun-401", "alice");
        WebRtcPeer sub = it.subscriber("stun-401", "bob");
        byte[] request = pub.badInput().bindingRequest(WRONG_PASSWORD, true);
        pub.badInput().sendRaw(request);

        StunResponse r = awaitResponse(pub, BadInputs.transactionId(request));
        assertThat(r.messageClass()).isEqualTo(StunMessageClass.ERROR);
        assertThat(r.errorCode()).isEqualTo(401);
        assertThat(r.integrityOk()).as("an unauthenticated request gets no MESSAGE-INTEGRITY").isFalse();
        healthy(pub, sub);
    }

    @Test
    void stunWithABadFingerprintGetsNoResponse() throws Exception {
        WebRtcPeer pub = it.publisher("stun-fp", "alice");
        WebRtcPeer sub = it.subscriber("stun-fp", "bob");
        byte[] request = pub.badInput().validBindingRequest();
        request[request.length - 1] ^= 0x01;
        pub.badInput().sendRaw(request);

        assertNoResponseBeforeMarker(pub, List.of(BadInputs.transactionId(request)), false);
        healthy(pub, sub);
    }

    @Test
    void stunWithOversizeOrLyingAttributeLengthsGets400OrSilence() throws Exception {
        WebRtcPeer pub = it.publisher("stun-len", "alice");
        WebRtcPeer sub = it.subscriber("stun-len", "bob");
        BadInputs bad = pub.badInput();
        List<byte[]> requests = new ArrayList<>();
        byte[] usernameTooLong = bad.validBindingRequest();
        setUint16(usernameTooLong, 22, 0xFFFF); // USERNAME length claims 64 KiB
        requests.add(usernameTooLong);
        byte[] usernamePastEnd = bad.validBindingRequest();
        setUint16(usernamePastEnd, 22, usernamePastEnd.length); // one past the end of the datagram
        requests.add(usernamePastEnd);
        byte[] headerLies = bad.validBindingRequest();
        setUint16(headerLies, 2, 0xFFFC); // message length larger than the datagram
        requests.add(headerLies);
        byte[] headerShort = bad.validBindingRequest();
        setUint16(headerShort, 2, 8); // message length smaller than the datagram
        requests.add(headerShort);
        requests.add(oversize(bad.validBindingRequest()));
        for (byte[] r : requests) {
            bad.sendRaw(r);
            bad.sendRawFromNewSocket(r);
        }

        List<byte[]> tids = requests.stream().map(BadInputs::transactionId).toList();
        assertNoResponseBeforeMarker(pub, tids, true);
        healthy(pub, sub);
    }

    @Test
    void plaintextRtpBeforeDtlsIsDroppedThenMediaFlowsOnceDtlsIsUp() throws Exception {
        String room = "plain";
        WebRtcPeer pub = it.peer(room, "alice", PeerOptions.publisher());
        pub.negotiate();
        WebRtcPeer sub = it.subscriber(room, "bob");
        pub.connectIce();
        for (int i = 0; i < 3; i++) {
            pub.badInput().sendPlainRtp();
        }
        assertThat(awaitDrop(pub, "transport.NOT_CONNECTED")).isGreaterThanOrEqualTo(3);
        pub.connectDtls();
        it.awaitServerSide(pub);

        pub.sendOpus(5);
        Media.awaitPackets(sub, sub.answer().audioSsrc(), 5);
        assertThat(Media.audio(sub).packets()).isEqualTo(5);
        healthy(pub, sub);
    }

    @Test
    void srtpWithABadTagOrReplayedIsNotForwarded() throws Exception {
        WebRtcPeer pub = it.publisher("srtp", "alice");
        WebRtcPeer sub = it.subscriber("srtp", "bob");
        healthy(pub, sub);
        long before = Media.audio(sub).packets();

        pub.sendOpus(3);
        pub.badInput().sendCorruptedTag(); // the forged packet, then the same packet intact
        pub.badInput().replayLastRtp();
        pub.badInput().replayLastRtp();
        pub.sendOpus(2); // sent after the bad ones on the same 5-tuple: once they arrive, the bad ones were handled

        Media.awaitPackets(sub, sub.answer().audioSsrc(), before + 6);
        assertThat(Media.audio(sub).packets()).isEqualTo(before + 6);
        assertThat(Media.audio(sub).sequenceGaps()).isZero();
        assertThat(awaitDrop(pub, "transport.SRTP_AUTH_FAILED")).isEqualTo(1);
        assertThat(awaitDrop(pub, "transport.SRTP_REPLAYED")).isEqualTo(2);
        healthy(pub, sub);
    }

    @Test
    void srtcpWhoseRtcpLengthFieldsLieIsDroppedAndCounted() throws Exception {
        WebRtcPeer pub = it.publisher("srtcp", "alice");
        WebRtcPeer sub = it.subscriber("srtcp", "bob");
        for (int claimedWords : new int[] {0, 5, 0xFFFF}) {
            pub.badInput().sendRtcpWithLyingLength(claimedWords);
            sub.badInput().sendRtcpWithLyingLength(claimedWords);
        }
        assertThat(awaitDrop(pub, "session.RTCP_MALFORMED")).isEqualTo(3);
        assertThat(awaitDrop(sub, "session.RTCP_MALFORMED")).isEqualTo(3);
        healthy(pub, sub);
        assertThat(it.session(pub).get("state").asText()).isEqualTo("connected");
    }

    @Test
    void aDtlsCertificateThatDoesNotMatchTheOfferedFingerprintClosesThatSession() throws Exception {
        String room = "badcert";
        WebRtcPeer sub = it.subscriber(room, "bob");
        WebRtcPeer evil = it.peer(room, "mallory", PeerOptions.publisher().withWrongDtlsCertificate());
        evil.negotiate();
        evil.connectIce();
        assertThat(it.session(evil)).isNotNull();

        assertThatThrownBy(evil::connectDtls).isInstanceOf(PeerException.class);
        assertThat(Media.await(() -> it.session(evil) == null)).as("session gone: %s", it.status()).isTrue();
        assertThat(evil.isConnected()).isFalse();
        assertThat(sub.received().streams()).as("nothing reached the subscriber").isEmpty();
        assertThat(it.sessions(room, "publish")).isEmpty();

        WebRtcPeer pub = it.publisher(room, "alice");
        healthy(pub, sub);
    }

    /** The publisher sends 5 audio packets; the subscriber gets exactly 5 more, without a sequence gap. */
    private static void healthy(WebRtcPeer pub, WebRtcPeer sub) {
        long ssrc = sub.answer().audioSsrc();
        long before = sub.received().packets(ssrc);
        assertThat(pub.sendOpus(5)).isEqualTo(5);
        assertThat(Media.awaitPackets(sub, ssrc, before + 5)).as("subscriber packets; server status %s",
                it.status()).isEqualTo(before + 5);
        assertThat(Media.audio(sub).sequenceGaps()).isZero();
    }

    /** Sends a valid request after the bad ones; once it is answered, none of the bad ones was (400 allowed). */
    private static void assertNoResponseBeforeMarker(WebRtcPeer pub, List<byte[]> badTids, boolean allow400) {
        byte[] marker = pub.badInput().validBindingRequest();
        pub.badInput().sendRaw(marker);
        StunResponse ok = awaitResponse(pub, BadInputs.transactionId(marker));
        assertThat(ok.messageClass()).isEqualTo(StunMessageClass.SUCCESS);
        assertThat(ok.integrityOk()).isTrue();
        for (StunResponse r : pub.stunResponses()) {
            for (byte[] tid : badTids) {
                if (r.hasTransactionId(tid)) {
                    assertThat(allow400).as("unexpected response %s", r).isTrue();
                    assertThat(r.messageClass()).isEqualTo(StunMessageClass.ERROR);
                    assertThat(r.errorCode()).isEqualTo(400);
                }
            }
        }
    }

    private static StunResponse awaitResponse(WebRtcPeer peer, byte[] tid) {
        StunResponse r = Poll.until(Media.TIMEOUT, Media.STEP, () -> peer.stunResponses().stream()
                .filter(x -> x.hasTransactionId(tid)).findFirst().orElse(null), x -> x != null);
        assertThat(r).as("a response to the request").isNotNull();
        return r;
    }

    /** Polls the status endpoint until the session reports the drop; returns the count (0 if it never did). */
    private static long awaitDrop(WebRtcPeer peer, String name) {
        JsonNode s = Poll.until(Media.TIMEOUT, Media.STEP, () -> it.session(peer),
                x -> x != null && x.path("drops").path(name).asLong() > 0);
        return s == null ? 0 : s.path("drops").path(name).asLong();
    }

    /** The request grown past 1,200 bytes with 40 comprehension-optional attributes before MESSAGE-INTEGRITY. */
    private static byte[] oversize(byte[] request) {
        int attrs = 40;
        int valueBytes = 28;
        byte[] out = new byte[request.length + attrs * (4 + valueBytes)];
        System.arraycopy(request, 0, out, 0, 20);
        int pos = 20;
        for (int i = 0; i < attrs; i++) {
            setUint16(out, pos, 0x8055);
            setUint16(out, pos + 2, valueBytes);
            pos += 4 + valueBytes;
        }
        System.arraycopy(request, 20, out, pos, request.length - 20);
        setUint16(out, 2, out.length - 20);
        return out;
    }

    private static byte[] rtcp(ReceiverReport rr) {
        byte[] out = new byte[rr.length()];
        RtcpWriter.writeCompound(List.of(rr), out, 0);
        return out;
    }

    private static void setUint16(byte[] buf, int at, int value) {
        buf[at] = (byte) (value >>> 8);
        buf[at + 1] = (byte) value;
    }
}
