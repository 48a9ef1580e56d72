/**
 * The bounded per-subscriber packet queue between the router and the encrypt-and-send step: a priority lane
 * (audio) and a paced lane (video, retransmissions, probe padding), each a ring of reusable slots.
 */
package dev.onair.sfu.queue;
