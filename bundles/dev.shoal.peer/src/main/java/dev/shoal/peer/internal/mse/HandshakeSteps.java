package dev.shoal.peer.internal.mse;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * What both sides of the MSE handshake share: one fixed buffer for the field being read (so a
 * handshake holds at most {@link #CAPACITY} bytes, whatever the peer sends), and the outcome once
 * it is through: the ciphers and how much of what follows is ciphered.
 */
abstract class HandshakeSteps {

    /** The longest read: a pad of 512 bytes and the 20-byte hash found behind it. */
    static final int CAPACITY = MseKeys.MAX_PAD + MseKeys.HASH_LENGTH;

    /** What feeding bytes came to. */
    enum Progress {
        /** More bytes are needed. */
        MORE,
        /** Through; what remains of the input is the payload stream. */
        DONE,
        /** (Receiver only) the peer spoke the plain BitTorrent handshake: {@link #held()} are its first bytes. */
        PLAINTEXT
    }

    private final byte[] field = new byte[CAPACITY];
    private int have;
    /** Bytes of padding still to skip. */
    private int toSkip;

    Rc4 inbound;
    Rc4 outbound;
    /** How many payload bytes after the handshake are still ciphered inbound (all of them with RC4). */
    long inboundCiphered;
    boolean rc4;

    /** Copies until the field holds {@code length} bytes; true once it does. */
    final boolean fill(ByteBuffer in, int length) {
        int copy = Math.min(length - have, in.remaining());
        in.get(field, have, copy);
        have += copy;
        return have == length;
    }

    /**
     * Reads byte by byte until the last bytes read are {@code pattern}; true once they are. A peer
     * that sends {@code limit} bytes without it broke the handshake.
     */
    final boolean sync(ByteBuffer in, byte[] pattern, int limit, String what) throws MseException {
        while (in.hasRemaining()) {
            field[have++] = in.get();
            if (have >= pattern.length
                    && Arrays.equals(field, have - pattern.length, have, pattern, 0, pattern.length)) {
                return true;
            }
            if (have >= limit) {
                throw new MseException(what + " not found within " + limit + " bytes");
            }
        }
        return false;
    }

    /** The field read so far, from its start. */
    final byte[] field(int length) {
        return Arrays.copyOf(field, length);
    }

    /** The field's bytes as they are (for the plaintext check of the first bytes). */
    final byte[] held() {
        return Arrays.copyOf(field, have);
    }

    final int have() {
        return have;
    }

    final byte fieldByte(int index) {
        return field[index];
    }

    /** The field decrypted in place, then returned as a buffer to read from. */
    final ByteBuffer decryptField(int length) {
        inbound.apply(field, 0, length);
        return ByteBuffer.wrap(field, 0, length);
    }

    final void nextField() {
        have = 0;
    }

    final void skipNext(int length) {
        toSkip = length;
    }

    /** Skips (and deciphers, to keep the keystream in step) padding; true once all of it is gone. */
    final boolean skip(ByteBuffer in) {
        int n = Math.min(toSkip, in.remaining());
        ByteBuffer pad = in.slice(in.position(), n);
        inbound.apply(pad);
        in.position(in.position() + n);
        toSkip -= n;
        return toSkip == 0;
    }

    /** A padding length as sent (unsigned 16 bits), refused beyond 512. */
    static int padLength(ByteBuffer field, String what) throws MseException {
        int length = Short.toUnsignedInt(field.getShort());
        if (length > MseKeys.MAX_PAD) {
            throw new MseException(what + " of " + length + " bytes, more than " + MseKeys.MAX_PAD);
        }
        return length;
    }

    /** After the handshake: the cipher of what comes in (null once nothing more is ciphered). */
    Rc4 inbound() {
        return inbound;
    }

    /** The cipher of what we send during the handshake (the initial payload included). */
    Rc4 handshakeOutbound() {
        return outbound;
    }

    /** After the handshake: the cipher of what goes out, null when plaintext was chosen. */
    Rc4 outbound() {
        return rc4 ? outbound : null;
    }

    long inboundCiphered() {
        return inboundCiphered;
    }

    /** RC4 was chosen for the payload. */
    boolean rc4() {
        return rc4;
    }
}
