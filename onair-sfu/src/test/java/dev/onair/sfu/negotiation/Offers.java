package dev.onair.sfu.negotiation;

import dev.onair.protocol.sdp.SdpParseResult;
import dev.onair.protocol.sdp.SdpParser;
import dev.onair.protocol.sdp.SessionDescription;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Captured browser offers and fixed local parameters for negotiation tests. */
final class Offers {
    static final String FINGERPRINT_HEX =
            "AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89";
    static final LocalParams LOCAL = new LocalParams("sfuU", "sfuPasswordSfuPassword", "sha-256", FINGERPRINT_HEX,
            List.of(new InetSocketAddress("192.0.2.10", 3478), new InetSocketAddress("2001:db8::10", 3478),
                    new InetSocketAddress("192.0.2.10", 3479)),
            "4242", "onaircname");

    private Offers() {
    }

    static String text(String name) {
        try (InputStream in = Offers.class.getResourceAsStream("/sdp/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SessionDescription parse(String sdp) {
        SdpParseResult r = SdpParser.parse(sdp);
        if (!r.isOk()) {
            throw new AssertionError(r.error().toString());
        }
        return r.description();
    }

    static SessionDescription load(String name) {
        return parse(text(name));
    }

    /** An allocator counting up from a start value. */
    static SsrcAllocator counting(long start) {
        long[] next = {start};
        return mid -> next[0]++;
    }
}
