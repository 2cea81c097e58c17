package dev.shoal.search.torznab.internal;

import dev.shoal.search.api.SearchCategory;
import dev.shoal.search.api.SearchResult;
import dev.shoal.support.feed.Dates;
import dev.shoal.support.feed.FeedItem;
import dev.shoal.support.feed.FeedLink;
import dev.shoal.support.feed.FeedNumbers;
import dev.shoal.support.http.HttpFetcher;
import dev.shoal.support.http.Links;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A Torznab {@code <item>} as a {@link SearchResult}. The torrent is the enclosure's URL, else
 * {@code <link>}; many indexes put a magnet link there, which becomes the magnet. Counts come
 * from {@code torznab:attr}s, where {@code peers} counts seeders too.
 */
final class TorznabItems {

    private TorznabItems() {
    }

    /** @throws IllegalArgumentException when the item makes no valid result */
    static SearchResult result(FeedItem item) {
        if (item.title() == null || item.title().isBlank()) {
            throw new IllegalArgumentException("an item without a title");
        }
        URI magnet = null;
        URI torrent = null;
        for (String candidate : torrentLinks(item)) {
            URI uri = Links.parse(candidate);
            if (Links.isMagnet(uri)) {
                magnet = magnet == null ? uri : magnet;
            } else if (uri != null && HttpFetcher.isHttp(uri)) {
                torrent = torrent == null ? uri : torrent;
            }
        }
        URI magnetAttr = Links.parse(item.attr("magneturl"));
        if (Links.isMagnet(magnetAttr)) {
            magnet = magnetAttr;
        }
        int seeders = FeedNumbers.intCount(item.attr("seeders"));
        int peers = FeedNumbers.intCount(item.attr("peers"));
        int leechers = FeedNumbers.intCount(item.attr("leechers"));
        if (leechers < 0 && peers >= 0 && seeders >= 0) {
            leechers = Math.max(0, peers - seeders);
        }
        return SearchResult.builder(item.title())
                .category(category(item))
                .size(size(item))
                .seeders(seeders)
                .leechers(leechers)
                .infoHash(blankToNull(item.attr("infohash")))
                .magnet(magnet)
                .torrentUrl(torrent)
                .detailsUrl(details(item, torrent))
                .published(published(item))
                .build();
    }

    /** The enclosures typed as torrents, then the other enclosures, then {@code <link>}. */
    private static List<String> torrentLinks(FeedItem item) {
        List<String> links = new ArrayList<>();
        for (FeedLink link : item.links()) {
            if (link.isEnclosure() && link.isTorrentType()) {
                links.add(link.href());
            }
        }
        for (FeedLink link : item.links()) {
            if (link.isEnclosure() && !link.isTorrentType()) {
                links.add(link.href());
            }
        }
        links.add(item.link());
        return links;
    }

    /** {@code <size>}, else the enclosure's length (Jackett writes the content's there), else the attr. */
    private static long size(FeedItem item) {
        long size = FeedNumbers.count(item.extension("size"));
        for (FeedLink link : item.links()) {
            if (size < 0 && link.isEnclosure()) {
                size = link.length();
            }
        }
        return size >= 0 ? size : FeedNumbers.count(item.attr("size"));
    }

    /** The first standard category among the attrs, then among the {@code <category>} elements. */
    private static SearchCategory category(FeedItem item) {
        List<String> numbers = new ArrayList<>(item.attrs("category"));
        numbers.addAll(item.categories());
        for (String number : numbers) {
            int id = FeedNumbers.intCount(number);
            if (TorznabCategories.standard(id)) {
                return TorznabCategories.of(id);
            }
        }
        return SearchCategory.OTHER;
    }

    /** {@code <comments>}, else a guid that is a web page (and not the torrent itself). */
    private static URI details(FeedItem item, URI torrent) {
        URI comments = Links.parse(item.comments());
        if (comments != null && HttpFetcher.isHttp(comments)) {
            return comments;
        }
        URI guid = Links.parse(item.guid());
        return guid != null && HttpFetcher.isHttp(guid) && !guid.equals(torrent) ? guid : null;
    }

    private static Instant published(FeedItem item) {
        Instant date = item.date();
        return date != null ? date : Dates.parse(item.attr("publishdate"));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
