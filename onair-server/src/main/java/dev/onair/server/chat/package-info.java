/**
 * The messaging WebSocket at {@code /chat} (issue 6; frames in {@code docs/messaging.md}, the socket in
 * {@code docs/protocol.md}): {@link dev.onair.server.chat.ChatHub} shares the token service and the
 * {@code onair-messaging} service between sockets; each socket waits for its {@code join} (10 s), checks the token,
 * joins the room (or resumes it) and then hands every text frame to its session. Outbound frames are bounded per
 * connection (a slow consumer is closed with 4429 and resumes) and written in one flush per event-loop turn.
 * {@link dev.onair.server.chat.MessagingBootstrap} builds the store (memory or Redis) from the config.
 */
package dev.onair.server.chat;
