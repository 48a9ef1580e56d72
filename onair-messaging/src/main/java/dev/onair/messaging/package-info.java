/**
 * Real-time messaging (issue 6): per-room channels of chat, reactions and screen effects, application events, direct
 * messages and presence; server-stamped, ordered by a per-room sequence within an epoch, acknowledged only once
 * stored, idempotent by client message id, resumable from the last sequence seen. Pure: no HTTP, no tokens, no media;
 * time is an injected {@link java.time.InstantSource}.
 */
package dev.onair.messaging;
