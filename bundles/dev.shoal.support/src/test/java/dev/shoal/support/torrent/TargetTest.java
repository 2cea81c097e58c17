package dev.shoal.support.torrent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TargetTest {

    @Test
    void namesWhatTextIs() {
        assertEquals(Target.MAGNET, Target.of("magnet:?xt=urn:btih:00"));
        assertEquals(Target.HTTP, Target.of(" HTTPS://example.org/a.torrent"));
        assertEquals(Target.FILE_URI, Target.of("file:///tmp/a.torrent"));
        assertEquals(Target.OTHER_URL, Target.of("ftp://example.org/a.torrent"));
        assertEquals(Target.PATH, Target.of("/tmp/a.torrent"));
        assertEquals(Target.PATH, Target.of("relative/a.torrent"));
        assertEquals(Target.PATH, Target.of("C:\\Users\\a.torrent"));
    }
}
