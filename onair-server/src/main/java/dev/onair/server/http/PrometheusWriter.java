package dev.onair.server.http;

/**
 * Writes the Prometheus text exposition format 0.0.4: {@code # HELP}, {@code # TYPE}, then samples.
 * Label values come only from code (never from user input); they are escaped anyway.
 */
public final class PrometheusWriter {
    /** The content type of the exposition format. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    private final StringBuilder out = new StringBuilder(1024);

    /** Starts a metric family. {@code type} is {@code gauge} or {@code counter}. */
    public PrometheusWriter family(String name, String type, String help) {
        out.append("# HELP ").append(name).append(' ').append(help.replace("\\", "\\\\").replace("\n", "\\n"))
                .append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
        return this;
    }

    public PrometheusWriter sample(String name, long value) {
        out.append(name).append(' ').append(value).append('\n');
        return this;
    }

    public PrometheusWriter sample(String name, String label, String labelValue, long value) {
        out.append(name).append('{').append(label).append("=\"").append(escape(labelValue)).append("\"} ")
                .append(value).append('\n');
        return this;
    }

    /** A sample with two labels. */
    public PrometheusWriter sample(String name, String label1, String value1, String label2, String value2,
                                   long value) {
        out.append(name).append('{').append(label1).append("=\"").append(escape(value1)).append("\",")
                .append(label2).append("=\"").append(escape(value2)).append("\"} ").append(value).append('\n');
        return this;
    }

    /** A gauge with a fractional value (written with Java's shortest round-trip form). */
    public PrometheusWriter sample(String name, String label, String labelValue, double value) {
        out.append(name).append('{').append(label).append("=\"").append(escape(labelValue)).append("\"} ")
                .append(value).append('\n');
        return this;
    }

    public PrometheusWriter sample(String name, double value) {
        out.append(name).append(' ').append(value).append('\n');
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private static String escape(String v) {
        return v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
