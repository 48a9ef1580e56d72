/** Codec payload inspection (VP8, H.264) needed by forwarding: keyframe starts. */
package dev.onair.protocol.codec;
