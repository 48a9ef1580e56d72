/**
 * A Java client of the server's {@code /chat} messaging socket (issue 6; docs/messaging.md): {@link
 * dev.onair.client.chat.ChatClient} joins a room with a token (fresh or resuming after an epoch and last seq), sends
 * frames with a {@code clientMsgId} and hands every server frame, as JSON text, to a {@link
 * dev.onair.client.chat.ChatListener}. Many clients share one Netty {@code EventLoopGroup} (the load benchmark runs
 * a thousand).
 */
package dev.onair.client.chat;
