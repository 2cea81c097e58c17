package dev.shoal.search.feed.internal;

import dev.shoal.search.api.SearchResult;
import dev.shoal.support.feed.FeedItem;
import dev.shoal.support.feed.FeedReader;
import dev.shoal.support.feed.XmlFetch;
import dev.shoal.support.http.FetchLimits;
import dev.shoal.support.http.Redactor;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The feed's torrents, fetched at most once per refresh period however many searches come: one
 * search fetches while the others wait for it (or for their own cancellation), then all read the
 * same list. A feed is read whole, at most {@value #MAX_ENTRIES} torrents of it.
 */
final class FeedCache {

    static final int MAX_ENTRIES = 10_000;

    private static final long WAIT_SLICE_MILLIS = 50;
    private static final Logger LOG = LoggerFactory.getLogger(FeedCache.class);

    private final FeedSettings settings;
    private final XmlFetch fetch;
    private final Redactor redactor = Redactor.of();
    /** The URL as messages show it: a private tracker's feed carries a passkey. */
    private final String shown;
    private final ReentrantLock fetching = new ReentrantLock();
    /** Guarded by fetching. */
    private List<SearchResult> entries;
    /** Guarded by fetching; System.nanoTime() of the fetch. */
    private long fetchedAt;

    FeedCache(FeedSettings settings, XmlFetch fetch) {
        this.settings = settings;
        this.fetch = fetch;
        this.shown = redactor.uri(settings.url());
    }

    /** The torrents, fetched anew when older than the refresh period. */
    List<SearchResult> entries(FetchLimits limits) throws IOException {
        lock(limits);
        try {
            if (entries != null && System.nanoTime() - fetchedAt < settings.refresh().toNanos()) {
                return entries;
            }
            long started = System.nanoTime();
            Tally tally = fetch.get(settings.url(), limits, redactor, reader -> {
                Tally read = new Tally();
                FeedReader.read(reader, read::take);
                return read;
            });
            entries = tally.entries();
            fetchedAt = started;
            return entries;
        } finally {
            fetching.unlock();
        }
    }

    /** Waits for a fetch under way, giving up when this search is cancelled or interrupted. */
    private void lock(FetchLimits limits) throws InterruptedIOException {
        try {
            while (!fetching.tryLock(WAIT_SLICE_MILLIS, TimeUnit.MILLISECONDS)) {
                if (limits.cancelled().getAsBoolean()) {
                    throw new InterruptedIOException("cancelled while another search fetched " + shown);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while another search fetched " + shown);
        }
    }

    /** What one read of the feed found. */
    private final class Tally {

        private final List<SearchResult> entries = new ArrayList<>();
        private int items;
        private int withoutTorrent;
        private int malformed;
        private String firstProblem;

        boolean take(FeedItem item) {
            items++;
            try {
                SearchResult result = FeedItems.result(item, settings.category());
                if (result == null) {
                    withoutTorrent++;
                } else {
                    entries.add(result);
                }
            } catch (IllegalArgumentException e) {
                malformed++;
                firstProblem = firstProblem == null ? e.getMessage() : firstProblem;
            }
            return entries.size() < MAX_ENTRIES;
        }

        /**
         * The torrents found. A feed with items but no usable torrent fails: it is the wrong URL,
         * or broken, and saying so beats finding nothing forever.
         */
        List<SearchResult> entries() throws IOException {
            if (entries.isEmpty() && malformed > 0) {
                throw new IOException("all " + malformed + " torrents in " + shown + " were malformed, e.g. "
                        + firstProblem);
            }
            if (entries.isEmpty() && withoutTorrent > 0) {
                throw new IOException("none of the " + withoutTorrent + " items in " + shown
                        + " has a torrent or magnet link: is it a feed of torrents?");
            }
            if (malformed > 0) {
                LOG.info("feed {}: {} malformed items skipped, e.g. {}", settings.id(), malformed, firstProblem);
            }
            LOG.debug("feed {}: {} items, {} torrents", settings.id(), items, entries.size());
            return List.copyOf(entries);
        }
    }
}
