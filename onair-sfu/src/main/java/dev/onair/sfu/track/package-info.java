/**
 * Tracks and forwarding: {@link dev.onair.sfu.track.PublishedTrack} fans packets out to
 * {@link dev.onair.sfu.track.PacketSink}s; {@link dev.onair.sfu.track.SubscriberTrack} maps payload types and
 * header extensions and rewrites SSRC/sequence/timestamp so each receiver's stream stays continuous.
 */
package dev.onair.sfu.track;
