package dev.onair.sfu.session;

/** Why a session dropped a decrypted packet. */
public enum SessionDrop {
    RTP_MALFORMED,
    /** An SSRC that no m-line claims (no a=ssrc, no MID extension, ambiguous payload type). */
    UNKNOWN_SSRC,
    /** More distinct SSRCs than one session may have. */
    SSRC_TABLE_FULL,
    /** RTP from a subscriber (it only receives). */
    UNEXPECTED_RTP,
    RTCP_MALFORMED,
    /**
     * A new SSRC of a simulcast m-line whose rid (RFC 8852 rtp-stream-id, or repaired-rtp-stream-id for RTX) is
     * missing or not one of the offered rids.
     */
    UNKNOWN_RID
}
