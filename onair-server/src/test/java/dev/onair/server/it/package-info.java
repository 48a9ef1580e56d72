/**
 * Packet-level integration tests of the real server: Java WebRTC peers ({@code onair-client}) publish and play
 * over WHIP/WHEP or the {@code /rtc} signalling socket on 127.0.0.1, and the tests check forwarding, RTCP, source
 * changes, consent, every kind of bad input at the UDP port, and protocol v1 of {@code /rtc} (errors, rooms, resume).
 */
package dev.onair.server.it;
