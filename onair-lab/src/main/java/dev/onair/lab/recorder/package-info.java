/**
 * The flight recorder: per participant, a bounded ring of packet metadata (never payloads) and control events
 * for the last minute, dumped on demand as JSON lines or as a pcap of RTP headers that Wireshark and
 * {@code tshark -r} open. Recording allocates nothing; only a dump does.
 */
package dev.onair.lab.recorder;
