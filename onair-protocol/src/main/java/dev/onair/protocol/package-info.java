/**
 * Pure wire codecs (JDK only): RTP with RFC 8285 extensions, RTCP, STUN, SDP. Parsers never throw on wire
 * input; they return a result carrying a drop reason, counted with {@link dev.onair.protocol.DropCounts}.
 */
package dev.onair.protocol;
