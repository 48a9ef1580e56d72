/**
 * RTP fixed header (RFC 3550 §5.1) and RFC 8285 header extensions, parsed in place.
 *
 * <p>Everything here is on the media hot path: {@link dev.onair.protocol.rtp.RtpHeader} and
 * {@link dev.onair.protocol.rtp.HeaderExtensionCursor} are reusable views over a caller-owned
 * {@code byte[]}, writers patch bytes in place, and nothing allocates per packet. Parsers never throw on
 * wire input; they report an {@link dev.onair.protocol.rtp.RtpDrop} reason instead.
 *
 * <p>{@link dev.onair.protocol.rtp.RedPayload} reads RFC 2198 redundant audio and strips it to its primary
 * block in place ({@link dev.onair.protocol.rtp.RedDrop} names what it rejects).
 */
package dev.onair.protocol.rtp;
