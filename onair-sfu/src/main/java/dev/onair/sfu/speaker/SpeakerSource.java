package dev.onair.sfu.speaker;

/**
 * One published audio track as the detector sees it: whose it is and its meter. The meter's identity is the
 * key: a track keeps its detector state across ticks for as long as it is passed in.
 */
public record SpeakerSource(String identity, AudioLevelMeter meter) {
}
