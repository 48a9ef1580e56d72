package dev.onair.server.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The webhook signature: {@code Onair-Signature: v1=<hex HMAC-SHA256(secret, timestamp + "." + body)>}, where
 * {@code timestamp} is the decimal {@code Onair-Timestamp} header (Unix seconds) and {@code body} the raw
 * request bytes. The secret is the UTF-8 of the API key's secret. HMAC comes from JCE.
 */
public final class WebhookSignature {
    public static final String TIMESTAMP_HEADER = "Onair-Timestamp";
    public static final String SIGNATURE_HEADER = "Onair-Signature";
    public static final String EVENT_ID_HEADER = "Onair-Event-Id";
    static final String VERSION_PREFIX = "v1=";
    private static final String ALGORITHM = "HmacSHA256";

    private WebhookSignature() {
    }

    /** The {@code Onair-Signature} header value for a body sent at {@code timestampSeconds}. */
    public static String sign(String secret, long timestampSeconds, byte[] body) {
        return VERSION_PREFIX + HexFormat.of().formatHex(mac(secret, Long.toString(timestampSeconds), body));
    }

    /**
     * True when {@code signatureHeader} is the signature of {@code body} at {@code timestampHeader}. Checks only
     * the signature; a receiver should also refuse timestamps far from its own clock (replays). Never throws on
     * malformed headers (null, no {@code v1=}, bad hex): they do not verify.
     */
    public static boolean verify(String secret, String timestampHeader, byte[] body, String signatureHeader) {
        if (timestampHeader == null || signatureHeader == null || !signatureHeader.startsWith(VERSION_PREFIX)) {
            return false;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(signatureHeader.substring(VERSION_PREFIX.length()));
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(given, mac(secret, timestampHeader, body));
    }

    private static byte[] mac(String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            mac.update(timestamp.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) '.');
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }
}
