package dev.shoal.search.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.shoal.search.api.SearchCategory;
import dev.shoal.search.api.SearchHit;
import dev.shoal.search.api.SearchResult;
import dev.shoal.search.api.SearchSort;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** De-duplication, merging and the orders of the merged list, without threads. */
@Timeout(10)
class MergeTest {

    private static final String HASH_A = "a".repeat(40);
    private static final String HASH_B = "b".repeat(40);

    private static SearchResult.Builder named(String title) {
        return SearchResult.builder(title).torrentUrl(URI.create("http://x.example/" + title + ".torrent"));
    }

    private static List<String> titles(Merge merge) {
        return merge.hits().stream().map(h -> h.result().title()).toList();
    }

    @Test
    void theSameInfoHashIsOneHitWithTheMostSeedersAndTheOthersFields() {
        Merge merge = new Merge(SearchSort.SEEDERS, 100);
        merge.add(named("small").infoHash(HASH_A).seeders(3).size(700).category(SearchCategory.SOFTWARE)
                .published(Instant.parse("2024-01-01T00:00:00Z")).build(), "one");
        merge.add(SearchResult.builder("big").seeders(50).leechers(7)
                .magnet(URI.create("magnet:?xt=urn:btih:" + HASH_A.toUpperCase())).build(), "two");
        merge.add(named("again").infoHash(HASH_A).seeders(1).build(), "one");
        List<SearchHit> hits = merge.hits();
        assertEquals(1, hits.size());
        SearchResult merged = hits.get(0).result();
        assertEquals("big", merged.title());
        assertEquals(50, merged.seeders());
        assertEquals(7, merged.leechers());
        assertEquals(700, merged.size());
        assertEquals(SearchCategory.SOFTWARE, merged.category());
        assertEquals(URI.create("http://x.example/small.torrent"), merged.torrentUrl());
        assertEquals(Instant.parse("2024-01-01T00:00:00Z"), merged.published());
        assertEquals(HASH_A, merged.infoHash());
        assertEquals(List.of("one", "two"), hits.get(0).providers(), "each provider once");
    }

    @Test
    void withoutAnInfoHashTheTorrentUrlOrTheMagnetLinkJoins() {
        Merge merge = new Merge(SearchSort.SEEDERS, 100);
        merge.add(named("url").seeders(1).build(), "one");
        merge.add(named("url").seeders(2).size(5).build(), "two");
        URI magnet = URI.create("magnet:?dn=no-hash&tr=http://t.example/announce");
        merge.add(SearchResult.builder("magnet").magnet(magnet).build(), "one");
        merge.add(SearchResult.builder("magnet").magnet(magnet).size(9).build(), "three");
        assertEquals(List.of("url", "magnet"), titles(merge));
        assertEquals(List.of("one", "three"), merge.hits().get(1).providers());
        assertEquals(5, merge.hits().get(0).result().size());
    }

    @Test
    void aResultJoinsByItsUrlThenLaterOnesJoinByTheHashItBrought() {
        Merge merge = new Merge(SearchSort.SEEDERS, 100);
        merge.add(named("first").build(), "one");
        merge.add(named("first").infoHash(HASH_A).build(), "two");
        merge.add(SearchResult.builder("third").magnet(URI.create("magnet:?xt=urn:btih:" + HASH_A)).build(), "three");
        assertEquals(1, merge.hits().size());
        assertEquals(List.of("one", "three", "two"), merge.hits().get(0).providers());
    }

    @Test
    void twoInfoHashesAreTwoTorrentsEvenAtOneUrl() {
        Merge merge = new Merge(SearchSort.SEEDERS, 100);
        merge.add(named("same-url").infoHash(HASH_A).seeders(2).build(), "one");
        merge.add(named("same-url").infoHash(HASH_B).seeders(1).build(), "two");
        assertEquals(2, merge.hits().size());
        assertEquals(List.of(HASH_A, HASH_B), merge.hits().stream().map(h -> h.result().infoHash()).toList());
    }

    @Test
    void eachOrderWithTiesInArrivalOrderAndUnknownsLast() {
        Merge seeders = new Merge(SearchSort.SEEDERS, 100);
        Merge size = new Merge(SearchSort.SIZE, 100);
        Merge date = new Merge(SearchSort.PUBLISHED, 100);
        Merge title = new Merge(SearchSort.TITLE, 100);
        List<SearchResult> results = List.of(
                named("b-unknown").build(),
                named("C-tie-first").seeders(5).size(10).published(Instant.ofEpochSecond(100)).build(),
                named("a-most").seeders(9).size(30).published(Instant.ofEpochSecond(300)).build(),
                named("c-tie-second").seeders(5).size(10).published(Instant.ofEpochSecond(100)).build(),
                named("d-none").seeders(0).size(0).published(Instant.ofEpochSecond(1)).build());
        for (Merge merge : List.of(seeders, size, date, title)) {
            results.forEach(r -> merge.add(r, "p"));
        }
        List<String> byCount = List.of("a-most", "C-tie-first", "c-tie-second", "d-none", "b-unknown");
        assertEquals(byCount, titles(seeders));
        assertEquals(byCount, titles(size));
        assertEquals(byCount, titles(date));
        assertEquals(List.of("a-most", "b-unknown", "C-tie-first", "c-tie-second", "d-none"), titles(title));
    }

    @Test
    void theListIsCutAtTheLimitAfterSorting() {
        Merge merge = new Merge(SearchSort.SEEDERS, 3);
        for (int i = 0; i < 10; i++) {
            merge.add(named("r" + i).seeders(i).build(), "p");
        }
        assertEquals(List.of("r9", "r8", "r7"), titles(merge));
        merge.add(named("r100").seeders(100).build(), "p");
        assertEquals(List.of("r100", "r9", "r8"), titles(merge), "a new best one shows");
    }
}
