package fr.croisements.ingest.lora;

import java.util.HexFormat;

/** Reading integers out of payload bytes, and hex text for messages and tests. */
final class Octets {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    static int u8(byte[] o, int i) {
        return o[i] & 0xFF;
    }

    static int s8(byte[] o, int i) {
        return o[i];
    }

    static int u16le(byte[] o, int i) {
        return (o[i] & 0xFF) | (o[i + 1] & 0xFF) << 8;
    }

    static int s16le(byte[] o, int i) {
        return (short) u16le(o, i);
    }

    static int u16be(byte[] o, int i) {
        return (o[i] & 0xFF) << 8 | (o[i + 1] & 0xFF);
    }

    static int s16be(byte[] o, int i) {
        return (short) u16be(o, i);
    }

    static long u32be(byte[] o, int i) {
        return (long) u16be(o, i) << 16 | u16be(o, i + 2);
    }

    static int s32be(byte[] o, int i) {
        return (int) u32be(o, i);
    }

    /** Upper-case hex, e.g. {@code 0175...}. */
    static String hex(byte[] o) {
        return HEX.formatHex(o);
    }

    static byte[] depuisHex(String hex) {
        return HEX.parseHex(hex);
    }

    private Octets() {}
}
