/**
 * RFC 7983 §7 demultiplexing of one UDP port into STUN, DTLS, RTP, RTCP and TURN channel data, by first byte
 * and (for RTP versus RTCP) by the second byte as in RFC 5761 §4. Classification reads two bytes and allocates
 * nothing.
 */
package dev.onair.transport.demux;
