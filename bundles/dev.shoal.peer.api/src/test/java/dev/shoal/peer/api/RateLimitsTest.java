package dev.shoal.peer.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RateLimitsTest {

    @Test
    void zeroMeansUnlimitedAndNegativeIsRefused() {
        assertEquals(new RateLimits(0, 0), RateLimits.UNLIMITED);
        assertThrows(IllegalArgumentException.class, () -> new RateLimits(-1, 0));
        assertThrows(IllegalArgumentException.class, () -> new RateLimits(0, -1));
    }
}
