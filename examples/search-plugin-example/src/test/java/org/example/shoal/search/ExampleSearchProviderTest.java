package org.example.shoal.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.search.api.ResultSink;
import dev.shoal.search.api.SearchOptions;
import dev.shoal.search.api.SearchResult;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The provider on its own, as Shoal would call it: no OSGi needed to test a provider's logic. */
class ExampleSearchProviderTest {

    @TempDir
    Path temp;

    /** Keeps what it is offered; turns cancelled after {@code cancelAfter} results, as a user's cancel would. */
    private static final class Sink implements ResultSink {
        final List<SearchResult> results = new ArrayList<>();
        private final int cancelAfter;

        Sink(int cancelAfter) {
            this.cancelAfter = cancelAfter;
        }

        @Override
        public boolean offer(SearchResult result) {
            results.add(result);
            return true;
        }

        @Override
        public boolean cancelled() {
            return results.size() >= cancelAfter;
        }

        List<String> titles() {
            return results.stream().map(SearchResult::title).toList();
        }
    }

    private static List<String> search(ExampleSearchProvider provider, String query, SearchOptions options)
            throws IOException {
        Sink sink = new Sink(Integer.MAX_VALUE);
        provider.search(query, options, sink);
        return sink.titles();
    }

    @Test
    void everyWordOfTheQueryMustBeInTheName() throws IOException {
        ExampleSearchProvider provider = new ExampleSearchProvider("");
        assertEquals(List.of("debian-12.5.0-amd64-netinst.iso", "debian-11.9.0-amd64-netinst.iso"),
                search(provider, "Debian NETINST", SearchOptions.defaults()));
        assertEquals(List.of("debian-12.5.0-amd64-DVD-1.iso"), search(provider, "dvd debian", SearchOptions.defaults()));
        assertEquals(List.of(), search(provider, "debian fedora", SearchOptions.defaults()));
    }

    @Test
    void atMostTheLimitAndNothingOnceCancelled() throws IOException {
        ExampleSearchProvider provider = new ExampleSearchProvider("");
        assertEquals(2, search(provider, "amd64", SearchOptions.defaults().withLimit(2)).size());

        Sink sink = new Sink(1);
        provider.search("amd64", SearchOptions.defaults(), sink);
        assertEquals(1, sink.results.size(), "stops at the first check after the cancel");
    }

    @Test
    void theBuiltInCatalogIsValid() throws IOException {
        List<SearchResult> all = new ArrayList<>();
        new ExampleSearchProvider("").search("", SearchOptions.defaults(), new ResultSink() {
            @Override
            public boolean offer(SearchResult result) {
                return all.add(result);
            }

            @Override
            public boolean cancelled() {
                return false;
            }
        });
        assertTrue(all.size() >= 5, "entries: " + all.size());
        assertTrue(all.stream().allMatch(r -> r.torrentUrl().getScheme().equals("https")));
    }

    @Test
    void anExtraCatalogAddsReleases() throws IOException {
        Path extra = temp.resolve("mine.tsv");
        Files.writeString(extra, "# mine\n\nmy-distro-1.0.iso\t123456\thttps://example.org/my-distro-1.0.iso.torrent\t"
                + "0123456789ABCDEF0123456789abcdef01234567\n");
        Sink sink = new Sink(Integer.MAX_VALUE);
        new ExampleSearchProvider(extra.toString()).search("my-distro", SearchOptions.defaults(), sink);
        SearchResult mine = sink.results.get(0);
        assertEquals(123456, mine.size());
        assertEquals(URI.create("https://example.org/my-distro-1.0.iso.torrent"), mine.torrentUrl());
        assertEquals("0123456789abcdef0123456789abcdef01234567", mine.infoHash());
        assertEquals(-1, mine.seeders(), "unknown");
    }

    @Test
    void aBadExtraCatalogFailsEachSearchWithItsLineNumber() throws IOException {
        Path extra = temp.resolve("bad.tsv");
        Files.writeString(extra, "good.iso\t-\thttps://example.org/good.torrent\t-\nbad.iso\t-\tftp://example.org/x\t-\n");
        ExampleSearchProvider provider = new ExampleSearchProvider(extra.toString());
        IOException failure = assertThrows(IOException.class, () -> search(provider, "iso", SearchOptions.defaults()));
        assertTrue(failure.getMessage().contains("bad.tsv line 2"), failure.getMessage());

        IOException missing = assertThrows(IOException.class,
                () -> search(new ExampleSearchProvider(temp.resolve("none.tsv").toString()), "iso",
                        SearchOptions.defaults()));
        assertTrue(missing.getMessage().contains("none.tsv"), missing.getMessage());
    }
}
