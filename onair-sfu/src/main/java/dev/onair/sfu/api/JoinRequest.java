package dev.onair.sfu.api;

/**
 * A participant joining a room through signalling (it stays until it leaves, is removed, or its resume window
 * runs out), already authorised by the caller.
 *
 * @param room       room name
 * @param identity   participant identity (the token's subject)
 * @param name       display name, may be null
 * @param metadata   application metadata (at most {@link #MAX_METADATA_BYTES} UTF-8 bytes), may be null
 * @param mayPublish the token allows publishing
 * @param roomKind   the kind of room to create if it does not exist yet; null for the default (conference)
 */
public record JoinRequest(String room, String identity, String name, String metadata, boolean mayPublish,
                          RoomKind roomKind) {
    /** The largest participant metadata, in UTF-8 bytes. */
    public static final int MAX_METADATA_BYTES = 1024;
}
