package dev.onair.client;

/** What a peer does in a room: send media over WHIP, or receive it over WHEP. */
public enum PeerRole {
    /** {@code sendonly} m-lines with {@code a=ssrc}, POSTed to {@code /whip/{room}}. */
    PUBLISHER,
    /** {@code recvonly} m-lines without SSRCs, POSTed to {@code /whep/{room}}. */
    SUBSCRIBER
}
