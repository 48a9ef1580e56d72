/**
 * A headless WebRTC peer in plain Java: {@link dev.onair.client.WebRtcPeer} publishes over WHIP or plays over
 * WHEP, runs ICE as the controlling agent, DTLS and SRTP, sends synthetic Opus and VP8/H.264 media and records
 * everything it receives. It is a second, independent implementation of the wire protocols the SFU speaks
 * (it uses only {@code onair-protocol} codecs and {@code onair-transport} engines, never {@code onair-sfu}), so
 * the integration tests, load tools and the later Java SDK exercise the server from the outside.
 */
package dev.onair.client;
