/**
 * Publisher and subscriber sessions: each ties one {@link dev.onair.transport.peer.PeerTransport} to its
 * tracks, handles the peer's RTCP and sends our reports (RR to publishers, SR to subscribers).
 */
package dev.onair.sfu.session;
