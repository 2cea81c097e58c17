package dev.shoal.ui.swt.internal.adding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class DroppedTextTest {

    @Test
    void droppedTextKeepsLinksAndAbsolutePathsOnly() {
        String text = "# a uri-list comment\r\nfile:///tmp/a.torrent\n\n  magnet:?xt=urn:btih:00  \nhello world\n"
                + "relative/b.torrent\n/tmp/c.torrent\nhttp://example.org/d.torrent\nftp://example.org/e\n";
        assertEquals(List.of("file:///tmp/a.torrent", "magnet:?xt=urn:btih:00", "/tmp/c.torrent",
                "http://example.org/d.torrent"), DroppedText.lines(text, 100));
        assertEquals(List.of("file:///tmp/a.torrent", "magnet:?xt=urn:btih:00"), DroppedText.lines(text, 2));
        assertEquals(List.of(), DroppedText.lines(null, 10));
    }

    @Test
    void theLinkDialogIsPrefilledWithOneLinkOnly() {
        assertEquals("http://example.org/a.torrent", DroppedText.link(" http://example.org/a.torrent\n"));
        assertEquals("magnet:?xt=urn:btih:00", DroppedText.link("magnet:?xt=urn:btih:00"));
        assertEquals("", DroppedText.link("/tmp/a.torrent"));
        assertEquals("", DroppedText.link("http://a/x\nhttp://b/y"));
        assertEquals("", DroppedText.link(null));
    }
}
