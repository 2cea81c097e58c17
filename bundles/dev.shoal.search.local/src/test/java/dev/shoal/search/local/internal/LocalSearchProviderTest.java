package dev.shoal.search.local.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.search.api.SearchCategory;
import dev.shoal.search.api.SearchOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The service as Shoal sees it, and a configuration change taking effect for the next search. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LocalSearchProviderTest {

    @TempDir
    Path temp;

    private static LocalSettings settings(Path folder, int maxFiles) {
        return LocalSettings.of(new String[] {folder.toString()}, true, maxFiles, 10_000);
    }

    @Test
    void describesItself() {
        LocalSearchProvider provider = new LocalSearchProvider(settings(temp, 10));
        assertTrue(Pattern.matches("[a-z0-9._-]+", provider.id()), "an id the shell takes: " + provider.id());
        assertEquals("local", provider.id());
        assertEquals("Torrent files on this computer", provider.name());
        assertTrue(provider.categories().contains(SearchCategory.MOVIES));
        assertTrue(provider.categories().contains(SearchCategory.OTHER));
    }

    @Test
    void aNewConfigurationAppliesToTheNextSearch() throws Exception {
        Path first = Files.createDirectories(temp.resolve("first"));
        Path second = Files.createDirectories(temp.resolve("second"));
        TestTorrents.single(first, "a.torrent", temp.resolve("work"), "alpha.iso", 1000);
        TestTorrents.single(second, "b.torrent", temp.resolve("work"), "beta.iso", 1000);
        LocalSearchProvider provider = new LocalSearchProvider(settings(first, 10));

        TestTorrents.Sink sink = new TestTorrents.Sink();
        provider.search("iso", SearchOptions.defaults(), sink);
        assertEquals(List.of("alpha.iso"), sink.titles());

        LocalSearch before = provider.current();
        provider.apply(settings(second, 10));
        assertNotSame(before, provider.current());
        sink = new TestTorrents.Sink();
        provider.search("iso", SearchOptions.defaults(), sink);
        assertEquals(List.of("beta.iso"), sink.titles());
    }
}
