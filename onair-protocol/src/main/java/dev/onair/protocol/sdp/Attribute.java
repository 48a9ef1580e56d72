package dev.onair.protocol.sdp;

/**
 * A generic SDP attribute line (RFC 8866 section 5.13).
 *
 * <pre>
 * a=&lt;attribute-name&gt;               property attribute: value is null
 * a=&lt;attribute-name&gt;:&lt;value&gt;       value attribute: everything after the first ':'
 * </pre>
 *
 * @param name  the attribute name (never null)
 * @param value the value after the first {@code ':'}, verbatim, or null for a property attribute
 */
public record Attribute(String name, String value) {
    public Attribute {
        if (name == null) {
            throw new IllegalArgumentException("name");
        }
    }

    /** A property attribute such as {@code a=rtcp-mux}. */
    public static Attribute flag(String name) {
        return new Attribute(name, null);
    }

    /** Parses the text after {@code a=}. */
    static Attribute parse(String text) {
        int colon = text.indexOf(':');
        return colon < 0 ? new Attribute(text, null) : new Attribute(text.substring(0, colon), text.substring(colon + 1));
    }

    /** The text after {@code a=}. */
    public String toLineValue() {
        return value == null ? name : name + ":" + value;
    }
}
