/**
 * Optional per-transport datagram shaping at the socket edge: a {@link dev.onair.transport.shape.DatagramShaper}
 * decides for each datagram (drop, deliver later, duplicate) and a {@link dev.onair.transport.shape.DelayLine}
 * holds the delayed copies until a single timer drains them on the media loop. Inbound shaping runs after the
 * demultiplexer found the transport and before STUN/DTLS/SRTP handling; outbound shaping runs after SRTP
 * protection, at the UDP send. The shaper implementation (the network lab) lives outside the transport; off is one
 * null check.
 */
package dev.onair.transport.shape;
