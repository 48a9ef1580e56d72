/**
 * Simulcast building blocks used by the tracks: the per-layer bitrate meter, the mapping of offered rids to
 * spatial layer indexes, and the VP8 picture id / TL0PICIDX continuity that keeps layer switches invisible to a
 * subscriber's decoder. Media loop only; no allocation per packet.
 */
package dev.onair.sfu.simulcast;
