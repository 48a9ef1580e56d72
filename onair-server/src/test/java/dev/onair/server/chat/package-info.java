/** Unit tests of the {@code /chat} socket's parts: the join frame, the close codes, the messaging bootstrap. */
package dev.onair.server.chat;
