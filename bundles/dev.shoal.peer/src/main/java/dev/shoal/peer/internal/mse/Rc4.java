package dev.shoal.peer.internal.mse;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;

/**
 * One direction's RC4 keystream (JCE {@code ARCFOUR}), its first 1024 bytes discarded as MSE asks
 * (they leak the key). Applies in place: RC4 is a stream cipher, encrypting and decrypting are the
 * same XOR. Not thread-safe; the filter calls it under its own lock.
 */
final class Rc4 {

    private static final int DISCARD = 1024;
    private final Cipher cipher;

    Rc4(byte[] key) {
        try {
            cipher = Cipher.getInstance("ARCFOUR");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "ARCFOUR"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the Java runtime has no ARCFOUR (RC4) cipher", e);
        }
        cipher.update(new byte[DISCARD]);
    }

    /** The bytes from {@code offset}, {@code length} long, replaced by their cipher in place. */
    void apply(byte[] bytes, int offset, int length) {
        try {
            cipher.update(bytes, offset, length, bytes, offset);
        } catch (ShortBufferException e) {
            throw new IllegalStateException("RC4 output is as long as its input", e);
        }
    }

    /** The remaining bytes of {@code buffer} replaced in place; its position and limit unchanged. */
    void apply(ByteBuffer buffer) {
        if (buffer.hasArray()) {
            apply(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
            return;
        }
        try {
            // JCE's ByteBuffer update is copy-safe when input and output share their memory.
            cipher.update(buffer.duplicate(), buffer.duplicate());
        } catch (ShortBufferException e) {
            throw new IllegalStateException("RC4 output is as long as its input", e);
        }
    }

    /** A copy of {@code bytes} through the cipher. */
    byte[] apply(byte[] bytes) {
        byte[] copy = bytes.clone();
        apply(copy, 0, copy.length);
        return copy;
    }
}
