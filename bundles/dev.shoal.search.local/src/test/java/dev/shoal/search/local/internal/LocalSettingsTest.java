package dev.shoal.search.local.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The configuration's values, checked: what is kept, expanded, clamped and left out. */
class LocalSettingsTest {

    private static final Path HOME = Path.of(System.getProperty("user.home"));

    @Test
    void foldersAreAbsoluteDistinctAndBlankOrImpossibleOnesLeftOut() {
        LocalSettings settings = LocalSettings.of(new String[] {" /srv/torrents ", "", "  ", null, "/srv/torrents/",
                "/srv/./torrents", "bad\0path", "relative/dir"}, true, 10, 10_000);
        List<Path> folders = settings.folders();
        assertEquals(2, folders.size(), folders.toString());
        assertEquals(Path.of("/srv/torrents"), folders.get(0));
        assertTrue(folders.get(1).isAbsolute() && folders.get(1).endsWith("relative/dir"), folders.toString());
    }

    @Test
    void aLeadingTildeIsTheHomeFolder() {
        assertEquals(List.of(HOME, HOME.resolve("torrents"), Path.of("/x/~/y")),
                LocalSettings.of(new String[] {"~", "~/torrents", "/x/~/y"}, true, 10, 10_000).folders());
    }

    @Test
    void noFoldersAtAll() {
        assertEquals(List.of(), LocalSettings.of(null, true, 10, 10_000).folders());
        assertEquals(List.of(), LocalSettings.of(new String[0], false, 10, 10_000).folders());
    }

    @Test
    void boundsAreClampedIntoTheirRanges() {
        LocalSettings low = LocalSettings.of(new String[0], true, 0, 5);
        assertEquals(LocalSettings.MIN_FILES, low.maxFiles());
        assertEquals(LocalSettings.MIN_TORRENT_BYTES, low.maxTorrentBytes());
        LocalSettings high = LocalSettings.of(new String[0], false, Integer.MAX_VALUE, Integer.MAX_VALUE);
        assertEquals(LocalSettings.MAX_FILES, high.maxFiles());
        assertEquals(LocalSettings.MAX_TORRENT_BYTES, high.maxTorrentBytes());
        assertEquals(false, high.recursive());
    }
}
