/**
 * Active-speaker detection: {@link dev.onair.sfu.speaker.AudioLevelMeter} records the RFC 6464 audio level of
 * every packet of a published audio track (allocation-free, on the media path), and one
 * {@link dev.onair.sfu.speaker.ActiveSpeakerDetector} per room turns the meters into a speaker list on a
 * periodic tick (hysteresis, hold time, loudest first), reporting only changes. Everything here is a pure
 * function of the times passed in, for unit tests with a manual clock. Media loop only.
 */
package dev.onair.sfu.speaker;
