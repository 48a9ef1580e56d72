package dev.onair.client;

/**
 * Writes the peer's SDP offer (RFC 8866 syntax, JSEP RFC 8829 §5.2 content) the way a browser does: BUNDLE of
 * mid 0 (audio) and mid 1 (video), rtcp-mux, rtcp-rsize, ICE credentials, our certificate fingerprint and
 * {@code a=setup} (actpass unless the options say otherwise) in each m-line, no candidates (the ICE-lite server learns our address from our checks).
 *
 * <pre>
 * m=audio 9 UDP/TLS/RTP/SAVPF 111         opus/48000/2, fmtp minptime=10;useinbandfec=1
 * m=video 9 UDP/TLS/RTP/SAVPF 96|102      VP8/90000 or H264/90000 (42e01f, packetization-mode=1)
 * each: a=mid, a=extmap:1 ssrc-audio-level (audio), a=extmap:4 sdes:mid, sendonly + a=msid + a=ssrc (publisher)
 *       or recvonly (subscriber), video: a=rtcp-fb nack, nack pli, ccm fir
 * </pre>
 */
public final class OfferBuilder {
    public static final int MID_EXTENSION_ID = 4;
    public static final int AUDIO_LEVEL_EXTENSION_ID = 1;
    public static final String MID_URI = "urn:ietf:params:rtp-hdrext:sdes:mid";
    public static final String AUDIO_LEVEL_URI = "urn:ietf:params:rtp-hdrext:ssrc-audio-level";
    public static final String STREAM_ID = "onair-client";
    private static final String CRLF = "\r\n";

    private OfferBuilder() {
    }

    /** The complete offer for these options and local parameters. */
    public static String build(PeerOptions options, LocalDescription local) {
        boolean publish = options.role() == PeerRole.PUBLISHER;
        StringBuilder sdp = new StringBuilder(2048);
        line(sdp, "v=0");
        line(sdp, "o=- " + local.sessionId() + " 2 IN IP4 127.0.0.1");
        line(sdp, "s=-");
        line(sdp, "t=0 0");
        line(sdp, "a=group:BUNDLE 0 1");
        line(sdp, "a=msid-semantic: WMS " + (publish ? STREAM_ID : ""));
        int apt = options.audioPayloadType();
        media(sdp, "audio", "0", apt, options, local);
        line(sdp, "a=rtpmap:" + apt + " opus/48000/2");
        line(sdp, "a=fmtp:" + apt + " minptime=10;useinbandfec=1");
        ssrc(sdp, publish, local.audioSsrc(), "audio", local.cname());
        int vpt = options.videoPayloadType();
        VideoCodec codec = options.videoCodec();
        media(sdp, "video", "1", vpt, options, local);
        line(sdp, "a=rtpmap:" + vpt + " " + codec.encodingName() + "/90000");
        line(sdp, "a=rtcp-fb:" + vpt + " nack");
        line(sdp, "a=rtcp-fb:" + vpt + " nack pli");
        line(sdp, "a=rtcp-fb:" + vpt + " ccm fir");
        if (codec.fmtp() != null) {
            line(sdp, "a=fmtp:" + vpt + " " + codec.fmtp());
        }
        ssrc(sdp, publish, local.videoSsrc(), "video", local.cname());
        return sdp.toString();
    }

    private static void media(StringBuilder sdp, String kind, String mid, int pt, PeerOptions options,
                              LocalDescription local) {
        line(sdp, "m=" + kind + " 9 UDP/TLS/RTP/SAVPF " + pt);
        line(sdp, "c=IN IP4 0.0.0.0");
        line(sdp, "a=ice-ufrag:" + local.iceUfrag());
        line(sdp, "a=ice-pwd:" + local.icePwd());
        line(sdp, "a=fingerprint:sha-256 " + local.fingerprintSha256());
        line(sdp, "a=setup:" + options.offeredSetup());
        line(sdp, "a=mid:" + mid);
        if (kind.equals("audio")) {
            line(sdp, "a=extmap:" + AUDIO_LEVEL_EXTENSION_ID + " " + AUDIO_LEVEL_URI);
        }
        line(sdp, "a=extmap:" + MID_EXTENSION_ID + " " + MID_URI);
        boolean publish = options.role() == PeerRole.PUBLISHER;
        line(sdp, publish ? "a=sendonly" : "a=recvonly");
        if (publish) {
            line(sdp, "a=msid:" + STREAM_ID + " " + kind + "-track");
        }
        line(sdp, "a=rtcp-mux");
        line(sdp, "a=rtcp-rsize");
    }

    private static void ssrc(StringBuilder sdp, boolean publish, long ssrc, String kind, String cname) {
        if (publish) {
            line(sdp, "a=ssrc:" + ssrc + " cname:" + cname);
            line(sdp, "a=ssrc:" + ssrc + " msid:" + STREAM_ID + " " + kind + "-track");
        }
    }

    private static void line(StringBuilder sdp, String text) {
        sdp.append(text).append(CRLF);
    }
}
