/**
 * Packet-level integration tests of the real server: Java WebRTC peers ({@code onair-client}) publish and play
 * over WHIP/WHEP on 127.0.0.1, and the tests check forwarding, RTCP, source changes, consent and every kind of
 * bad input at the UDP port.
 */
package dev.onair.server.it;
