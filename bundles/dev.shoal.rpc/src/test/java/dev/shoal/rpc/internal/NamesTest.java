package dev.shoal.rpc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The three spellings of Transmission's names meet in one key. */
class NamesTest {

    @Test
    void historicAndSnakeSpellingsShareAKey() {
        assertEquals(Names.key("download-dir"), Names.key("download_dir"));
        assertEquals(Names.key("hashString"), Names.key("hash_string"));
        assertEquals(Names.key("torrent-get"), Names.key("torrent_get"));
        assertEquals(Names.key("seedRatioLimit"), Names.key("seed_ratio_limit"));
    }

    @Test
    void snakeSpellingOfHistoricNames() {
        assertEquals("seed_ratio_limit", Names.snake("seedRatioLimit"));
        assertEquals("rpc_version", Names.snake("rpc-version"));
        assertEquals("current_stats", Names.snake("current-stats"));
        assertTrue(Names.isSnake("session_get"));
        assertFalse(Names.isSnake("session-get"));
    }
}
