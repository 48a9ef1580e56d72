/**
 * RTCP compound packets (RFC 3550 §6.4-6.6) and the feedback messages an SFU uses: generic NACK and PLI
 * (RFC 4585 §6.1-6.3), FIR (RFC 5104 §4.3.1), REMB (draft-alvestrand-rmcat-remb-03) and transport-wide
 * congestion control feedback (draft-holmer-rmcat-transport-wide-cc-extensions-01).
 *
 * <p>RTCP is low rate, so packets decode into immutable records. {@link dev.onair.protocol.rtcp.RtcpParser}
 * never throws on wire input: it returns the packets it could read plus an
 * {@link dev.onair.protocol.rtcp.RtcpDrop} reason; types it does not model pass through as
 * {@link dev.onair.protocol.rtcp.UnknownRtcp}. Every record writes itself back with {@code writeTo}.
 */
package dev.onair.protocol.rtcp;
