package dev.shoal.metainfo.internal.text;

/** Lower-case hexadecimal, the form info-hashes are shown and exchanged in. */
public final class Hex {

    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    private Hex() {
    }

    public static String encode(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = DIGITS[(bytes[i] >> 4) & 0xf];
            out[2 * i + 1] = DIGITS[bytes[i] & 0xf];
        }
        return new String(out);
    }

    /** Decodes either case; throws IllegalArgumentException on an odd length or a non-hex character. */
    public static byte[] decode(CharSequence text) {
        if (text.length() % 2 != 0) {
            throw new IllegalArgumentException("odd number of hex digits");
        }
        byte[] out = new byte[text.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) (digit(text.charAt(2 * i)) << 4 | digit(text.charAt(2 * i + 1)));
        }
        return out;
    }

    public static boolean isHex(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (valueOf(text.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    /** The value of an ASCII hex digit, or -1 (Character.digit would accept non-ASCII digits too). */
    static int valueOf(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        } else if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        } else if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private static int digit(char c) {
        int value = valueOf(c);
        if (value < 0) {
            throw new IllegalArgumentException("'" + c + "' is not a hex digit");
        }
        return value;
    }
}
