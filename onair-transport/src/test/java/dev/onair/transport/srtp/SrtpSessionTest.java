package dev.onair.transport.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.protocol.Bytes;
import dev.onair.transport.dtls.DtlsRole;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Session behaviour for every backend and profile, and every backend pair (cross-interop). */
class SrtpSessionTest {
    private static final int SSRC = 0x1122_3344;

    static Stream<Arguments> backendPairs() {
        List<Arguments> out = new ArrayList<>();
        for (SrtpProfile profile : SrtpProfile.values()) {
            for (SrtpBackend sender : SrtpBackend.values()) {
                for (SrtpBackend receiver : SrtpBackend.values()) {
                    out.add(Arguments.of(profile, sender, receiver));
                }
            }
        }
        return out.stream();
    }

    static Stream<Arguments> sessions() {
        List<Arguments> out = new ArrayList<>();
        for (SrtpProfile profile : SrtpProfile.values()) {
            for (SrtpBackend backend : SrtpBackend.values()) {
                out.add(Arguments.of(profile, backend));
            }
        }
        return out.stream();
    }

    private static SrtpKeyMaterial keys(SrtpProfile profile) {
        byte[] clientKey = new byte[profile.keyLengthBytes()];
        byte[] serverKey = new byte[profile.keyLengthBytes()];
        byte[] clientSalt = new byte[profile.saltLengthBytes()];
        byte[] serverSalt = new byte[profile.saltLengthBytes()];
        for (int i = 0; i < clientKey.length; i++) {
            clientKey[i] = (byte) (i + 1);
            serverKey[i] = (byte) (0x80 + i);
        }
        for (int i = 0; i < clientSalt.length; i++) {
            clientSalt[i] = (byte) (0x40 + i);
            serverSalt[i] = (byte) (0xC0 + i);
        }
        return new SrtpKeyMaterial(profile, clientKey, clientSalt, serverKey, serverSalt);
    }

    private static SrtpSession client(SrtpProfile profile, SrtpBackend backend) {
        return SrtpSession.create(keys(profile), DtlsRole.CLIENT, backend);
    }

    private static SrtpSession server(SrtpProfile profile, SrtpBackend backend) {
        return SrtpSession.create(keys(profile), DtlsRole.SERVER, backend);
    }

    /** Protects packet {@code seq} on {@code sender}; returns the SRTP bytes (with spare room). */
    private static byte[] protectedRtp(SrtpSession sender, int ssrc, int seq) {
        byte[] buf = SrtpPacketFactory.rtp(ssrc, seq, 160);
        int len = sender.protectRtp(buf, 0, 12 + 160);
        assertThat(len).isGreaterThan(12 + 160);
        return Arrays.copyOf(buf, len);
    }

    @ParameterizedTest
    @MethodSource("backendPairs")
    void rtpAndRtcpRoundTripBetweenAnyBackends(SrtpProfile profile, SrtpBackend sender, SrtpBackend receiver) {
        SrtpSession tx = client(profile, sender);
        SrtpSession rx = server(profile, receiver);
        for (int seq = 100; seq < 110; seq++) {
            byte[] plain = SrtpPacketFactory.rtp(SSRC, seq, 160);
            byte[] buf = plain.clone();
            int len = tx.protectRtp(buf, 0, 172);
            assertThat(len).isEqualTo(172 + profile.authTagLengthBytes());
            assertThat(Arrays.copyOfRange(buf, 12, 172)).isNotEqualTo(Arrays.copyOfRange(plain, 12, 172));
            assertThat(rx.unprotectRtp(buf, 0, len)).isEqualTo(172);
            assertThat(Arrays.copyOf(buf, 172)).isEqualTo(Arrays.copyOf(plain, 172));
        }
        for (int i = 0; i < 3; i++) {
            byte[] plain = SrtpPacketFactory.rtcp(SSRC);
            byte[] buf = plain.clone();
            int len = tx.protectRtcp(buf, 0, 28);
            assertThat(len).isEqualTo(28 + 4 + profile.authTagLengthBytes());
            int indexWordAt = profile == SrtpProfile.AEAD_AES_128_GCM ? len - 4 : len - 4 - profile.authTagLengthBytes();
            assertThat(buf[indexWordAt] & 0x80).isEqualTo(0x80); // E flag set
            assertThat(rx.unprotectRtcp(buf, 0, len)).isEqualTo(28);
            assertThat(Arrays.copyOf(buf, 28)).isEqualTo(Arrays.copyOf(plain, 28));
        }
        assertThat(tx.drops().total()).isZero();
        assertThat(rx.drops().total()).isZero();
    }

    @ParameterizedTest
    @MethodSource("backendPairs")
    void packetsLargerThanAnyDatagramRoundTripAtOffsetsAndBeyondTheFirstCopyBuffer(SrtpProfile profile,
            SrtpBackend sender, SrtpBackend receiver) {
        SrtpSession tx = client(profile, sender);
        SrtpSession rx = server(profile, receiver);
        int[] payloadSizes = {1188, 5000, 1188};
        for (int seq = 0; seq < payloadSizes.length; seq++) {
            int payloadBytes = payloadSizes[seq];
            byte[] packet = SrtpPacketFactory.rtp(SSRC, seq, payloadBytes);
            byte[] buf = new byte[7 + packet.length];
            System.arraycopy(packet, 0, buf, 7, packet.length);
            int plainLen = 12 + payloadBytes;
            int len = tx.protectRtp(buf, 7, plainLen);
            assertThat(len).isEqualTo(plainLen + profile.authTagLengthBytes());
            assertThat(rx.unprotectRtp(buf, 7, len)).isEqualTo(plainLen);
            assertThat(Arrays.copyOfRange(buf, 7, 7 + plainLen)).isEqualTo(Arrays.copyOf(packet, plainLen));
        }
    }

    @ParameterizedTest
    @MethodSource("backendPairs")
    void headerWithCsrcsAndExtensionStaysInClearAndRoundTrips(SrtpProfile profile, SrtpBackend sender,
                                                               SrtpBackend receiver) {
        byte[] plain = new byte[12 + 8 + 8 + 20 + SrtpSession.MAX_OVERHEAD];
        plain[0] = (byte) 0x92; // V=2, X=1, CC=2
        plain[1] = 96;
        plain[3] = 1; // seq 1
        Bytes.put32(plain, 8, SSRC);
        Bytes.put32(plain, 12, 0xAAAA_AAAA); // CSRC 1
        Bytes.put32(plain, 16, 0xBBBB_BBBB); // CSRC 2
        Bytes.put32(plain, 20, 0xBEDE_0001); // one-byte extension header, 1 word
        Bytes.put32(plain, 24, 0x1012_3400); // id 1, len 1: 0x12 0x34, padding
        Arrays.fill(plain, 28, 48, (byte) 0x77);
        byte[] buf = plain.clone();
        int len = client(profile, sender).protectRtp(buf, 0, 48);

        assertThat(Arrays.copyOf(buf, 28)).isEqualTo(Arrays.copyOf(plain, 28));
        assertThat(server(profile, receiver).unprotectRtp(buf, 0, len)).isEqualTo(48);
        assertThat(Arrays.copyOf(buf, 48)).isEqualTo(Arrays.copyOf(plain, 48));
    }

    @ParameterizedTest
    @MethodSource("sessions")
    void tamperedTagIsAuthFailed(SrtpProfile profile, SrtpBackend backend) {
        SrtpSession rx = server(profile, backend);
        byte[] srtp = protectedRtp(client(profile, backend), SSRC, 5);
        byte[] tamperedTag = srtp.clone();
        tamperedTag[tamperedTag.length - 1] ^= 0x01;
        byte[] tamperedPayload = srtp.clone();
        tamperedPayload[20] ^= 0x40;

        assertThat(rx.unprotectRtp(tamperedTag, 0, tamperedTag.length)).isEqualTo(SrtpDrop.AUTH_FAILED.code());
        assertThat(rx.unprotectRtp(tamperedPayload, 0, tamperedPayload.length))
                .isEqualTo(SrtpDrop.AUTH_FAILED.code());
        assertThat(rx.drops().get(SrtpDrop.AUTH_FAILED)).isEqualTo(2);
        // The genuine packet still verifies: failures did not advance any state.
        assertThat(rx.unprotectRtp(srtp, 0, srtp.length)).isEqualTo(172);
    }

    @ParameterizedTest
    @MethodSource("sessions")
    void tamperedRtcpIsAuthFailed(SrtpProfile profile, SrtpBackend backend) {
        byte[] buf = SrtpPacketFactory.rtcp(SSRC);
        int len = client(profile, backend).protectRtcp(buf, 0, 28);
        buf[10] ^= 0x01;
        SrtpSession rx = server(profile, backend);
        assertThat(rx.unprotectRtcp(buf, 0, len)).isEqualTo(SrtpDrop.AUTH_FAILED.code());
    }

    @ParameterizedTest
    @MethodSource("sessions")
    void replayedPacketsAreRefused(SrtpProfile profile, SrtpBackend backend) {
        SrtpSession tx = client(profile, backend);
        SrtpSession rx = server(profile, backend);
        byte[] first = protectedRtp(tx, SSRC, 10);
        byte[] second = protectedRtp(tx, SSRC, 11);
        byte[] replay = first.clone();

        assertThat(rx.unprotectRtp(first, 0, first.length)).isEqualTo(172);
        assertThat(rx.unprotectRtp(second, 0, second.length)).isEqualTo(172);
        assertThat(rx.unprotectRtp(replay, 0, replay.length)).isEqualTo(SrtpDrop.REPLAYED.code());

        byte[] rtcp = SrtpPacketFactory.rtcp(SSRC);
        int len = tx.protectRtcp(rtcp, 0, 28);
        byte[] rtcpReplay = Arrays.copyOf(rtcp, len);
        assertThat(rx.unprotectRtcp(rtcp, 0, len)).isEqualTo(28);
        assertThat(rx.unprotectRtcp(rtcpReplay, 0, len)).isEqualTo(SrtpDrop.REPLAYED.code());
        assertThat(rx.drops().get(SrtpDrop.REPLAYED)).isEqualTo(2);
    }

    @ParameterizedTest
    @MethodSource("sessions")
    void reorderedPacketsInsideTheWindowAreAcceptedAndOlderOnesAreTooOld(SrtpProfile profile,
                                                                         SrtpBackend backend) {
        SrtpSession tx = client(profile, backend);
        SrtpSession rx = server(profile, backend);
        byte[] old = protectedRtp(tx, SSRC, 100);
        byte[] late = protectedRtp(tx, SSRC, 150);
        byte[] newest = protectedRtp(tx, SSRC, 200);

        assertThat(rx.unprotectRtp(newest, 0, newest.length)).isEqualTo(172);
        assertThat(rx.unprotectRtp(late, 0, late.length)).isEqualTo(172); // 50 behind: inside the 64 window
        // 100 behind: outside the window. Both backends say TOO_OLD (never REPLAYED) for this case.
        assertThat(rx.unprotectRtp(old, 0, old.length)).isEqualTo(SrtpDrop.TOO_OLD.code());
    }

    @ParameterizedTest
    @MethodSource("backendPairs")
    void sequenceWrapIncrementsTheRolloverCounter(SrtpProfile profile, SrtpBackend sender, SrtpBackend receiver) {
        SrtpSession tx = client(profile, sender);
        SrtpSession rx = server(profile, receiver);
        int[] seqs = {65533, 65534, 65535, 0, 1, 2};
        byte[][] packets = new byte[seqs.length][];
        for (int i = 0; i < seqs.length; i++) {
            packets[i] = protectedRtp(tx, SSRC, seqs[i]);
        }
        for (byte[] packet : packets) {
            assertThat(rx.unprotectRtp(packet, 0, packet.length)).isEqualTo(172);
        }
        // A receiver that never saw the wrap assumes ROC 0 for seq 0, so the packet (sent with ROC 1) fails.
        byte[] afterWrap = protectedRtp(client(profile, sender), SSRC, 0);
        SrtpSession tx2 = client(profile, sender);
        protectedRtp(tx2, SSRC, 65535);
        byte[] rocOne = protectedRtp(tx2, SSRC, 0);
        SrtpSession fresh = server(profile, receiver);
        assertThat(fresh.unprotectRtp(rocOne, 0, rocOne.length)).isEqualTo(SrtpDrop.AUTH_FAILED.code());
        assertThat(fresh.unprotectRtp(afterWrap, 0, afterWrap.length)).isEqualTo(172);
    }

    @ParameterizedTest
    @MethodSource("sessions")
    void truncatedPacketsReturnANegativeCodeWithoutThrowing(SrtpProfile profile, SrtpBackend backend) {
        SrtpSession tx = client(profile, backend);
        SrtpSession rx = server(profile, backend);
        byte[] srtp = protectedRtp(tx, SSRC, 1);
        byte[] rtcp = SrtpPacketFactory.rtcp(SSRC);
        int rtcpLen = tx.protectRtcp(rtcp, 0, 28);
        for (int len = 0; len <= 30; len++) {
            assertThat(rx.unprotectRtp(srtp.clone(), 0, len)).as("SRTP length %d", len).isNegative();
            if (len < rtcpLen) {
                assertThat(rx.unprotectRtcp(Arrays.copyOf(rtcp, rtcpLen), 0, len)).as("SRTCP length %d", len)
                        .isNegative();
            }
            assertThat(tx.protectRtcp(new byte[len + SrtpSession.MAX_OVERHEAD], 0, len)).isNegative();
        }
        assertThat(tx.protectRtp(new byte[40], 0, 11)).isEqualTo(SrtpDrop.TOO_SHORT.code());
        assertThat(rx.drops().total()).isGreaterThanOrEqualTo(31);
    }

    @ParameterizedTest
    @MethodSource("sessions")
    void malformedHeadersAndMissingSpaceAreRefused(SrtpProfile profile, SrtpBackend backend) {
        SrtpSession tx = client(profile, backend);
        byte[] v1 = SrtpPacketFactory.rtp(SSRC, 1, 20);
        v1[0] = 0x40; // version 1
        assertThat(tx.protectRtp(v1, 0, 32)).isEqualTo(SrtpDrop.MALFORMED.code());

        byte[] longExtension = SrtpPacketFactory.rtp(SSRC, 1, 20);
        longExtension[0] = (byte) 0x90; // X=1
        Bytes.put32(longExtension, 12, 0xBEDE_00FF); // 255 words: past the end
        assertThat(tx.protectRtp(longExtension, 0, 32)).isEqualTo(SrtpDrop.MALFORMED.code());

        byte[] tight = Arrays.copyOf(SrtpPacketFactory.rtp(SSRC, 1, 20), 32);
        assertThat(tx.protectRtp(tight, 0, 32)).isEqualTo(SrtpDrop.NO_SPACE.code());
        assertThat(tx.protectRtp(tight, 30, 10)).isEqualTo(SrtpDrop.MALFORMED.code()); // out of bounds
        assertThat(tx.drops().get(SrtpDrop.NO_SPACE)).isEqualTo(1);
    }

    @ParameterizedTest
    @MethodSource("sessions")
    void sixtyFiveSsrcsHitTheLimitInBothDirections(SrtpProfile profile, SrtpBackend backend) {
        SrtpSession tx = client(profile, backend);
        SrtpSession otherTx = client(profile, backend);
        SrtpSession rx = server(profile, backend);
        for (int ssrc = 1; ssrc <= SrtpSession.MAX_SSRCS_PER_DIRECTION; ssrc++) {
            byte[] srtp = protectedRtp(tx, ssrc, 1);
            assertThat(rx.unprotectRtp(srtp, 0, srtp.length)).isEqualTo(172);
        }
        byte[] sixtyFifth = SrtpPacketFactory.rtp(65, 1, 160);
        assertThat(tx.protectRtp(sixtyFifth, 0, 172)).isEqualTo(SrtpDrop.UNKNOWN_SSRC_LIMIT.code());

        byte[] fromElsewhere = protectedRtp(otherTx, 65, 1);
        assertThat(rx.unprotectRtp(fromElsewhere, 0, fromElsewhere.length))
                .isEqualTo(SrtpDrop.UNKNOWN_SSRC_LIMIT.code());
        assertThat(rx.drops().get(SrtpDrop.UNKNOWN_SSRC_LIMIT)).isEqualTo(1);
        assertThat(tx.drops().get(SrtpDrop.UNKNOWN_SSRC_LIMIT)).isEqualTo(1);
        // Known SSRCs keep working.
        byte[] known = protectedRtp(tx, 7, 2);
        assertThat(rx.unprotectRtp(known, 0, known.length)).isEqualTo(172);
    }

    @ParameterizedTest
    @MethodSource("sessions")
    void forgedPacketsFromUnknownSsrcsDoNotFillTheTable(SrtpProfile profile, SrtpBackend backend) {
        SrtpSession rx = server(profile, backend);
        for (int ssrc = 1000; ssrc < 1100; ssrc++) {
            byte[] forged = SrtpPacketFactory.rtp(ssrc, 1, 160);
            assertThat(rx.unprotectRtp(forged, 0, 172 + profile.authTagLengthBytes()))
                    .isEqualTo(SrtpDrop.AUTH_FAILED.code());
        }
        byte[] genuine = protectedRtp(client(profile, backend), 5, 1);
        assertThat(rx.unprotectRtp(genuine, 0, genuine.length)).isEqualTo(172);
    }

    @ParameterizedTest
    @MethodSource("sessions")
    void protectingTheSameIndexTwiceIsRefused(SrtpProfile profile, SrtpBackend backend) {
        SrtpSession tx = client(profile, backend);
        protectedRtp(tx, SSRC, 9);
        byte[] again = SrtpPacketFactory.rtp(SSRC, 9, 160);
        assertThat(tx.protectRtp(again, 0, 172)).isEqualTo(SrtpDrop.REPLAYED.code());
    }

    @Test
    void dropCodesMapBackToReasons() {
        for (SrtpDrop drop : SrtpDrop.values()) {
            assertThat(drop.code()).isNegative();
            assertThat(SrtpDrop.fromCode(drop.code())).isSameAs(drop);
        }
        assertThat(SrtpDrop.fromCode(0)).isNull();
        assertThat(SrtpDrop.fromCode(172)).isNull();
        assertThat(SrtpDrop.fromCode(-1000)).isNull();
        assertThat(SrtpDrop.TOO_SHORT.code()).isEqualTo(-1);
    }
}
