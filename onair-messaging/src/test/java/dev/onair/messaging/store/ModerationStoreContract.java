package dev.onair.messaging.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.messaging.store.ModerationStore.Kind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ModerationStore} must do, run against each implementation (in memory; Redis against a real
 * redis-server). The node that makes a change sees it as soon as the change's stage completes, so no polling here.
 */
public abstract class ModerationStoreContract {
    private final List<ModerationStore> opened = new ArrayList<>();

    /** A new, empty store (its own key space). */
    protected abstract ModerationStore newStore();

    protected ModerationStore store() {
        ModerationStore s = newStore();
        opened.add(s);
        return s;
    }

    /** The stores closed after each test (add more). */
    protected List<ModerationStore> opened() {
        return opened;
    }

    @AfterEach
    void closeStores() {
        opened.forEach(ModerationStore::close);
    }

    protected static <T> T await(CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    @Test
    void muteHoldsForThatIdentityInThatRoomUntilCleared() throws Exception {
        ModerationStore s = store();
        assertThat(s.isMuted("lobby", "alice")).isFalse();
        await(s.set("lobby", "alice", Kind.MUTE, true));
        assertThat(s.isMuted("lobby", "alice")).isTrue();
        assertThat(s.isBanned("lobby", "alice")).as("a mute is no ban").isFalse();
        assertThat(s.isMuted("lobby", "bob")).isFalse();
        assertThat(s.isMuted("stage", "alice")).isFalse();
        await(s.set("lobby", "alice", Kind.MUTE, false));
        assertThat(s.isMuted("lobby", "alice")).isFalse();
    }

    @Test
    void banHoldsUntilCleared() throws Exception {
        ModerationStore s = store();
        await(s.set("lobby", "mallory", Kind.BAN, true));
        assertThat(s.isBanned("lobby", "mallory")).isTrue();
        assertThat(s.isMuted("lobby", "mallory")).isFalse();
        assertThat(s.isBanned("stage", "mallory")).isFalse();
        await(s.set("lobby", "mallory", Kind.BAN, false));
        assertThat(s.isBanned("lobby", "mallory")).isFalse();
    }

    @Test
    void listingHoldsWhatIsSet() throws Exception {
        ModerationStore s = store();
        await(s.set("lobby", "alice", Kind.MUTE, true));
        await(s.set("lobby", "bob", Kind.MUTE, true));
        await(s.set("lobby", "carol", Kind.BAN, true));
        await(s.set("lobby", "bob", Kind.MUTE, false));
        assertThat(await(s.list("lobby", Kind.MUTE))).containsExactly("alice");
        assertThat(await(s.list("lobby", Kind.BAN))).containsExactly("carol");
        assertThat(await(s.list("empty-room", Kind.BAN))).isEmpty();
    }

    @Test
    void listenerHearsEachChangeOnceAndNoRepeats() throws Exception {
        ModerationStore s = store();
        List<String> heard = Collections.synchronizedList(new ArrayList<>());
        s.listen((room, identity, kind, on) -> heard.add(kind + " " + room + "/" + identity + " " + on));
        await(s.set("lobby", "alice", Kind.BAN, true));
        await(s.set("lobby", "alice", Kind.BAN, true)); // already banned: no change
        await(s.set("lobby", "alice", Kind.BAN, false));
        await(s.set("lobby", "bob", Kind.MUTE, false)); // never muted: no change
        assertThat(heard).startsWith("BAN lobby/alice true", "BAN lobby/alice false");
        assertThat(heard).as("only changes are heard").containsOnly("BAN lobby/alice true", "BAN lobby/alice false");
    }

    @Test
    void roomsAndIdentitiesThatConcatenateAlikeStayApart() throws Exception {
        ModerationStore s = store();
        await(s.set("a:b", "c", Kind.MUTE, true));
        assertThat(s.isMuted("a", ":bc")).isFalse();
        assertThat(s.isMuted("a:", "bc")).isFalse();
        await(s.set("räum 🎉", "ünïcode 👋", Kind.BAN, true));
        assertThat(s.isBanned("räum 🎉", "ünïcode 👋")).isTrue();
        assertThat(await(s.list("räum 🎉", Kind.BAN))).containsExactly("ünïcode 👋");
    }
}
