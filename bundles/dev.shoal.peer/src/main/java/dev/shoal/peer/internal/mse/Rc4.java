package dev.shoal.peer.internal.mse;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * One direction's RC4 keystream, its first 1024 bytes discarded as MSE asks (they leak the key).
 * Applies in place: RC4 is a stream cipher, encrypting and decrypting are the same XOR.
 *
 * <p>Our own loop rather than JCE's {@code ARCFOUR}: every byte of an encrypted connection goes
 * through here on the I/O thread, and JCE reaches a direct buffer only by copying it through temporary
 * arrays. A loop over the state in an {@code int[256]}, kept in locals while it runs, costs ~2/3 of
 * JCE's CPU (bench/README.md, Encryption). Checked against RFC 6229's vectors and JCE in the tests.
 * Not thread-safe; the filter calls it under its own lock.
 */
final class Rc4 {

    private static final int DISCARD = 1024;
    /** A byte array read and written eight bytes at a time, the first byte lowest, at any offset. */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    /** Direct buffers are ciphered through this much of a heap array at a time. */
    private static final int CHUNK = 8 * 1024;
    private final int[] state = new int[256];
    private int i;
    private int j;
    private byte[] chunk;

    Rc4(byte[] key) {
        if (key.length == 0 || key.length > 256) {
            throw new IllegalArgumentException("an RC4 key has 1 to 256 bytes, not " + key.length);
        }
        int[] s = state;
        for (int k = 0; k < 256; k++) {
            s[k] = k;
        }
        for (int k = 0, j = 0; k < 256; k++) {
            int sk = s[k];
            j = (j + sk + (key[k % key.length] & 0xFF)) & 0xFF;
            s[k] = s[j];
            s[j] = sk;
        }
        apply(new byte[DISCARD], 0, DISCARD);
    }

    /** The bytes from {@code offset}, {@code length} long, replaced by their cipher in place. */
    void apply(byte[] bytes, int offset, int length) {
        int[] s = state;
        int x = i;
        int y = j;
        int k = offset;
        int end = offset + length;
        // Eight bytes of keystream gathered in a long and XORed at once: one load and one store for
        // eight bytes of data, ~12 % faster than byte by byte.
        for (; end - k >= Long.BYTES; k += Long.BYTES) {
            long stream = 0;
            for (int shift = 0; shift < Long.SIZE; shift += Byte.SIZE) {
                x = (x + 1) & 0xFF;
                int sx = s[x];
                y = (y + sx) & 0xFF;
                int sy = s[y];
                s[x] = sy;
                s[y] = sx;
                stream |= (long) s[(sx + sy) & 0xFF] << shift;
            }
            LONGS.set(bytes, k, (long) LONGS.get(bytes, k) ^ stream);
        }
        for (; k < end; k++) {
            x = (x + 1) & 0xFF;
            int sx = s[x];
            y = (y + sx) & 0xFF;
            int sy = s[y];
            s[x] = sy;
            s[y] = sx;
            bytes[k] ^= (byte) s[(sx + sy) & 0xFF];
        }
        i = x;
        j = y;
    }

    /** The remaining bytes of {@code buffer} replaced in place; its position and limit unchanged. */
    void apply(ByteBuffer buffer) {
        if (buffer.hasArray()) {
            apply(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
            return;
        }
        if (chunk == null) {
            chunk = new byte[CHUNK];
        }
        for (int at = buffer.position(), end = buffer.limit(); at < end; ) {
            int length = Math.min(CHUNK, end - at);
            buffer.get(at, chunk, 0, length);
            apply(chunk, 0, length);
            buffer.put(at, chunk, 0, length);
            at += length;
        }
    }

    /** A copy of {@code bytes} through the cipher. */
    byte[] apply(byte[] bytes) {
        byte[] copy = bytes.clone();
        apply(copy, 0, copy.length);
        return copy;
    }
}
