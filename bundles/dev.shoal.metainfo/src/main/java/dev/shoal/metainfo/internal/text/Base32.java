package dev.shoal.metainfo.internal.text;

/**
 * RFC 4648 base32 without padding, the older form of v1 info-hashes in magnet links
 * (20 bytes give exactly 32 characters, so no padding ever appears there).
 */
public final class Base32 {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private Base32() {
    }

    public static String encode(byte[] bytes) {
        StringBuilder out = new StringBuilder((bytes.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(ALPHABET.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(ALPHABET.charAt((buffer << (5 - bits)) & 31));
        }
        return out.toString();
    }

    /**
     * Decodes either case. Throws IllegalArgumentException on a character outside the alphabet
     * or when the leftover bits are not zero (a non-canonical encoding).
     */
    public static byte[] decode(CharSequence text) {
        byte[] out = new byte[text.length() * 5 / 8];
        int buffer = 0;
        int bits = 0;
        int index = 0;
        for (int i = 0; i < text.length(); i++) {
            int value = ALPHABET.indexOf(Character.toUpperCase(text.charAt(i)));
            if (value < 0 || text.charAt(i) > 'z') {
                throw new IllegalArgumentException("'" + text.charAt(i) + "' is not a base32 digit");
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                out[index++] = (byte) (buffer >> (bits - 8));
                bits -= 8;
            }
        }
        if ((buffer & ((1 << bits) - 1)) != 0) {
            throw new IllegalArgumentException("base32 text has trailing bits set");
        }
        return out;
    }
}
