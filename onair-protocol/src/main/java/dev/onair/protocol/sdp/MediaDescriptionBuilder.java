package dev.onair.protocol.sdp;

import java.util.ArrayList;
import java.util.List;

/**
 * Mutable builder for {@link MediaDescription} (RFC 8866 section 5.14), used by the parser and by code
 * that composes an answer. Not thread-safe; {@link #build()} copies everything.
 *
 * <pre>
 * new MediaDescriptionBuilder("video", 9, "UDP/TLS/RTP/SAVPF", List.of("96")).mid("1").rtcpMux(true)....build()
 * </pre>
 */
public final class MediaDescriptionBuilder {
    private final String kind;
    private final int port;
    private final int portCount;
    private final String proto;
    private final List<String> formats;
    private Connection connection;
    private String mid;
    private Direction direction;
    private String iceUfrag;
    private String icePwd;
    private List<String> iceOptions = List.of();
    private SetupRole setup;
    private boolean rtcpMux;
    private boolean rtcpRsize;
    private boolean endOfCandidates;
    private Simulcast simulcast;
    private final List<Fingerprint> fingerprints = new ArrayList<>();
    private final List<RtpMap> rtpMaps = new ArrayList<>();
    private final List<Fmtp> fmtps = new ArrayList<>();
    private final List<RtcpFb> rtcpFbs = new ArrayList<>();
    private final List<ExtMap> extMaps = new ArrayList<>();
    private final List<SsrcAttribute> ssrcs = new ArrayList<>();
    private final List<SsrcGroup> ssrcGroups = new ArrayList<>();
    private final List<Msid> msids = new ArrayList<>();
    private final List<Rid> rids = new ArrayList<>();
    private final List<Candidate> candidates = new ArrayList<>();
    private final List<Attribute> otherAttributes = new ArrayList<>();
    private final List<SdpLine> otherLines = new ArrayList<>();

    public MediaDescriptionBuilder(String kind, int port, String proto, List<String> formats) {
        this(kind, port, 0, proto, formats);
    }

    public MediaDescriptionBuilder(String kind, int port, int portCount, String proto, List<String> formats) {
        this.kind = kind;
        this.port = port;
        this.portCount = portCount;
        this.proto = proto;
        this.formats = List.copyOf(formats);
    }

    public MediaDescriptionBuilder connection(Connection c) { this.connection = c; return this; }
    public MediaDescriptionBuilder mid(String v) { this.mid = v; return this; }
    public MediaDescriptionBuilder direction(Direction d) { this.direction = d; return this; }
    public MediaDescriptionBuilder iceUfrag(String v) { this.iceUfrag = v; return this; }
    public MediaDescriptionBuilder icePwd(String v) { this.icePwd = v; return this; }
    public MediaDescriptionBuilder iceOptions(List<String> v) { this.iceOptions = List.copyOf(v); return this; }
    public MediaDescriptionBuilder setup(SetupRole r) { this.setup = r; return this; }
    public MediaDescriptionBuilder rtcpMux(boolean v) { this.rtcpMux = v; return this; }
    public MediaDescriptionBuilder rtcpRsize(boolean v) { this.rtcpRsize = v; return this; }
    public MediaDescriptionBuilder endOfCandidates(boolean v) { this.endOfCandidates = v; return this; }
    public MediaDescriptionBuilder simulcast(Simulcast v) { this.simulcast = v; return this; }
    public MediaDescriptionBuilder addFingerprint(Fingerprint v) { fingerprints.add(v); return this; }
    public MediaDescriptionBuilder addRtpMap(RtpMap v) { rtpMaps.add(v); return this; }
    public MediaDescriptionBuilder addFmtp(Fmtp v) { fmtps.add(v); return this; }
    public MediaDescriptionBuilder addRtcpFb(RtcpFb v) { rtcpFbs.add(v); return this; }
    public MediaDescriptionBuilder addExtMap(ExtMap v) { extMaps.add(v); return this; }
    public MediaDescriptionBuilder addSsrc(SsrcAttribute v) { ssrcs.add(v); return this; }
    public MediaDescriptionBuilder addSsrcGroup(SsrcGroup v) { ssrcGroups.add(v); return this; }
    public MediaDescriptionBuilder addMsid(Msid v) { msids.add(v); return this; }
    public MediaDescriptionBuilder addRid(Rid v) { rids.add(v); return this; }
    public MediaDescriptionBuilder addCandidate(Candidate v) { candidates.add(v); return this; }
    public MediaDescriptionBuilder addOtherAttribute(Attribute v) { otherAttributes.add(v); return this; }
    public MediaDescriptionBuilder addOtherLine(SdpLine v) { otherLines.add(v); return this; }

    /** Adds an attribute: typed when the model has a free slot for it and it parses, else generic. */
    public MediaDescriptionBuilder addAttribute(Attribute a) {
        MediaAttributes.accept(this, a);
        return this;
    }

    boolean hasConnection() { return connection != null; }
    String mid() { return mid; }
    Direction direction() { return direction; }
    String iceUfrag() { return iceUfrag; }
    String icePwd() { return icePwd; }
    List<String> iceOptions() { return iceOptions; }
    SetupRole setup() { return setup; }
    boolean rtcpMux() { return rtcpMux; }
    boolean rtcpRsize() { return rtcpRsize; }
    boolean endOfCandidates() { return endOfCandidates; }
    Simulcast simulcast() { return simulcast; }

    /** Stores a parsed list-valued attribute record in its list. */
    void addTyped(Object parsed) {
        if (parsed instanceof Fingerprint f) {
            fingerprints.add(f);
        } else if (parsed instanceof RtpMap r) {
            rtpMaps.add(r);
        } else if (parsed instanceof Fmtp f) {
            fmtps.add(f);
        } else if (parsed instanceof RtcpFb f) {
            rtcpFbs.add(f);
        } else if (parsed instanceof ExtMap e) {
            extMaps.add(e);
        } else if (parsed instanceof SsrcAttribute s) {
            ssrcs.add(s);
        } else if (parsed instanceof SsrcGroup g) {
            ssrcGroups.add(g);
        } else if (parsed instanceof Msid m) {
            msids.add(m);
        } else if (parsed instanceof Rid r) {
            rids.add(r);
        } else if (parsed instanceof Candidate c) {
            candidates.add(c);
        } else if (parsed instanceof Simulcast s) {
            simulcast = s;
        }
    }

    public MediaDescription build() {
        List<SdpLine> lines = new ArrayList<>(otherLines);
        lines.sort((x, y) -> Integer.compare(SdpLine.mediaRank(x.type()), SdpLine.mediaRank(y.type())));
        return new MediaDescription(kind, port, portCount, proto, formats, connection, mid, direction, iceUfrag,
                icePwd, iceOptions, fingerprints, setup, rtcpMux, rtcpRsize, rtpMaps, fmtps, rtcpFbs, extMaps, ssrcs,
                ssrcGroups, msids, rids, simulcast, candidates, endOfCandidates, otherAttributes, lines);
    }
}
