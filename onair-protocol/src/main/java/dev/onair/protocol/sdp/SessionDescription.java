package dev.onair.protocol.sdp;

import java.util.List;

/**
 * A whole session description (RFC 8866 section 5) with the session-level attributes WebRTC uses typed
 * and every other one kept in {@link #otherAttributes}. Build one with {@link SessionDescriptionBuilder}.
 *
 * <pre>
 * v=0
 * o=- 7869887082787901792 2 IN IP4 127.0.0.1
 * s=-
 * t=0 0
 * a=group:BUNDLE 0 1          a=ice-lite   a=ice-ufrag/ice-pwd   a=fingerprint   a=setup
 * a=msid-semantic: WMS        a=extmap-allow-mixed   ...
 * m=... (media sections)
 * </pre>
 *
 * Nullable components: {@code connection, iceUfrag, icePwd, setup, direction, msidSemantic}.
 *
 * @param version     the {@code v=} value, always 0 for a parsed description
 * @param timing      the first {@code t=} value, e.g. {@code "0 0"}
 * @param otherLines  session-level lines other than v/o/s/c/t/a, in RFC 8866 order
 */
public record SessionDescription(int version, Origin origin, String sessionName, Connection connection,
        String timing, List<Group> groups, boolean iceLite, String iceUfrag, String icePwd, List<String> iceOptions,
        List<Fingerprint> fingerprints, SetupRole setup, Direction direction, MsidSemantic msidSemantic,
        boolean extmapAllowMixed, List<Attribute> otherAttributes, List<SdpLine> otherLines,
        List<MediaDescription> media) {

    public SessionDescription {
        groups = List.copyOf(groups);
        iceOptions = List.copyOf(iceOptions);
        fingerprints = List.copyOf(fingerprints);
        otherAttributes = List.copyOf(otherAttributes);
        otherLines = List.copyOf(otherLines);
        media = List.copyOf(media);
    }

    /** The first {@code a=group:BUNDLE}, or null. */
    public Group bundleGroup() {
        for (Group g : groups) {
            if (g.isBundle()) {
                return g;
            }
        }
        return null;
    }

    /** The mids of the first BUNDLE group; empty when there is none. */
    public List<String> bundleMids() {
        Group g = bundleGroup();
        return g == null ? List.of() : g.mids();
    }

    /** The media section with a mid, or null. */
    public MediaDescription mediaByMid(String mid) {
        for (MediaDescription m : media) {
            if (mid.equals(m.mid())) {
                return m;
            }
        }
        return null;
    }

    /** Every session-level attribute in writer order: typed ones first, then the others. */
    public List<Attribute> attributes() {
        return SessionAttributes.render(this);
    }
}
