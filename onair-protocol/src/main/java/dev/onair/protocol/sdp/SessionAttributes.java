package dev.onair.protocol.sdp;

import java.util.ArrayList;
import java.util.List;

/**
 * Maps session-level attributes between their generic form and the typed fields of
 * {@link SessionDescription} (RFC 8866 section 6, RFC 8843, RFC 8839, RFC 8842).
 *
 * <pre>
 * a=group  a=ice-lite  a=ice-ufrag  a=ice-pwd  a=ice-options  a=fingerprint  a=setup
 * a=&lt;direction&gt;  a=msid-semantic  a=extmap-allow-mixed  --&gt; typed; everything else --&gt; otherAttributes
 * </pre>
 */
final class SessionAttributes {
    private SessionAttributes() {
    }

    /** Stores one attribute in its typed slot when it parses and the slot is free; else as a generic one. */
    static void accept(SessionDescriptionBuilder b, Attribute a) {
        if (!acceptTyped(b, a)) {
            b.addOtherAttribute(a);
        }
    }

    private static boolean acceptTyped(SessionDescriptionBuilder b, Attribute a) {
        String v = a.value();
        Direction dir = Direction.fromSdpName(a.name());
        if (v == null) {
            if (dir != null && b.direction() == null) {
                b.direction(dir);
                return true;
            }
            if ("ice-lite".equals(a.name()) && !b.iceLite()) {
                b.iceLite(true);
                return true;
            }
            if ("extmap-allow-mixed".equals(a.name()) && !b.extmapAllowMixed()) {
                b.extmapAllowMixed(true);
                return true;
            }
            return false;
        }
        switch (a.name()) {
            case "group": {
                Group g = Group.parse(v);
                if (g != null) {
                    b.addGroup(g);
                }
                return g != null;
            }
            case "fingerprint": {
                Fingerprint f = Fingerprint.parse(v);
                if (f != null) {
                    b.addFingerprint(f);
                }
                return f != null;
            }
            case "ice-ufrag":
                return b.iceUfrag() == null && SdpTokens.isToken(v) && b.iceUfrag(v) == b;
            case "ice-pwd":
                return b.icePwd() == null && SdpTokens.isToken(v) && b.icePwd(v) == b;
            case "ice-options": {
                List<String> t = SdpTokens.split(v);
                return b.iceOptions().isEmpty() && !t.isEmpty() && b.iceOptions(t) == b;
            }
            case "setup": {
                SetupRole r = SetupRole.fromSdpName(v);
                return b.setup() == null && r != null && b.setup(r) == b;
            }
            case "msid-semantic": {
                MsidSemantic m = MsidSemantic.parse(v);
                return b.msidSemantic() == null && m != null && b.msidSemantic(m) == b;
            }
            default:
                return false;
        }
    }

    /** Every session-level attribute in writer order. */
    static List<Attribute> render(SessionDescription s) {
        List<Attribute> out = new ArrayList<>();
        s.groups().forEach(g -> out.add(new Attribute("group", g.toAttributeValue())));
        MediaAttributes.addFlag(out, "ice-lite", s.iceLite());
        MediaAttributes.addValue(out, "ice-ufrag", s.iceUfrag());
        MediaAttributes.addValue(out, "ice-pwd", s.icePwd());
        if (!s.iceOptions().isEmpty()) {
            out.add(new Attribute("ice-options", String.join(" ", s.iceOptions())));
        }
        s.fingerprints().forEach(f -> out.add(new Attribute("fingerprint", f.toAttributeValue())));
        MediaAttributes.addValue(out, "setup", s.setup() == null ? null : s.setup().sdpName());
        if (s.direction() != null) {
            out.add(Attribute.flag(s.direction().sdpName()));
        }
        if (s.msidSemantic() != null) {
            out.add(new Attribute("msid-semantic", s.msidSemantic().toAttributeValue()));
        }
        MediaAttributes.addFlag(out, "extmap-allow-mixed", s.extmapAllowMixed());
        out.addAll(s.otherAttributes());
        return out;
    }
}
