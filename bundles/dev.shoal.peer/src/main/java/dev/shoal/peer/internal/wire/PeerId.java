package dev.shoal.peer.internal.wire;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * The 20 bytes a peer names itself with. Ours are Azureus style: {@code -SH0100-} (client SH,
 * version 0.1.0.0) and 12 random characters, printable so that trackers and logs show them as
 * they are.
 *
 * @param bytes exactly 20 bytes (copied in and out)
 */
public record PeerId(byte[] bytes) {

    public static final int LENGTH = 20;
    public static final String SHOAL_PREFIX = "-SH0100-";

    private static final byte[] PRINTABLE =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".getBytes(StandardCharsets.US_ASCII);

    public PeerId {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("a peer id has 20 bytes, not " + bytes.length);
        }
        bytes = bytes.clone();
    }

    /** A new Shoal peer id; pass a {@link java.security.SecureRandom} outside tests. */
    public static PeerId generate(RandomGenerator random) {
        byte[] id = new byte[LENGTH];
        byte[] prefix = SHOAL_PREFIX.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(prefix, 0, id, 0, prefix.length);
        for (int i = prefix.length; i < LENGTH; i++) {
            id[i] = PRINTABLE[random.nextInt(PRINTABLE.length)];
        }
        return new PeerId(id);
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PeerId other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** The id as text, non-printable bytes as {@code %XX} (most clients' ids are mostly ASCII). */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(LENGTH);
        for (byte b : bytes) {
            if (b >= 0x20 && b < 0x7F && b != '%') {
                text.append((char) b);
            } else {
                text.append('%').append(String.format("%02X", b & 0xFF));
            }
        }
        return text.toString();
    }
}
