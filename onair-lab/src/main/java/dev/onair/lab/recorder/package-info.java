/**
 * Flight-recorder dumps and what reads them: JSON lines and a pcap of RTP headers that Wireshark and
 * {@code tshark -r} open, their readers, the replay of a dump through the SFU's receive statistics, and the
 * re-simulation of a dump's datagram sequence through a seeded {@link dev.onair.lab.impair.Impairment}. The ring
 * itself is the SFU's ({@link dev.onair.sfu.recorder}).
 */
package dev.onair.lab.recorder;
