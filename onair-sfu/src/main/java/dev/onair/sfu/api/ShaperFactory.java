package dev.onair.sfu.api;

import dev.onair.transport.shape.DatagramShaper;

/**
 * Makes a fresh {@link DatagramShaper} for one direction of one transport. Supplied by the composition root (the
 * server adapts the network lab's impairments), so the SFU knows nothing of how datagrams are shaped. Each call
 * returns a new, independent shaper: two transports shaped from one factory see the same sequence of decisions
 * for the same sequence of datagrams when the factory is deterministic.
 */
@FunctionalInterface
public interface ShaperFactory {
    /** @param originNanos the media clock's time the setting was made (time zero of a time-varying scenario) */
    DatagramShaper create(long originNanos);
}
