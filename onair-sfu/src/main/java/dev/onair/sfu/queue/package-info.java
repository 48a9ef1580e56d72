/** The bounded per-subscriber packet queue between the router and the encrypt-and-send step. */
package dev.onair.sfu.queue;
