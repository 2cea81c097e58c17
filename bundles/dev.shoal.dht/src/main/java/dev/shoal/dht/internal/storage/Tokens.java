package dev.shoal.dht.internal.storage;

import java.net.InetAddress;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Random;

/**
 * get_peers tokens (BEP 5): a hash of the querier's IP and a secret that changes every 5 minutes;
 * a token made with the previous secret is still good, so a token lives 5 to 10 minutes. Nothing is
 * stored per querier. Rotation happens lazily on use, from the caller's clock. Not thread-safe.
 */
public final class Tokens {

    public static final long ROTATE_MILLIS = 5 * 60_000L;
    static final int LENGTH = 8;

    private final Random random;
    private byte[] current;
    private byte[] previous;
    private long rotatedAt;

    public Tokens(Random random, long now) {
        this.random = random;
        this.current = secret();
        this.previous = secret();
        this.rotatedAt = now;
    }

    public byte[] issue(InetAddress querier, long now) {
        rotate(now);
        return token(current, querier);
    }

    public boolean valid(byte[] token, InetAddress querier, long now) {
        rotate(now);
        return token != null && (MessageDigest.isEqual(token, token(current, querier))
                || MessageDigest.isEqual(token, token(previous, querier)));
    }

    private void rotate(long now) {
        long elapsed = now - rotatedAt;
        if (elapsed >= 2 * ROTATE_MILLIS) {
            previous = secret(); // both secrets are stale: nothing issued before is valid now
            current = secret();
            rotatedAt = now;
        } else if (elapsed >= ROTATE_MILLIS) {
            previous = current;
            current = secret();
            rotatedAt += ROTATE_MILLIS;
        }
    }

    private byte[] secret() {
        byte[] s = new byte[16];
        random.nextBytes(s);
        return s;
    }

    private static byte[] token(byte[] secret, InetAddress querier) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(secret);
            sha1.update(querier.getAddress());
            return Arrays.copyOf(sha1.digest(), LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }
}
