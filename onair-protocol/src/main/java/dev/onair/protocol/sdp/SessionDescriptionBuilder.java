package dev.onair.protocol.sdp;

import java.util.ArrayList;
import java.util.List;

/**
 * Mutable builder for {@link SessionDescription} (RFC 8866 section 5), used by the parser and by code that
 * composes an answer. Defaults: {@code v=0}, {@code s=-}, {@code t=0 0}. Not thread-safe.
 *
 * <pre>
 * new SessionDescriptionBuilder(origin).iceLite(true).addGroup(bundle).addMedia(m)....build()
 * </pre>
 */
public final class SessionDescriptionBuilder {
    private final Origin origin;
    private String sessionName = "-";
    private Connection connection;
    private String timing = "0 0";
    private boolean iceLite;
    private String iceUfrag;
    private String icePwd;
    private List<String> iceOptions = List.of();
    private SetupRole setup;
    private Direction direction;
    private MsidSemantic msidSemantic;
    private boolean extmapAllowMixed;
    private final List<Group> groups = new ArrayList<>();
    private final List<Fingerprint> fingerprints = new ArrayList<>();
    private final List<Attribute> otherAttributes = new ArrayList<>();
    private final List<SdpLine> otherLines = new ArrayList<>();
    private final List<MediaDescription> media = new ArrayList<>();

    public SessionDescriptionBuilder(Origin origin) {
        this.origin = origin;
    }

    public SessionDescriptionBuilder sessionName(String v) { this.sessionName = v; return this; }
    public SessionDescriptionBuilder connection(Connection v) { this.connection = v; return this; }
    public SessionDescriptionBuilder timing(String v) { this.timing = v; return this; }
    public SessionDescriptionBuilder iceLite(boolean v) { this.iceLite = v; return this; }
    public SessionDescriptionBuilder iceUfrag(String v) { this.iceUfrag = v; return this; }
    public SessionDescriptionBuilder icePwd(String v) { this.icePwd = v; return this; }
    public SessionDescriptionBuilder iceOptions(List<String> v) { this.iceOptions = List.copyOf(v); return this; }
    public SessionDescriptionBuilder setup(SetupRole v) { this.setup = v; return this; }
    public SessionDescriptionBuilder direction(Direction v) { this.direction = v; return this; }
    public SessionDescriptionBuilder msidSemantic(MsidSemantic v) { this.msidSemantic = v; return this; }
    public SessionDescriptionBuilder extmapAllowMixed(boolean v) { this.extmapAllowMixed = v; return this; }
    public SessionDescriptionBuilder addGroup(Group v) { groups.add(v); return this; }
    public SessionDescriptionBuilder addFingerprint(Fingerprint v) { fingerprints.add(v); return this; }
    public SessionDescriptionBuilder addOtherAttribute(Attribute v) { otherAttributes.add(v); return this; }
    public SessionDescriptionBuilder addOtherLine(SdpLine v) { otherLines.add(v); return this; }
    public SessionDescriptionBuilder addMedia(MediaDescription v) { media.add(v); return this; }

    /** Adds an attribute: typed when the model has a free slot for it and it parses, else generic. */
    public SessionDescriptionBuilder addAttribute(Attribute a) {
        SessionAttributes.accept(this, a);
        return this;
    }

    boolean iceLite() { return iceLite; }
    String iceUfrag() { return iceUfrag; }
    String icePwd() { return icePwd; }
    List<String> iceOptions() { return iceOptions; }
    SetupRole setup() { return setup; }
    Direction direction() { return direction; }
    MsidSemantic msidSemantic() { return msidSemantic; }
    boolean extmapAllowMixed() { return extmapAllowMixed; }
    Connection connection() { return connection; }

    public SessionDescription build() {
        List<SdpLine> lines = new ArrayList<>(otherLines);
        lines.sort((x, y) -> Integer.compare(SdpLine.sessionRank(x.type()), SdpLine.sessionRank(y.type())));
        return new SessionDescription(0, origin, sessionName, connection, timing, groups, iceLite, iceUfrag, icePwd,
                iceOptions, fingerprints, setup, direction, msidSemantic, extmapAllowMixed, otherAttributes, lines,
                media);
    }
}
