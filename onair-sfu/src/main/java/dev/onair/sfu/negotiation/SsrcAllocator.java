package dev.onair.sfu.negotiation;

/** Hands out SSRCs for the streams the SFU sends; injected so tests are deterministic. */
@FunctionalInterface
public interface SsrcAllocator {
    /**
     * The SSRC we send with on m-line {@code mid}, an unsigned 32-bit value: fresh for a new m-line, the same as
     * before for an m-line a renegotiation keeps.
     */
    long next(String mid);
}
