package dev.onair.sfu.negotiation;

/** Hands out SSRCs for the streams the SFU sends; injected so tests are deterministic. */
@FunctionalInterface
public interface SsrcAllocator {
    /**
     * The SSRC we send with on m-line {@code mid}, an unsigned 32-bit value: fresh for a new m-line, the same as
     * before for an m-line a renegotiation keeps. The RTX SSRC of m-line {@code m} is asked for with the key
     * {@code m + }{@link SdpNegotiator#RTX_KEY_SUFFIX}.
     */
    long next(String mid);
}
