package dev.shoal.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HandoverTest {

    @TempDir
    Path dataDir;

    @Test
    void aRelativePathIsTheCallers() {
        Path cwd = Path.of("/home/ann/torrents");
        assertEquals("shoal:add '/home/ann/torrents/a.torrent' -d /srv",
                Handover.addLine("a.torrent", List.of("-d", "/srv"), cwd));
        assertEquals("shoal:add '/home/ann/b.torrent'", Handover.addLine("../b.torrent", List.of(), cwd));
        assertEquals("shoal:add '/home/ann/torrents/my file.torrent'", Handover.addLine("my file.torrent", List.of(), cwd));
    }

    @Test
    void urlsPassAsTheyAreQuotedSoGogoReadsNoSyntaxInThem() {
        Path cwd = Path.of("/x");
        assertEquals("shoal:add 'https://example.org/a.torrent?x=1&y=$z'",
                Handover.addLine("https://example.org/a.torrent?x=1&y=$z", List.of(), cwd));
        assertEquals("shoal:add 'magnet:?xt=urn:btih:abc'", Handover.addLine("magnet:?xt=urn:btih:abc", List.of(), cwd));
    }

    @Test
    void withNoShoalRunningNothingIsHandedOver() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream stream = new PrintStream(bytes, true);
        assertTrue(Handover.run(dataDir, "shoal:add /x.torrent", stream, stream).isEmpty());
        assertEquals(0, bytes.size());
    }
}
