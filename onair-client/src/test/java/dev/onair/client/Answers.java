package dev.onair.client;

/** SDP answers shaped like the ones the Onair SFU writes (ICE-lite, BUNDLE, per-m-line transport attributes). */
final class Answers {
    static final String FINGERPRINT =
            "AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89";

    static final String SUBSCRIBE = String.join("\r\n",
            "v=0",
            "o=- 4242 2 IN IP4 0.0.0.0",
            "s=-",
            "t=0 0",
            "a=group:BUNDLE 0 1",
            "a=ice-lite",
            "a=msid-semantic: WMS *",
            "m=audio 40000 UDP/TLS/RTP/SAVPF 109",
            "c=IN IP4 127.0.0.1",
            "a=ice-ufrag:sfuU",
            "a=ice-pwd:sfuPasswordSfuPassword",
            "a=fingerprint:sha-256 " + FINGERPRINT,
            "a=setup:passive",
            "a=mid:0",
            "a=sendonly",
            "a=msid:onair audio",
            "a=rtcp-mux",
            "a=rtpmap:109 opus/48000/2",
            "a=ssrc:1111 cname:onair",
            "a=candidate:1 1 udp 2130706431 127.0.0.1 40000 typ host",
            "a=end-of-candidates",
            "m=video 40000 UDP/TLS/RTP/SAVPF 98",
            "c=IN IP4 127.0.0.1",
            "a=ice-ufrag:sfuU",
            "a=ice-pwd:sfuPasswordSfuPassword",
            "a=fingerprint:sha-256 " + FINGERPRINT,
            "a=setup:passive",
            "a=mid:1",
            "a=sendonly",
            "a=rtcp-mux",
            "a=rtpmap:98 VP8/90000",
            "a=ssrc:2222 cname:onair",
            "a=candidate:1 1 udp 2130706431 127.0.0.1 40000 typ host",
            "a=end-of-candidates",
            "");

    private Answers() {
    }
}
