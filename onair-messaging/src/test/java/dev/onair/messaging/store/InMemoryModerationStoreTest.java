package dev.onair.messaging.store;

/** The {@link ModerationStore} contract in memory. */
class InMemoryModerationStoreTest extends ModerationStoreContract {
    @Override
    protected ModerationStore newStore() {
        return new InMemoryModerationStore();
    }
}
