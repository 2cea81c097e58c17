package dev.shoal.peer.internal.mse;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * The arithmetic of MSE: the 768-bit Diffie-Hellman group, the SHA-1 hashes that name the secret
 * and the torrent, and the RC4 keys. No state; a {@link KeyPair} is one side's half of an exchange.
 */
final class MseKeys {

    /** The spec's 768-bit safe prime. */
    static final BigInteger P = new BigInteger("FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74"
            + "020BBEA63B139B22514A08798E3404DDEF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B57662"
            + "5E7EC6F44C42E9A63A36210000000000090563", 16);
    static final BigInteger G = BigInteger.TWO;
    /** A public key (Ya, Yb) and the shared secret S are this long on the wire. */
    static final int KEY_LENGTH = 96;
    /** Private keys of 160 bits: what the spec asks, and what keeps modPow cheap. */
    static final int PRIVATE_BITS = 160;
    static final int HASH_LENGTH = 20;
    /** The verification constant, eight zero bytes. */
    static final int VC_LENGTH = 8;
    static final int MAX_PAD = 512;
    static final int CRYPTO_PLAINTEXT = 0x01;
    static final int CRYPTO_RC4 = 0x02;

    private static final BigInteger P_MINUS_ONE = P.subtract(BigInteger.ONE);

    private MseKeys() {
    }

    /** One side's Diffie-Hellman keys. */
    record KeyPair(BigInteger privateKey, byte[] publicKey) {

        static KeyPair generate(SecureRandom random) {
            BigInteger x;
            do {
                x = new BigInteger(PRIVATE_BITS, random);
            } while (x.signum() == 0);
            return new KeyPair(x, toWire(G.modPow(x, P)));
        }

        /** S from the other side's public key; refuses the degenerate ones (0, 1, P-1 and beyond). */
        byte[] secret(byte[] theirs) throws MseException {
            BigInteger y = new BigInteger(1, theirs);
            if (y.compareTo(BigInteger.ONE) <= 0 || y.compareTo(P_MINUS_ONE) >= 0) {
                throw new MseException("degenerate Diffie-Hellman key");
            }
            return toWire(y.modPow(privateKey, P));
        }
    }

    /** Big-endian, left-padded to {@link #KEY_LENGTH}. */
    static byte[] toWire(BigInteger value) {
        byte[] raw = value.toByteArray();
        if (raw.length == KEY_LENGTH) {
            return raw;
        }
        byte[] wire = new byte[KEY_LENGTH];
        int copy = Math.min(raw.length, KEY_LENGTH);
        System.arraycopy(raw, raw.length - copy, wire, KEY_LENGTH - copy, copy);
        return wire;
    }

    /** SHA1(label | parts...). */
    static byte[] hash(String label, byte[]... parts) {
        MessageDigest sha1 = sha1();
        sha1.update(label.getBytes(StandardCharsets.US_ASCII));
        for (byte[] part : parts) {
            sha1.update(part);
        }
        return sha1.digest();
    }

    /** HASH('req2', SKEY) xor HASH('req3', S): names the torrent without showing its info-hash. */
    static byte[] req23(byte[] skey, byte[] secret) {
        return xor(hash("req2", skey), hash("req3", secret));
    }

    static byte[] xor(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length);
        for (int i = 0; i < out.length; i++) {
            out[i] ^= b[i];
        }
        return out;
    }

    /** The initiator's sending key (A to B); B decrypts with it. */
    static Rc4 keyA(byte[] secret, byte[] skey) {
        return new Rc4(hash("keyA", secret, skey));
    }

    /** The receiver's sending key (B to A). */
    static Rc4 keyB(byte[] secret, byte[] skey) {
        return new Rc4(hash("keyB", secret, skey));
    }

    /** 0..512 random bytes of padding. */
    static byte[] pad(SecureRandom random) {
        byte[] pad = new byte[random.nextInt(MAX_PAD + 1)];
        random.nextBytes(pad);
        return pad;
    }

    private static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-1", e);
        }
    }
}
