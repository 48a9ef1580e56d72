/**
 * The messaging service: {@link dev.onair.messaging.service.MessagingService} joins {@link
 * dev.onair.messaging.service.Connection}s to per-room channels, replays what they missed, fans stored messages out
 * from the store's tail, and applies permissions, moderation (mute, ban), rate limits and the slow-consumer bound.
 * Knows nothing of sockets: a transport implements {@code Connection} and feeds frames to a {@link
 * dev.onair.messaging.service.Session}.
 */
package dev.onair.messaging.service;
