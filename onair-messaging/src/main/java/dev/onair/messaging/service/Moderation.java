package dev.onair.messaging.service;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Who is muted or banned in which room (on this node). Thread-safe. */
final class Moderation {
    private final Set<String> muted = ConcurrentHashMap.newKeySet();
    private final Set<String> banned = ConcurrentHashMap.newKeySet();

    private static String key(String room, String identity) {
        return room.length() + ":" + room + identity;
    }

    void mute(String room, String identity, boolean on) {
        if (on) {
            muted.add(key(room, identity));
        } else {
            muted.remove(key(room, identity));
        }
    }

    void ban(String room, String identity, boolean on) {
        if (on) {
            banned.add(key(room, identity));
        } else {
            banned.remove(key(room, identity));
        }
    }

    boolean isMuted(String room, String identity) {
        return muted.contains(key(room, identity));
    }

    boolean isBanned(String room, String identity) {
        return banned.contains(key(room, identity));
    }
}
