/**
 * Retransmission (RFC 4585 generic NACK, RFC 4588 RTX): {@link dev.onair.sfu.rtx.RetransmissionCache} keeps a
 * published track's recent packets once for all its subscribers; {@link dev.onair.sfu.rtx.ResendGuard} stops
 * resending one packet to one subscriber more than once per round trip; {@link dev.onair.sfu.rtx.RtxPacket}
 * turns a rewritten packet into its RTX form and a publisher's RTX packet back;
 * {@link dev.onair.sfu.rtx.NackGenerator} decides which of a publisher's packets to NACK and when to give up. Media loop only; nothing here allocates per packet.
 */
package dev.onair.sfu.rtx;
