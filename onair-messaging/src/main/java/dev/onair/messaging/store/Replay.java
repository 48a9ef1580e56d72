package dev.onair.messaging.store;

import java.util.List;

/**
 * The answer to a resume: either exactly the messages after the client's last sequence ({@code recovered}), or, when
 * that sequence is from another epoch or older than the history kept, {@code recovered == false} and the newest
 * messages as a snapshot.
 *
 * @param recovered true when {@code messages} are exactly those after the asked sequence (perhaps none)
 * @param state     the log's position when read
 * @param messages  oldest first
 */
public record Replay(boolean recovered, LogState state, List<StoredMessage> messages) {
    public Replay {
        messages = List.copyOf(messages);
    }
}
