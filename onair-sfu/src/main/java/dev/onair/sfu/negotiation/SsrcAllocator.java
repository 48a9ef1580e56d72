package dev.onair.sfu.negotiation;

/** Hands out SSRCs for the streams the SFU sends; injected so tests are deterministic. */
@FunctionalInterface
public interface SsrcAllocator {
    /** A fresh SSRC, an unsigned 32-bit value. */
    long next();
}
