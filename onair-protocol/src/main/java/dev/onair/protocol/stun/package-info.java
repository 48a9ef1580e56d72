/**
 * STUN (RFC 8489, formerly RFC 5389) message codec with the ICE attributes of RFC 8445 §7.1 and §16.1.
 *
 * <p>{@link dev.onair.protocol.stun.StunMessage} is a reusable, never-throwing parser view whose attribute
 * values stay as offsets into the caller's buffer; {@link dev.onair.protocol.stun.StunIntegrity} checks and
 * computes MESSAGE-INTEGRITY (HMAC-SHA1 through JCE) and FINGERPRINT (CRC-32 through {@code java.util.zip});
 * {@link dev.onair.protocol.stun.StunMessageBuilder} encodes requests and responses. The test vectors are
 * those of RFC 5769.
 */
package dev.onair.protocol.stun;
