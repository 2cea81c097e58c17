package dev.shoal.tracker.http.internal;

/**
 * Percent-encoding of raw bytes for a query string. BEP 3 sends {@code info_hash} and
 * {@code peer_id} as their bytes, not as UTF-8 text, so every byte outside RFC 3986's unreserved
 * set becomes {@code %XX}.
 */
final class Percent {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private Percent() {
    }

    static String encode(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length * 3);
        for (byte b : bytes) {
            int c = b & 0xFF;
            if (isUnreserved(c)) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >>> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }

    static String encode(String text) {
        return encode(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }
}
