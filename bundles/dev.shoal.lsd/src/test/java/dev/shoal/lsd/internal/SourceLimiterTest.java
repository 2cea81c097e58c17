package dev.shoal.lsd.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

class SourceLimiterTest {

    private static final long SECOND = 1_000_000_000L;

    private static InetAddress address(int i) throws UnknownHostException {
        return InetAddress.getByAddress(new byte[] {10, 0, (byte) (i >> 8), (byte) i});
    }

    @Test
    void aSourceGetsItsBurstThenOneAnnouncePerRefill() throws Exception {
        SourceLimiter limiter = new SourceLimiter(3, 6 * SECOND, 16, 0);
        InetAddress a = address(1);
        assertTrue(limiter.allow(a, 0));
        assertTrue(limiter.allow(a, 0));
        assertTrue(limiter.allow(a, 0));
        assertFalse(limiter.allow(a, 0), "the burst is spent");
        assertFalse(limiter.allow(a, 5 * SECOND), "not refilled yet");
        assertTrue(limiter.allow(a, 6 * SECOND), "one token back after 6 s");
        assertFalse(limiter.allow(a, 6 * SECOND));
        assertTrue(limiter.allow(address(2), 6 * SECOND), "another source has its own bucket");
        for (int i = 0; i < 3; i++) {
            assertTrue(limiter.allow(a, 600 * SECOND), "refilled to the burst, never beyond");
        }
        assertFalse(limiter.allow(a, 600 * SECOND));
    }

    @Test
    void manySourcesShareOneBucketOnceTheTableIsFull() throws Exception {
        SourceLimiter limiter = new SourceLimiter(2, 6 * SECOND, 4, 0);
        for (int i = 0; i < 4; i++) {
            assertTrue(limiter.allow(address(i), 0));
        }
        assertEquals(4, limiter.tracked());
        // Every further address, however many, draws from the one overflow bucket of 2.
        int allowed = 0;
        for (int i = 4; i < 10_000; i++) {
            allowed += limiter.allow(address(i), 0) ? 1 : 0;
        }
        assertEquals(2, allowed);
        assertEquals(4, limiter.tracked(), "the table never grows past its bound");
        // Once the tracked ones are idle long enough to be full again, a newcomer takes a place.
        assertTrue(limiter.allow(address(20_000), 60 * SECOND));
        assertEquals(1, limiter.tracked());
    }
}
