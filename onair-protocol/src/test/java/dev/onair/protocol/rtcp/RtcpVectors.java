package dev.onair.protocol.rtcp;

/** Annotated RTCP test vectors, one comment per field. */
final class RtcpVectors {
    private RtcpVectors() {
    }

    static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int pos = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, pos, p.length);
            pos += p.length;
        }
        return out;
    }

    static final byte[] SR = bytes(
            0x81,                   // V=2 P=0 RC=1
            0xC8,                   // PT=200 SR
            0x00, 0x0C,             // length 12 words (52 bytes)
            0x11, 0x22, 0x33, 0x44, // SSRC of sender
            0xE8, 0xA1, 0xB2, 0xC3, // NTP seconds
            0xD4, 0xE5, 0xF6, 0x07, // NTP fraction
            0x00, 0x01, 0x5F, 0x90, // RTP timestamp 90000
            0x00, 0x00, 0x00, 0x64, // packet count 100
            0x00, 0x00, 0x27, 0x10, // octet count 10000
            0x55, 0x66, 0x77, 0x88, // block: SSRC
            0x40,                   // block: fraction lost 64/256
            0x00, 0x00, 0x05,       // block: cumulative lost 5
            0x00, 0x01, 0x00, 0x10, // block: extended highest seq (1 cycle, seq 16)
            0x00, 0x00, 0x00, 0x20, // block: jitter 32
            0xA1, 0xB2, 0xC3, 0xD4, // block: LSR
            0x00, 0x01, 0x00, 0x00); // block: DLSR 1 s

    static final byte[] RR = bytes(
            0x81,                   // V=2 P=0 RC=1
            0xC9,                   // PT=201 RR
            0x00, 0x07,             // length 7 words (32 bytes)
            0x0A, 0x0B, 0x0C, 0x0D, // SSRC of packet sender
            0x11, 0x22, 0x33, 0x44, // block: SSRC
            0x00,                   // block: fraction lost 0
            0xFF, 0xFF, 0xFF,       // block: cumulative lost -1 (duplicates)
            0x00, 0x00, 0x02, 0x00, // block: extended highest seq 512
            0x00, 0x00, 0x00, 0x00, // block: jitter 0
            0x00, 0x00, 0x00, 0x00, // block: LSR none
            0x00, 0x00, 0x00, 0x00); // block: DLSR 0

    static final byte[] SDES = bytes(
            0x81,                   // V=2 P=0 SC=1
            0xCA,                   // PT=202 SDES
            0x00, 0x04,             // length 4 words (20 bytes)
            0x11, 0x22, 0x33, 0x44, // chunk SSRC
            0x01,                   // item type CNAME
            0x09,                   // item length 9
            'u', 's', 'e', 'r', '@', 'h', 'o', 's', 't', // item text
            0x00);                  // end of items (already on a 32-bit boundary)

    static final byte[] SDES_TWO_CHUNKS = bytes(
            0x82,                   // V=2 P=0 SC=2
            0xCA,                   // PT=202 SDES
            0x00, 0x05,             // length 5 words (24 bytes)
            0x11, 0x22, 0x33, 0x44, // chunk 1 SSRC
            0x01,                   // item type CNAME
            0x02,                   // item length 2
            'a', 'b',               // item text
            0x00,                   // end of items
            0x00, 0x00, 0x00,       // padding to 32 bits
            0x55, 0x66, 0x77, 0x88, // chunk 2 SSRC
            0x00,                   // end of items (no items)
            0x00, 0x00, 0x00);      // padding to 32 bits

    static final byte[] BYE = bytes(
            0x81,                   // V=2 P=0 SC=1
            0xCB,                   // PT=203 BYE
            0x00, 0x02,             // length 2 words (12 bytes)
            0x11, 0x22, 0x33, 0x44, // SSRC
            0x03,                   // reason length 3
            'b', 'y', 'e');         // reason text

    static final byte[] BYE_NO_REASON = bytes(
            0x82,                   // V=2 P=0 SC=2
            0xCB,                   // PT=203 BYE
            0x00, 0x02,             // length 2 words (12 bytes)
            0x11, 0x22, 0x33, 0x44, // SSRC 1
            0x55, 0x66, 0x77, 0x88); // SSRC 2

    static final byte[] NACK = bytes(
            0x81,                   // V=2 P=0 FMT=1 generic NACK
            0xCD,                   // PT=205 RTPFB
            0x00, 0x03,             // length 3 words (16 bytes)
            0x00, 0x00, 0x00, 0x01, // SSRC of packet sender
            0x11, 0x22, 0x33, 0x44, // SSRC of media source
            0x00, 0x64,             // PID 100
            0x00, 0x05);            // BLP: 101 and 103 lost too

    static final byte[] PLI = bytes(
            0x81,                   // V=2 P=0 FMT=1 PLI
            0xCE,                   // PT=206 PSFB
            0x00, 0x02,             // length 2 words (12 bytes)
            0x00, 0x00, 0x00, 0x01, // SSRC of packet sender
            0x11, 0x22, 0x33, 0x44); // SSRC of media source

    static final byte[] FIR = bytes(
            0x84,                   // V=2 P=0 FMT=4 FIR
            0xCE,                   // PT=206 PSFB
            0x00, 0x04,             // length 4 words (20 bytes)
            0x00, 0x00, 0x00, 0x01, // SSRC of packet sender
            0x00, 0x00, 0x00, 0x00, // SSRC of media source (unused, 0)
            0x11, 0x22, 0x33, 0x44, // entry: SSRC
            0x07,                   // entry: command sequence number 7
            0x00, 0x00, 0x00);      // entry: reserved

    static final byte[] REMB = bytes(
            0x8F,                   // V=2 P=0 FMT=15 AFB
            0xCE,                   // PT=206 PSFB
            0x00, 0x05,             // length 5 words (24 bytes)
            0x00, 0x00, 0x00, 0x01, // SSRC of packet sender
            0x00, 0x00, 0x00, 0x00, // SSRC of media source (0)
            'R', 'E', 'M', 'B',     // unique identifier
            0x01,                   // Num SSRC 1
            0x0B, 0xD0, 0x90,       // BR Exp 2, BR Mantissa 250000: 1 000 000 bps
            0x11, 0x22, 0x33, 0x44); // SSRC feedback

    /** Written by {@link TransportCc#writeTo}: two-bit vector, run length, one-bit vector, wrap, negative delta. */
    static final byte[] TWCC = bytes(
            0xAF,                   // V=2 P=1 FMT=15 transport-cc
            0xCD,                   // PT=205 RTPFB
            0x00, 0x0C,             // length 12 words (52 bytes)
            0x00, 0x00, 0x00, 0x01, // SSRC of packet sender
            0x11, 0x22, 0x33, 0x44, // SSRC of media source
            0xFF, 0xFA,             // base sequence number 65530
            0x00, 0x1A,             // packet status count 26
            0x12, 0x34, 0x56,       // reference time 0x123456 x 64 ms
            0x07,                   // feedback packet count 7
            0xD1, 0x96,             // chunk: two-bit vector S,-,S,L,S,S,L (seq 65530..0)
            0x20, 0x0F,             // chunk: run length, small delta x 15 (seq 1..15)
            0x94, 0x00,             // chunk: one-bit vector -,S,-,S (seq 16..19), 10 unused slots
            0x10,                   // delta seq 65530: 16 x 250 us
            0x20,                   // delta seq 65532: 32
            0xFF, 0xFC,             // delta seq 65533: -4 (large/negative)
            0x01,                   // delta seq 65534: 1
            0x02,                   // delta seq 65535: 2
            0x03, 0xE8,             // delta seq 0: 1000 (large)
            0x04, 0x04, 0x04, 0x04, 0x04, // deltas seq 1..5: 4
            0x04, 0x04, 0x04, 0x04, 0x04, // deltas seq 6..10: 4
            0x04, 0x04, 0x04, 0x04, 0x04, // deltas seq 11..15: 4
            0x05,                   // delta seq 17: 5
            0x06,                   // delta seq 19: 6
            0x01);                  // padding count 1

    /**
     * Chrome capture published as test data by olivermichel/webrtc-analysis (test/include/data.h, "twcc_pkt1"),
     * decoded there with Wireshark.
     */
    static final byte[] TWCC_CHROME_RUN = bytes(
            0xAF,                   // V=2 P=1 FMT=15
            0xCD,                   // PT=205 RTPFB
            0x00, 0x07,             // length 7 words (32 bytes)
            0x00, 0x00, 0x00, 0x01, // SSRC of packet sender
            0xDD, 0x58, 0x6E, 0xB6, // SSRC of media source
            0x00, 0x01,             // base sequence number 1
            0x00, 0x09,             // packet status count 9
            0x5E, 0x91, 0x10,       // reference time 6197520
            0x00,                   // feedback packet count 0
            0x20, 0x09,             // chunk: run length, small delta x 9
            0x1C, 0x0C, 0x2C, 0x38, 0x00, 0x04, 0x00, 0x08, 0x18, // 9 small deltas
            0x01);                  // padding count 1

    /**
     * Chrome-style feedback from the pion/rtcp test suite (as mirrored in webrtc-rs, transport_layer_cc_test.rs
     * "example6"): a two-bit vector, then a run-length chunk covering more packets than counted.
     */
    static final byte[] TWCC_PION_VECTOR = bytes(
            0xAF,                   // V=2 P=1 FMT=15
            0xCD,                   // PT=205 RTPFB
            0x00, 0x07,             // length 7 words (32 bytes)
            0x9B, 0x74, 0xF6, 0x1F, // SSRC of packet sender
            0x93, 0x71, 0xDC, 0xBC, // SSRC of media source
            0x85, 0x3C,             // base sequence number 34108
            0x00, 0x09,             // packet status count 9
            0x63, 0xF9, 0x16,       // reference time 6551830
            0xB3,                   // feedback packet count 179
            0xD5, 0x52,             // chunk: two-bit vector S,S,S,S,S,-,L
            0x00, 0x30,             // chunk: run length, not received x 48 (only 2 counted)
            0x9B, 0xAA, 0x6A, 0xAA, 0x7B, // 5 small deltas
            0x01, 0x09,             // large delta 265
            0x01);                  // padding count 1

    /** From the same pion suite ("example3"): two run-length chunks, large deltas, no padding. */
    static final byte[] TWCC_PION_LARGE = bytes(
            0x8F,                   // V=2 P=0 FMT=15
            0xCD,                   // PT=205 RTPFB
            0x00, 0x07,             // length 7 words (32 bytes)
            0xFA, 0x17, 0xFA, 0x17, // SSRC of packet sender
            0x19, 0x3D, 0xD8, 0xBB, // SSRC of media source
            0x01, 0x74,             // base sequence number 372
            0x00, 0x06,             // packet status count 6
            0x45, 0xB1, 0x5A,       // reference time 4567386
            0x40,                   // feedback packet count 64
            0x40, 0x02,             // chunk: run length, large delta x 2
            0x20, 0x04,             // chunk: run length, small delta x 4
            0x1F, 0xFE,             // large delta 8190
            0x1F, 0x9A,             // large delta 8090
            0xD0, 0x00, 0xD0, 0x00); // small deltas 208, 0, 208, 0

    static final byte[] APP = bytes(
            0x81,                   // V=2 P=0 subtype 1
            0xCC,                   // PT=204 APP
            0x00, 0x03,             // length 3 words (16 bytes)
            0x11, 0x22, 0x33, 0x44, // SSRC
            'T', 'E', 'S', 'T',     // name
            0xDE, 0xAD, 0xBE, 0xEF); // application data

    static final byte[] XR = bytes(
            0x80,                   // V=2 P=0 reserved 0
            0xCF,                   // PT=207 XR
            0x00, 0x04,             // length 4 words (20 bytes)
            0x11, 0x22, 0x33, 0x44, // SSRC
            0x04,                   // block type 4: receiver reference time
            0x00,                   // reserved
            0x00, 0x02,             // block length 2 words
            0xE8, 0xA1, 0xB2, 0xC3, // NTP seconds
            0xD4, 0xE5, 0xF6, 0x07); // NTP fraction

    static final byte[] RTPFB_UNKNOWN_FMT = bytes(
            0x83,                   // V=2 P=0 FMT=3 (TMMBR, not modelled)
            0xCD,                   // PT=205 RTPFB
            0x00, 0x04,             // length 4 words (20 bytes)
            0x00, 0x00, 0x00, 0x01, // SSRC of packet sender
            0x00, 0x00, 0x00, 0x00, // SSRC of media source
            0x11, 0x22, 0x33, 0x44, // FCI: SSRC
            0x04, 0x00, 0x00, 0x20); // FCI: exp, mantissa, overhead

    static final byte[] COMPOUND_SR_SDES = concat(SR, SDES);
    static final byte[] COMPOUND_RR_SDES = concat(RR, SDES_TWO_CHUNKS);

    /** Vectors whose {@code serialize(parse(x))} is byte-identical. */
    static byte[][] roundTrip() {
        return new byte[][] {SR, RR, SDES, SDES_TWO_CHUNKS, BYE, BYE_NO_REASON, NACK, PLI, FIR, REMB, TWCC,
            TWCC_CHROME_RUN, APP, XR, RTPFB_UNKNOWN_FMT, COMPOUND_SR_SDES, COMPOUND_RR_SDES};
    }

    /** Every vector, including the decode-only ones. */
    static byte[][] all() {
        byte[][] rt = roundTrip();
        byte[][] out = java.util.Arrays.copyOf(rt, rt.length + 2);
        out[rt.length] = TWCC_PION_VECTOR;
        out[rt.length + 1] = TWCC_PION_LARGE;
        return out;
    }
}
