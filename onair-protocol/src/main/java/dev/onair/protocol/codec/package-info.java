/** Codec payload inspection (VP8, H.264) needed by forwarding: keyframe starts, VP8 payload descriptors. */
package dev.onair.protocol.codec;
