package dev.shoal.dht.internal.storage;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TokensTest {

    private static final long MINUTE = 60_000;

    @Test
    void aTokenLivesOneToTwoRotationsAndOnlyForItsIp() throws Exception {
        Tokens tokens = new Tokens(new Random(3), 0);
        InetAddress a = InetAddress.getByName("1.2.3.4");
        InetAddress b = InetAddress.getByName("1.2.3.5");
        byte[] t = tokens.issue(a, 0);
        assertTrue(tokens.valid(t, a, 4 * MINUTE));
        assertFalse(tokens.valid(t, b, 4 * MINUTE), "another IP");
        assertTrue(tokens.valid(t, a, 9 * MINUTE), "the previous secret is still accepted");
        assertFalse(tokens.valid(t, a, 10 * MINUTE), "two rotations later it has expired");
        byte[] late = tokens.issue(a, 10 * MINUTE);
        assertFalse(tokens.valid(late, a, 25 * MINUTE), "a long silence expires everything at once");
        assertFalse(tokens.valid(null, a, 25 * MINUTE));
    }
}
