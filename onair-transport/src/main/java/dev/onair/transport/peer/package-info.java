/**
 * One WebRTC transport per peer ({@link dev.onair.transport.peer.PeerTransport}: ICE-lite + DTLS + SRTP over
 * the shared UDP socket) and the RFC 7983 demultiplexer that finds it by USERNAME, then by 5-tuple. An ICE
 * restart re-keys a transport under its new local ufrag and keeps DTLS and SRTP as they are.
 */
package dev.onair.transport.peer;
