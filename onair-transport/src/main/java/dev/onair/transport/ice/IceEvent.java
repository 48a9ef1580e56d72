package dev.onair.transport.ice;

/** What an accepted Binding request changed in the agent. */
public enum IceEvent {
    /** Nothing new: consent refreshed on a known address, no change of selection. */
    NONE,
    /** The first valid request from this address: a new valid candidate pair. */
    PAIR_VALIDATED,
    /**
     * USE-CANDIDATE moved the selected pair to this address (first nomination or renomination), or, the first
     * time after an ICE restart, confirmed it under the new credentials (possibly the address already selected).
     */
    PAIR_SELECTED
}
