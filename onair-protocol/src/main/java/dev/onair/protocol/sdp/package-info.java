/**
 * SDP (RFC 8866) as used by WebRTC (RFC 8829 JSEP): an immutable record model, a parser that never throws
 * ({@link dev.onair.protocol.sdp.SdpParser}) and a writer ({@link dev.onair.protocol.sdp.SdpWriter}).
 *
 * <p>Typed attributes cover BUNDLE (RFC 8843), ICE (RFC 8839), DTLS (RFC 8842), RTP header extensions
 * (RFC 8285), msid (RFC 8830), rid (RFC 8851) and simulcast (RFC 8853). Every attribute the model has no
 * field for is kept as a generic {@link dev.onair.protocol.sdp.Attribute}, and a typed attribute whose
 * value does not parse is kept generically too, so {@code parse(write(x))} equals {@code x}.
 *
 * <p>SDP is low-rate signalling, so the parser allocates records freely; it is bounded instead
 * (64 KiB, 64 m-lines, 4 KiB per line).
 */
package dev.onair.protocol.sdp;
