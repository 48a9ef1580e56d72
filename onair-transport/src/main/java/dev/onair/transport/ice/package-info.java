/**
 * Sans-I/O ICE-lite agent (RFC 8445 §2.5, §7.3) with consent freshness (RFC 7675): one
 * {@link dev.onair.transport.ice.IceLiteAgent} per WebRTC transport answers the peer's Binding requests, learns
 * the peer's address from them and follows its nominations, across ICE restarts (RFC 8445 §2.4). It never sends
 * checks. Bytes in, bytes out; the socket adapter sends {@link dev.onair.transport.ice.IceReply#response()} back
 * to the sender.
 */
package dev.onair.transport.ice;
