package dev.onair.transport.srtp;

import java.util.HexFormat;

/** Hex for test vectors; whitespace is ignored so vectors can be laid out by field. */
final class Hex {
    private Hex() {
    }

    static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex.replaceAll("\\s+", ""));
    }
}
