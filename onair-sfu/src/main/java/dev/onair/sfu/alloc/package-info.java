/**
 * Splits one subscriber's estimated bandwidth across its tracks by priority (audio, screen, speaker video, other
 * video), choosing a spatial layer per video track with hysteresis. Pure: no SFU types, time passed in.
 */
package dev.onair.sfu.alloc;
