package dev.onair.sfu.api;

/**
 * Shaping for a participant's transports: {@code up} for datagrams from the participant to the server (inbound),
 * {@code down} for datagrams from the server to the participant (outbound); null leaves that direction unshaped.
 * {@code label} is the caller's own description of the setting (opaque here), returned as it is by
 * {@link MediaService#impairment}.
 */
public record ImpairmentSetting(ShaperFactory up, ShaperFactory down, Object label) {
}
