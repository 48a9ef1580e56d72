/**
 * Where a room's messages live: {@link dev.onair.messaging.store.MessageStore}, in memory for the embedded default and
 * on Redis Streams when a Redis URL is configured, both held to the same contract tests.
 */
package dev.onair.messaging.store;
