package dev.onair.bench.chat;

import java.util.List;

/**
 * One benchmark scenario: {@code rooms} rooms of {@code clientsPerRoom} connections each, of which {@code
 * sendersPerRoom} (own identities) also send; {@code ratePerSecond} messages a second in all, spread round robin over
 * the rooms and their senders, for {@code seconds}. {@code idle}: connections only, no messages.
 */
public record ChatScenario(String name, int rooms, int clientsPerRoom, int sendersPerRoom, int ratePerSecond,
                           int seconds, boolean idle) {
    public static final List<String> NAMES = List.of("one-room", "many-rooms", "idle");
    /** Sender identities in the one-room scenario (each offers rate / 4 msg/s). */
    static final int ONE_ROOM_SENDERS = 4;
    static final int MANY_ROOMS = 100;

    public ChatScenario {
        if (rooms < 1 || clientsPerRoom < 1 || sendersPerRoom < 0 || sendersPerRoom > clientsPerRoom) {
            throw new IllegalArgumentException("bad scenario shape: " + rooms + " rooms × " + clientsPerRoom);
        }
    }

    /** The named scenario with the command line's sizes ({@code clients} is per run: split over the rooms). */
    public static ChatScenario of(String name, int clients, int ratePerSecond, int seconds) {
        return switch (name) {
            case "one-room" -> new ChatScenario(name, 1, clients, Math.min(ONE_ROOM_SENDERS, clients), ratePerSecond,
                    seconds, false);
            case "many-rooms" -> new ChatScenario(name, MANY_ROOMS, Math.max(1, clients / MANY_ROOMS), 1,
                    ratePerSecond, seconds, false);
            case "idle" -> new ChatScenario(name, 1, clients, 0, 0, 0, true);
            default -> throw new IllegalArgumentException("unknown scenario " + name + "; known: " + NAMES);
        };
    }

    public int clients() {
        return rooms * clientsPerRoom;
    }

    public String roomName(int room) {
        return rooms == 1 ? name : name + "-" + room;
    }
}
