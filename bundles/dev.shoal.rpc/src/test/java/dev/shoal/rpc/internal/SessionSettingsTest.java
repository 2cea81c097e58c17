package dev.shoal.rpc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Speeds: Transmission's kB/s (1000 bytes) kept in the engine's KiB/s, read back as given. */
class SessionSettingsTest {

    @Test
    void a_speed_in_kb_is_kept_in_the_nearest_kib_and_read_back() {
        assertEquals(2930, SessionSettings.kept(SessionSettings.Scale.SPEED, 3000));
        assertEquals(98, SessionSettings.kept(SessionSettings.Scale.SPEED, 100));
        assertEquals(1, SessionSettings.kept(SessionSettings.Scale.SPEED, 1), "never 0, Shoal's 'none'");
        for (long kb : new long[] {1, 40, 50, 100, 500, 3000, 123_457}) {
            assertEquals(kb, SessionSettings.shown(SessionSettings.Scale.SPEED,
                    SessionSettings.kept(SessionSettings.Scale.SPEED, kb)), kb + " kB/s");
        }
        assertEquals(45, SessionSettings.kept(SessionSettings.Scale.PLAIN, 45));
        assertEquals(45, SessionSettings.shown(SessionSettings.Scale.PLAIN, 45));
    }
}
