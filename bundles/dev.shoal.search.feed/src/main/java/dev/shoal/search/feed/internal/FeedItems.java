package dev.shoal.search.feed.internal;

import dev.shoal.search.api.SearchCategory;
import dev.shoal.search.api.SearchResult;
import dev.shoal.support.feed.FeedItem;
import dev.shoal.support.feed.FeedLink;
import dev.shoal.support.feed.FeedNumbers;
import dev.shoal.support.http.HttpFetcher;
import dev.shoal.support.http.Links;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * A feed's item as a {@link SearchResult}, when it has a torrent: an enclosure or link typed
 * {@code application/x-bittorrent} or whose path ends in {@code .torrent}, a {@code .torrent}
 * {@code <link>}, or a magnet link anywhere (links, guid, ezRSS {@code magnetURI}). Counts and
 * sizes come from the ezRSS ({@code torrent:seeds}, {@code peers}, {@code contentLength},
 * {@code infoHash}) and nyaa ({@code nyaa:seeders}, {@code leechers}, {@code size},
 * {@code infoHash}) elements. A feed's enclosure length is the torrent file's, never the content's.
 */
final class FeedItems {

    private FeedItems() {
    }

    /**
     * The result, or {@code null} when the item has no torrent.
     *
     * @throws IllegalArgumentException when it has one but makes no valid result
     */
    static SearchResult result(FeedItem item, SearchCategory category) {
        URI torrent = torrent(item);
        URI magnet = magnet(item);
        if (torrent == null && magnet == null) {
            return null;
        }
        if (item.title() == null || item.title().isBlank()) {
            throw new IllegalArgumentException("an item without a title");
        }
        long size = FeedNumbers.count(item.extension("contentLength"));
        if (size < 0) {
            size = FeedNumbers.size(item.extension("size"));
        }
        return SearchResult.builder(item.title())
                .category(category)
                .size(size)
                .seeders(FeedNumbers.intCount(item.extension("seeders", "seeds")))
                // ezRSS's peers are the leechers: KAT and EZTV wrote fewer seeds than peers as often as more.
                .leechers(FeedNumbers.intCount(item.extension("leechers", "peers")))
                .infoHash(item.extension("infoHash"))
                .magnet(magnet)
                .torrentUrl(torrent)
                .detailsUrl(details(item, torrent))
                .published(item.date())
                .build();
    }

    /** The first http(s) link that is a torrent file, by its type or its name. */
    private static URI torrent(FeedItem item) {
        List<URI> candidates = new ArrayList<>();
        for (FeedLink link : item.links()) {
            URI uri = link.uri();
            if (HttpFetcher.isHttp(uri) && (link.isTorrentType() || link.isEnclosure() && Links.pathEndsWithTorrent(uri))) {
                candidates.add(uri);
            }
        }
        URI link = Links.parse(item.link());
        if (link != null && HttpFetcher.isHttp(link) && Links.pathEndsWithTorrent(link)) {
            candidates.add(link);
        }
        return candidates.isEmpty() ? null : candidates.get(0);
    }

    private static URI magnet(FeedItem item) {
        List<String> candidates = new ArrayList<>();
        candidates.add(item.extension("magnetURI"));
        item.links().forEach(link -> candidates.add(link.href()));
        candidates.add(item.link());
        candidates.add(item.guid());
        for (String candidate : candidates) {
            URI uri = Links.parse(candidate);
            if (Links.isMagnet(uri)) {
                return uri;
            }
        }
        return null;
    }

    /** A web page about the item: RSS link, permalink guid, Atom alternate link or comments, never the torrent. */
    private static URI details(FeedItem item, URI torrent) {
        List<String> candidates = new ArrayList<>();
        candidates.add(item.link());
        if (item.guidIsPermaLink()) {
            candidates.add(item.guid());
        }
        item.links().stream().filter(link -> link.rel().equals("alternate") && !link.isTorrentType())
                .forEach(link -> candidates.add(link.href()));
        candidates.add(item.comments());
        for (String candidate : candidates) {
            URI uri = Links.parse(candidate);
            if (HttpFetcher.isHttp(uri) && !uri.equals(torrent) && !Links.pathEndsWithTorrent(uri)) {
                return uri;
            }
        }
        return null;
    }
}
