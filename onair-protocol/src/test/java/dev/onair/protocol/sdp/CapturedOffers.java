package dev.onair.protocol.sdp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Loads the browser offers captured under {@code src/test/resources/sdp/} (see the README there). */
final class CapturedOffers {
    static final String CHROMIUM_WHIP = "chromium-whip-offer.sdp";
    static final String CHROMIUM_WHEP = "chromium-whep-offer.sdp";
    static final String CHROMIUM_SIMULCAST = "chromium-simulcast-offer.sdp";
    static final String FIREFOX_WHIP = "firefox-whip-offer.sdp";
    static final String FIREFOX_WHEP = "firefox-whep-offer.sdp";
    static final String FIREFOX_SIMULCAST = "firefox-simulcast-offer.sdp";
    static final List<String> ALL = List.of(CHROMIUM_WHIP, CHROMIUM_WHEP, CHROMIUM_SIMULCAST, FIREFOX_WHIP,
            FIREFOX_WHEP, FIREFOX_SIMULCAST);

    private CapturedOffers() {
    }

    static String load(String name) {
        try (InputStream in = CapturedOffers.class.getResourceAsStream("/sdp/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SessionDescription parse(String name) {
        SdpParseResult r = SdpParser.parse(load(name));
        if (!r.isOk()) {
            throw new AssertionError(name + ": " + r.error());
        }
        return r.description();
    }
}
