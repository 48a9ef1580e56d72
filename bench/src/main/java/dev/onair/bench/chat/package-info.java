/**
 * The messaging load benchmark of issue 6 ({@code bench/chat}, {@link dev.onair.bench.chat.ChatBenchmark}): a server
 * process in dev mode, a thousand {@link dev.onair.client.chat.ChatClient}s in this JVM, a paced load from a few
 * sender identities, and per receiver the accounting of lost, duplicated and reordered messages and the delivery
 * latency (send time embedded in the message text, one JVM clock).
 */
package dev.onair.bench.chat;
