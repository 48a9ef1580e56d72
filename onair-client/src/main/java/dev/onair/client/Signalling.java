package dev.onair.client;

import java.io.IOException;

/**
 * How a peer exchanges its SDP offer for an answer and ends its session: WHIP/WHEP over HTTP
 * ({@link WhipSignalling}), or anything a test plugs in (e.g. a media service called in-process).
 */
public interface Signalling {

    /**
     * The server's answer to an offer.
     *
     * @param sdp      the SDP answer
     * @param resource what {@link #end} needs to delete the session (a WHIP resource URL or an id)
     */
    record Answer(String sdp, String resource) {
    }

    /** Sends the offer and returns the answer; throws {@link SignallingException} if the server refused it. */
    Answer exchange(String sdpOffer) throws IOException;

    /** Ends the session the answer created; idempotent from the caller's side (errors are reported, not thrown). */
    void end(String resource) throws IOException;
}
