package dev.onair.client;

import dev.onair.transport.dtls.DtlsRole;
import dev.onair.transport.dtls.RemoteFingerprint;
import java.net.InetSocketAddress;

/**
 * What a peer needs from the server's SDP answer.
 *
 * @param iceUfrag      the server's ICE ufrag (first half of our checks' USERNAME)
 * @param icePwd        the server's ICE password (our checks' MESSAGE-INTEGRITY key)
 * @param fingerprint   the certificate fingerprint the server's DTLS must present
 * @param localDtlsRole our DTLS role: CLIENT when the server answered {@code passive}, SERVER for {@code active}
 * @param candidate     where to send everything: the first UDP host candidate
 * @param audioPayloadType the answered opus payload type, or -1 when audio was rejected
 * @param videoPayloadType the answered video payload type, or -1 when video was rejected
 * @param videoCodec    the answered video codec, or null
 * @param audioSsrc     the SSRC the server will send audio with (subscribers), or -1
 * @param videoSsrc     the SSRC the server will send video with (subscribers), or -1
 */
public record AnswerInfo(String iceUfrag, String icePwd, RemoteFingerprint fingerprint, DtlsRole localDtlsRole,
                         InetSocketAddress candidate, int audioPayloadType, int videoPayloadType,
                         VideoCodec videoCodec, long audioSsrc, long videoSsrc) {
}
