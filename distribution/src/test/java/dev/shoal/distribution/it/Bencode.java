package dev.shoal.distribution.it;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes bencode by hand, independent of Shoal's own codec, so the tests can build valid torrents to
 * compare against and broken ones to feed it. Dictionaries are written in the order given
 * (use {@link #dict} for sorted keys); {@link Raw} puts bytes in as they are.
 */
final class Bencode {

    /** Bytes written out unchanged: a hand-made token, broken on purpose or not. */
    record Raw(byte[] bytes) {
        static Raw of(String ascii) {
            return new Raw(ascii.getBytes(StandardCharsets.ISO_8859_1));
        }
    }

    private Bencode() {
    }

    /** A dictionary from key/value pairs, keys sorted by their bytes as bencode requires. */
    static Map<String, Object> dict(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values must pair up");
        }
        TreeMap<String, Object> sorted = new TreeMap<>(Bencode::compareUtf8);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            sorted.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return new LinkedHashMap<>(sorted);
    }

    /** A dictionary written in exactly the order given, sorted or not. */
    static Map<String, Object> dictAsGiven(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    static byte[] encode(Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, value);
        return out.toByteArray();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    static String sha1Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static void write(ByteArrayOutputStream out, Object value) {
        if (value instanceof Raw) {
            out.writeBytes(((Raw) value).bytes());
        } else if (value instanceof String) {
            writeBytes(out, ((String) value).getBytes(StandardCharsets.UTF_8));
        } else if (value instanceof byte[]) {
            writeBytes(out, (byte[]) value);
        } else if (value instanceof Integer || value instanceof Long) {
            out.writeBytes(("i" + value + "e").getBytes(StandardCharsets.US_ASCII));
        } else if (value instanceof List) {
            out.write('l');
            for (Object item : (List<?>) value) {
                write(out, item);
            }
            out.write('e');
        } else if (value instanceof Map) {
            out.write('d');
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                write(out, entry.getKey());
                write(out, entry.getValue());
            }
            out.write('e');
        } else {
            throw new IllegalArgumentException("cannot bencode " + value);
        }
    }

    private static void writeBytes(ByteArrayOutputStream out, byte[] bytes) {
        out.writeBytes((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(bytes);
    }

    private static int compareUtf8(String a, String b) {
        return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
