package dev.onair.server.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {
    private static final String SECRET = "onair-dev-secret-0123456789abcdef";
    private static final byte[] BODY = "{\"id\":\"e1\",\"event\":\"room_started\"}".getBytes(StandardCharsets.UTF_8);
    /** printf '1700000000.<BODY>' | openssl dgst -sha256 -hmac 'onair-dev-secret-0123456789abcdef' */
    private static final String EXPECTED = "v1=29466587f8b0e41d65a3d65b3fbe6ba823dce94ae40c91b47f7e960e92610611";

    @Test
    void signatureMatchesAnOpensslVector() {
        assertThat(WebhookSignature.sign(SECRET, 1_700_000_000L, BODY)).isEqualTo(EXPECTED);
    }

    @Test
    void signatureVerifiesWithTheDocumentedReceiverCode() throws Exception {
        String header = WebhookSignature.sign(SECRET, 1_700_000_123L, BODY);
        assertThat(documentedVerify(SECRET, "1700000123", BODY, header)).isTrue();
        assertThat(WebhookSignature.verify(SECRET, "1700000123", BODY, header)).isTrue();
    }

    @Test
    void tamperedBodyTimestampOrSecretDoesNotVerify() throws Exception {
        String header = WebhookSignature.sign(SECRET, 1_700_000_000L, BODY);
        byte[] tampered = BODY.clone();
        tampered[8] ^= 1;
        assertThat(documentedVerify(SECRET, "1700000000", tampered, header)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, "1700000000", tampered, header)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, "1700000001", BODY, header)).isFalse();
        assertThat(WebhookSignature.verify(SECRET + "x", "1700000000", BODY, header)).isFalse();
    }

    @Test
    void malformedHeadersDoNotVerifyAndDoNotThrow() {
        assertThat(WebhookSignature.verify(SECRET, null, BODY, EXPECTED)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, "1700000000", BODY, null)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, "1700000000", BODY, EXPECTED.substring(3))).isFalse();
        assertThat(WebhookSignature.verify(SECRET, "1700000000", BODY, "v1=zz")).isFalse();
        assertThat(WebhookSignature.verify(SECRET, "1700000000", BODY, "v1=abc")).isFalse();
        assertThat(WebhookSignature.verify(SECRET, "1700000000", BODY, EXPECTED.substring(0, 20))).isFalse();
    }

    /** Headers as a receiver gets them: never throws, and verifies only the real signature. */
    @FuzzTest(maxDuration = "30s")
    void verifyNeverThrows(FuzzedDataProvider in) {
        String timestamp = in.consumeString(16);
        String signature = in.consumeString(80);
        byte[] body = in.consumeRemainingAsBytes();
        boolean ok = WebhookSignature.verify(SECRET, timestamp, body, signature);
        String expected = expected(timestamp, body);
        if (signature.equals(expected)) {
            assertThat(ok).isTrue();
        }
        if (ok) {
            assertThat(signature).isEqualToIgnoringCase(expected);
        }
    }

    private static String expected(String timestamp, byte[] body) {
        try {
            return "v1=" + HexFormat.of().formatHex(hmac(SECRET, timestamp, body));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The receiver snippet of docs/webhooks.md, verbatim apart from the method name. */
    private static boolean documentedVerify(String secret, String timestamp, byte[] body, String signature)
            throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
        byte[] expected = mac.doFinal(body);
        String expectedHeader = "v1=" + HexFormat.of().formatHex(expected);
        return java.security.MessageDigest.isEqual(expectedHeader.getBytes(StandardCharsets.UTF_8),
                signature.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] hmac(String secret, String timestamp, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
        return mac.doFinal(body);
    }
}
