package dev.shoal.search.internal;

import dev.shoal.search.api.SearchCategory;
import dev.shoal.search.api.SearchHit;
import dev.shoal.search.api.SearchResult;
import dev.shoal.search.api.SearchSort;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The merged hits of one search. A result joins the hit it shares its info-hash, its torrent URL
 * or its magnet link with (first match in that order; two different info-hashes never join); the
 * merged result is the one with the most seeders, with what it leaves out taken from the other.
 * Adding is a few hash look-ups; sorting waits until someone asks for the hits. Not thread-safe:
 * the search guards it. Holds at most what its providers were allowed to deliver (their limits).
 */
final class Merge {

    private static final class Entry {
        SearchResult result;
        /** Sorted, so a hit reads the same whichever provider answered first. */
        final Set<String> providers = new TreeSet<>();

        Entry(SearchResult result) {
            this.result = result;
        }
    }

    private final SearchSort sort;
    private final int limit;
    /** In the order they first arrived: the sort is stable, so ties keep it. */
    private final List<Entry> entries = new ArrayList<>();
    private final Map<String, Entry> byKey = new HashMap<>();
    /** The sorted, cut hits, until the next change. */
    private List<SearchHit> hits = List.of();
    private boolean changed;

    Merge(SearchSort sort, int limit) {
        this.sort = sort;
        this.limit = limit;
    }

    void add(SearchResult result, String providerId) {
        Entry entry = find(result);
        if (entry == null) {
            entry = new Entry(result);
            entries.add(entry);
        } else {
            entry.result = merge(entry.result, result);
        }
        entry.providers.add(providerId);
        for (String key : keys(entry.result)) {
            byKey.putIfAbsent(key, entry);
        }
        changed = true;
    }

    /** The best {@code limit} hits in the search's order. */
    List<SearchHit> hits() {
        if (changed) {
            List<Entry> sorted = new ArrayList<>(entries);
            sorted.sort(Comparator.comparing(e -> e.result, order(sort)));
            hits = sorted.stream().limit(limit).map(e -> new SearchHit(e.result, List.copyOf(e.providers))).toList();
            changed = false;
        }
        return hits;
    }

    private Entry find(SearchResult result) {
        for (String key : keys(result)) {
            Entry entry = byKey.get(key);
            if (entry != null && (entry.result.infoHash() == null || result.infoHash() == null
                    || entry.result.infoHash().equals(result.infoHash()))) {
                return entry;
            }
        }
        return null;
    }

    private static List<String> keys(SearchResult result) {
        List<String> keys = new ArrayList<>(3);
        if (result.infoHash() != null) {
            keys.add("hash:" + result.infoHash());
        }
        if (result.torrentUrl() != null) {
            keys.add("url:" + result.torrentUrl());
        }
        if (result.magnet() != null) {
            keys.add("magnet:" + result.magnet());
        }
        return keys;
    }

    /** The one with more seeders (the first on a tie), with the other's fields where it has none. */
    static SearchResult merge(SearchResult first, SearchResult second) {
        SearchResult a = second.seeders() > first.seeders() ? second : first;
        SearchResult b = a == first ? second : first;
        return new SearchResult(a.title(), a.category() != SearchCategory.OTHER ? a.category() : b.category(),
                a.size() >= 0 ? a.size() : b.size(), a.seeders(), a.leechers() >= 0 ? a.leechers() : b.leechers(),
                either(a.infoHash(), b.infoHash()), either(a.magnet(), b.magnet()),
                either(a.torrentUrl(), b.torrentUrl()), either(a.detailsUrl(), b.detailsUrl()),
                either(a.published(), b.published()));
    }

    private static <T> T either(T preferred, T other) {
        return preferred != null ? preferred : other;
    }

    /** {@link SearchSort}'s orders; unknown counts (-1) and missing dates come last. */
    static Comparator<SearchResult> order(SearchSort sort) {
        return switch (sort) {
            case SEEDERS -> Comparator.comparingInt(SearchResult::seeders).reversed();
            case SIZE -> Comparator.comparingLong(SearchResult::size).reversed();
            case PUBLISHED -> Comparator.comparing(SearchResult::published,
                    Comparator.nullsLast(Comparator.reverseOrder()));
            case TITLE -> Comparator.comparing(SearchResult::title, String.CASE_INSENSITIVE_ORDER);
        };
    }
}
