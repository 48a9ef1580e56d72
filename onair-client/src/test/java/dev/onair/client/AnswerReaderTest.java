package dev.onair.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.onair.transport.dtls.DtlsRole;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class AnswerReaderTest {

    @Test
    void readsTransportCodecsAndSsrcsOfASubscribeAnswer() {
        AnswerReader.Result r = AnswerReader.read(Answers.SUBSCRIBE);
        assertThat(r.problem()).isNull();
        AnswerInfo a = r.info();
        assertThat(a.iceUfrag()).isEqualTo("sfuU");
        assertThat(a.icePwd()).isEqualTo("sfuPasswordSfuPassword");
        assertThat(a.fingerprint().toSdpValue()).isEqualTo("sha-256 " + Answers.FINGERPRINT);
        assertThat(a.localDtlsRole()).isEqualTo(DtlsRole.CLIENT);
        assertThat(a.candidate()).isEqualTo(new InetSocketAddress("127.0.0.1", 40000));
        assertThat(a.audioPayloadType()).isEqualTo(109);
        assertThat(a.videoPayloadType()).isEqualTo(98);
        assertThat(a.videoCodec()).isEqualTo(VideoCodec.VP8);
        assertThat(a.audioSsrc()).isEqualTo(1111);
        assertThat(a.videoSsrc()).isEqualTo(2222);
    }

    @Test
    void anActiveAnswerMakesUsTheDtlsServer() {
        AnswerInfo a = AnswerReader.read(Answers.SUBSCRIBE.replace("a=setup:passive", "a=setup:active")).info();
        assertThat(a.localDtlsRole()).isEqualTo(DtlsRole.SERVER);
    }

    @Test
    void namesEachProblem() {
        assertThat(AnswerReader.read("").problem()).isEqualTo(AnswerProblem.MALFORMED_SDP);
        assertThat(AnswerReader.read(Answers.SUBSCRIBE.replace("a=ice-pwd:sfuPasswordSfuPassword", "a=ice-pwd:short"))
                .problem()).isEqualTo(AnswerProblem.NO_ICE_CREDENTIALS);
        assertThat(AnswerReader.read(Answers.SUBSCRIBE.replace("sha-256", "md5")).problem())
                .isEqualTo(AnswerProblem.NO_FINGERPRINT);
        assertThat(AnswerReader.read(Answers.SUBSCRIBE.replace("a=setup:passive", "a=setup:actpass")).problem())
                .isEqualTo(AnswerProblem.BAD_SETUP);
        assertThat(AnswerReader.read(Answers.SUBSCRIBE.replace("127.0.0.1 40000 typ", "example.com 40000 typ"))
                .problem()).isEqualTo(AnswerProblem.NO_CANDIDATE);
        assertThat(AnswerReader.read(Answers.SUBSCRIBE.replace("m=audio 40000", "m=audio 0")
                .replace("m=video 40000", "m=video 0")).problem()).isEqualTo(AnswerProblem.NO_MEDIA);
    }

    @Test
    void everyPrefixOfTheAnswerIsReadWithoutAnException() {
        String sdp = Answers.SUBSCRIBE;
        for (int len = 0; len <= sdp.length(); len++) {
            String prefix = sdp.substring(0, len);
            assertThatCode(() -> AnswerReader.read(prefix)).doesNotThrowAnyException();
            AnswerReader.Result r = AnswerReader.read(prefix);
            assertThat(r.isOk()).isEqualTo(r.problem() == null);
        }
    }

    @FuzzTest
    void read(String sdp) {
        AnswerReader.Result r = AnswerReader.read(sdp);
        assertThat(r.isOk() ^ (r.problem() != null)).isTrue();
    }
}
