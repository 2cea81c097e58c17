package dev.shoal.ui.swt.internal.adding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TargetTest {

    @Test
    void namesWhatTextIs() {
        assertEquals(Target.MAGNET, Target.of("magnet:?xt=urn:btih:00"));
        assertEquals(Target.HTTP, Target.of(" HTTPS://example.org/a.torrent"));
        assertEquals(Target.FILE_URI, Target.of("file:///tmp/a.torrent"));
        assertEquals(Target.OTHER_URL, Target.of("ftp://example.org/a.torrent"));
        assertEquals(Target.PATH, Target.of("/tmp/a.torrent"));
        assertEquals(Target.PATH, Target.of("C:\\Users\\a.torrent"));
    }

    @Test
    void droppedTextKeepsLinksAndAbsolutePathsOnly() {
        String text = "# a uri-list comment\r\nfile:///tmp/a.torrent\n\n  magnet:?xt=urn:btih:00  \nhello world\n"
                + "relative/b.torrent\n/tmp/c.torrent\nhttp://example.org/d.torrent\nftp://example.org/e\n";
        assertEquals(List.of("file:///tmp/a.torrent", "magnet:?xt=urn:btih:00", "/tmp/c.torrent",
                "http://example.org/d.torrent"), Target.lines(text, 100));
        assertEquals(List.of("file:///tmp/a.torrent", "magnet:?xt=urn:btih:00"), Target.lines(text, 2));
        assertEquals(List.of(), Target.lines(null, 10));
    }

    @Test
    void theLinkDialogIsPrefilledWithOneLinkOnly() {
        assertEquals("http://example.org/a.torrent", Target.link(" http://example.org/a.torrent\n"));
        assertEquals("magnet:?xt=urn:btih:00", Target.link("magnet:?xt=urn:btih:00"));
        assertEquals("", Target.link("/tmp/a.torrent"));
        assertEquals("", Target.link("http://a/x\nhttp://b/y"));
        assertEquals("", Target.link(null));
    }
}
