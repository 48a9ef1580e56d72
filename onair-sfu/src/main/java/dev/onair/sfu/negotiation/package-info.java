/**
 * SDP offer/answer for WHIP (publish) and WHEP (subscribe) sessions (RFC 8829 JSEP section 5.3): the SFU
 * is ICE-lite (RFC 8445 section 2.5), BUNDLEs everything on one transport (RFC 8843) and multiplexes RTCP
 * (RFC 5761). {@link dev.onair.sfu.negotiation.SdpNegotiator} turns a parsed offer into an answer text and a
 * {@link dev.onair.sfu.negotiation.NegotiatedSession}; it never throws and reports
 * {@link dev.onair.sfu.negotiation.NegotiationError}s instead.
 */
package dev.onair.sfu.negotiation;
