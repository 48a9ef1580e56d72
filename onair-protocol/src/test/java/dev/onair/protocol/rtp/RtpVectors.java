package dev.onair.protocol.rtp;

/** Annotated RTP test vectors shared by the RTP tests. */
final class RtpVectors {
    private RtpVectors() {
    }

    static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    /** Minimal packet: no CSRC, no extension, no padding, 3 payload bytes. */
    static byte[] plain() {
        return bytes(
                0x80,                   // V=2 P=0 X=0 CC=0
                0xE0,                   // M=1 PT=96
                0x12, 0x34,             // sequence number 0x1234
                0xDE, 0xAD, 0xBE, 0xEF, // timestamp 0xDEADBEEF
                0xCA, 0xFE, 0xBA, 0xBE, // SSRC 0xCAFEBABE
                0x01, 0x02, 0x03);      // payload
    }

    /** Two CSRCs and 4 bytes of RTP padding. */
    static byte[] csrcAndPadding() {
        return bytes(
                0xA2,                   // V=2 P=1 X=0 CC=2
                0x6F,                   // M=0 PT=111
                0xFF, 0xFF,             // sequence number 65535
                0x00, 0x00, 0x00, 0x01, // timestamp 1
                0x00, 0x00, 0x00, 0x02, // SSRC 2
                0x11, 0x11, 0x11, 0x11, // CSRC 0
                0x22, 0x22, 0x22, 0x22, // CSRC 1
                0xAA, 0xBB,             // payload
                0x00, 0x00, 0x00,       // padding
                0x04);                  // padding count 4 (includes itself)
    }

    /**
     * One-byte RFC 8285 form, captured from Chrome (published as test data in olivermichel/webrtc-analysis,
     * test/include/data.h, "rtp_pkt1"), with two payload bytes appended.
     */
    static byte[] oneByteChrome() {
        return bytes(
                0x90,                   // V=2 P=0 X=1 CC=0
                0x2D,                   // M=0 PT=45
                0x1A, 0x5F,             // sequence number 6751
                0xD4, 0x09, 0x05, 0x49, // timestamp 3557360969
                0xF7, 0xB1, 0x6E, 0x83, // SSRC 0xF7B16E83
                0xBE, 0xDE,             // profile: one-byte form
                0x00, 0x03,             // extension length: 3 words
                0x22, 0xF3, 0x43, 0x50, // ID 2 L=2 (3 bytes): abs-send-time f34350
                0x41, 0x00, 0x9B,       // ID 4 L=1 (2 bytes): 009b
                0xD2, 0x81, 0x00, 0x45, // ID 13 L=2 (3 bytes): 810045
                0x00,                   // padding to the 32-bit boundary
                0x5A, 0x5B);            // payload
    }

    /** One-byte form with padding between elements and after the last one. */
    static byte[] oneBytePadded() {
        return bytes(
                0x90,                   // V=2 P=0 X=1 CC=0
                0x60,                   // M=0 PT=96
                0x00, 0x01,             // sequence number 1
                0x00, 0x00, 0x00, 0x64, // timestamp 100
                0x00, 0x00, 0x00, 0x07, // SSRC 7
                0xBE, 0xDE,             // profile: one-byte form
                0x00, 0x02,             // extension length: 2 words
                0x10, 0xAA,             // ID 1 L=0 (1 byte): aa
                0x00, 0x00,             // padding between elements
                0x31, 0xBB, 0xCC,       // ID 3 L=1 (2 bytes): bbcc
                0x00,                   // trailing padding
                0x99);                  // payload
    }

    /**
     * Two-byte RFC 8285 form, captured from Chrome (olivermichel/webrtc-analysis, "rtp_pkt3"), with one
     * payload byte appended.
     */
    static byte[] twoByteChrome() {
        return bytes(
                0x90,                   // V=2 P=0 X=1 CC=0
                0x2D,                   // M=0 PT=45
                0x61, 0xC5,             // sequence number 25029
                0x95, 0x0A, 0x0F, 0xEE, // timestamp 2500464622
                0x8D, 0x38, 0x14, 0xE5, // SSRC 0x8D3814E5
                0x10, 0x00,             // profile: two-byte form, appbits 0
                0x00, 0x11,             // extension length: 17 words
                0x02, 0x03, 0x03, 0xF7, 0xAE, // ID 2 length 3: 03f7ae
                0x04, 0x02, 0x00, 0x02, // ID 4 length 2: 0002
                0x09, 0x01, 0x30,       // ID 9 length 1: 30
                0x03, 0x01, 0x00,       // ID 3 length 1: 00
                0x06, 0x01, 0x02,       // ID 6 length 1: 02
                0x07, 0x0D,             // ID 7 length 13
                0x01, 0x00, 0x01, 0x00, 0x07, 0x00, 0x07, 0x00, 0x0A, 0x00, 0x00, 0x00, 0x00, // ID 7 data
                0x0D, 0x21,             // ID 13 length 33
                0xC0, 0x00, 0x01, 0x80, 0x03, 0x18, 0x7A, 0xAA, 0xF1, 0x30, 0xA0, // ID 13 data 0..10
                0xA0, 0x14, 0xD1, 0x41, 0x38, 0x23, 0x04, 0x60, 0x08, 0x64, 0x22, // ID 13 data 11..21
                0x22, 0x26, 0x50, 0x09, 0xF0, 0x07, 0x70, 0x13, 0xF0, 0x0E, 0xF0, // ID 13 data 22..32
                0x77);                  // payload
    }

    static byte[][] all() {
        return new byte[][] {plain(), csrcAndPadding(), oneByteChrome(), oneBytePadded(), twoByteChrome()};
    }
}
