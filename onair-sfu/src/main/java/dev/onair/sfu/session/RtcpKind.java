package dev.onair.sfu.session;

import dev.onair.protocol.rtcp.Bye;
import dev.onair.protocol.rtcp.FullIntraRequest;
import dev.onair.protocol.rtcp.GenericNack;
import dev.onair.protocol.rtcp.PictureLossIndication;
import dev.onair.protocol.rtcp.ReceiverReport;
import dev.onair.protocol.rtcp.Remb;
import dev.onair.protocol.rtcp.RtcpPacket;
import dev.onair.protocol.rtcp.SenderReport;
import dev.onair.protocol.rtcp.SourceDescription;
import dev.onair.protocol.rtcp.TransportCc;

/** The RTCP packet types we count on receipt (unknown ones are counted, never fatal). */
public enum RtcpKind {
    SR, RR, SDES, BYE, NACK, PLI, FIR, REMB, TWCC, UNKNOWN;

    static RtcpKind of(RtcpPacket p) {
        if (p instanceof SenderReport) {
            return SR;
        } else if (p instanceof ReceiverReport) {
            return RR;
        } else if (p instanceof SourceDescription) {
            return SDES;
        } else if (p instanceof Bye) {
            return BYE;
        } else if (p instanceof GenericNack) {
            return NACK;
        } else if (p instanceof PictureLossIndication) {
            return PLI;
        } else if (p instanceof FullIntraRequest) {
            return FIR;
        } else if (p instanceof Remb) {
            return REMB;
        } else if (p instanceof TransportCc) {
            return TWCC;
        }
        return UNKNOWN;
    }
}
