package dev.shoal.metainfo.internal.text;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** Percent-encoding of URI query values (RFC 3986), as magnet links use it. */
public final class Percent {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private Percent() {
    }

    /** Encodes every byte of the UTF-8 form except the unreserved characters. */
    public static String encode(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (isUnreserved(c)) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return out.toString();
    }

    /**
     * Decodes %XX escapes and '+' (a space, as in HTML form encoding, which many magnet
     * generators use for dn). The decoded bytes must be UTF-8.
     *
     * @throws IllegalArgumentException on a broken escape or bytes that are not UTF-8
     */
    public static String decode(String value) {
        if (value.indexOf('%') < 0 && value.indexOf('+') < 0) {
            return value;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%') {
                if (i + 2 >= value.length()) {
                    throw new IllegalArgumentException("incomplete escape at the end");
                }
                char hi = value.charAt(i + 1);
                char lo = value.charAt(i + 2);
                if (!HexFormat.isHexDigit(hi) || !HexFormat.isHexDigit(lo)) {
                    throw new IllegalArgumentException("bad escape \"" + value.substring(i, i + 3) + "\"");
                }
                bytes.write(HexFormat.fromHexDigit(hi) << 4 | HexFormat.fromHexDigit(lo));
                i += 2;
            } else if (c == '+') {
                bytes.write(' ');
            } else {
                byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < value.length()) {
                    utf8 = value.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                bytes.write(utf8, 0, utf8.length);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("escaped bytes are not UTF-8");
        }
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }
}
