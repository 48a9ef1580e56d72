package dev.onair.sfu.alloc;

/** What a track is to its subscriber; the declaration order is the allocation priority (audio first). */
public enum TrackPriority {
    AUDIO, SCREEN, SPEAKER_VIDEO, VIDEO
}
