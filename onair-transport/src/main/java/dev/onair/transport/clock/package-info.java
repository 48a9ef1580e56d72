/** Injected time: {@link dev.onair.transport.clock.MediaClock} and its real and manual implementations. */
package dev.onair.transport.clock;
