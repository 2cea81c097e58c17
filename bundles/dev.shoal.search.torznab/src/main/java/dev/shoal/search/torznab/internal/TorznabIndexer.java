package dev.shoal.search.torznab.internal;

import dev.shoal.search.api.ResultSink;
import dev.shoal.search.api.SearchCategory;
import dev.shoal.search.api.SearchOptions;
import dev.shoal.search.api.SearchResult;
import dev.shoal.support.feed.FeedItem;
import dev.shoal.support.feed.FeedReader;
import dev.shoal.support.feed.XmlFetch;
import dev.shoal.support.http.FetchLimits;
import dev.shoal.support.http.FetchTimeoutException;
import dev.shoal.support.http.Redactor;
import dev.shoal.support.search.ProviderSettings;
import dev.shoal.support.search.SearchFailures;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Searches one Torznab index: asks {@code t=caps} once for its categories and page size, then
 * {@code t=search} page by page ({@code offset}) until the limit, a short page, a page with
 * nothing new (an index that ignores {@code offset}) or {@value #MAX_PAGES} pages. Items are
 * delivered as the answer streams in. Nothing it throws or logs holds the API key.
 */
final class TorznabIndexer {

    static final int MAX_PAGES = 20;
    /** Bounds the guids remembered to spot repeated pages. */
    private static final int MAX_SEEN = 20_000;

    private static final Logger LOG = LoggerFactory.getLogger(TorznabIndexer.class);

    private final TorznabSettings settings;
    private final XmlFetch fetch;
    private final Redactor redactor;
    /** The index's capabilities once known; cleared when a search fails, to be asked again. */
    private final AtomicReference<Caps> caps = new AtomicReference<>();
    private volatile boolean closed;

    TorznabIndexer(TorznabSettings settings, XmlFetch fetch) {
        this.settings = settings;
        this.fetch = fetch;
        this.redactor = Redactor.of(settings.apiKey());
    }

    TorznabSettings settings() {
        return settings;
    }

    /**
     * What the configured categories hold, else what the index said it has, else everything (until
     * the first search asks it). Never blocks.
     */
    Set<SearchCategory> categories() {
        if (!settings.categories().isEmpty()) {
            return TorznabCategories.of(settings.categories());
        }
        Caps known = caps.get();
        Set<SearchCategory> categories = known == null ? Set.of() : TorznabCategories.of(known.categories());
        return categories.isEmpty() ? EnumSet.allOf(SearchCategory.class) : categories;
    }

    /** Ends the searches under way: the configuration went or changed. */
    void close() {
        closed = true;
    }

    void search(String query, SearchOptions options, ResultSink sink) throws Exception {
        BooleanSupplier stop = () -> closed || sink.cancelled();
        FetchLimits limits = ProviderSettings.limits(settings.timeout(), settings.maxBytes(), stop);
        List<Integer> categories = categoriesToAsk(options);
        if (categories == null) {
            return;
        }
        try {
            Caps known = caps(limits);
            run(query, options, sink, stop, limits, categories, known);
        } catch (IOException e) {
            Exception failure = SearchFailures.toThrow(e, stop.getAsBoolean(), redactor);
            if (failure == null) {
                return;
            }
            if (!(e instanceof InterruptedIOException)) {
                caps.set(null);
            }
            throw failure;
        }
    }

    /**
     * The numbers to send as {@code cat=}: the configured ones the search wants, or the search's
     * own; empty for all, {@code null} when the search wants nothing this index is configured for.
     */
    private List<Integer> categoriesToAsk(SearchOptions options) {
        if (settings.categories().isEmpty()) {
            return TorznabCategories.ids(options.categories());
        }
        List<Integer> wanted = settings.categories().stream()
                .filter(id -> options.wants(TorznabCategories.of(id)))
                .toList();
        return wanted.isEmpty() ? null : wanted;
    }

    /** The capabilities, asked once; when the index will not tell, the search goes on by defaults. */
    private Caps caps(FetchLimits limits) throws IOException {
        Caps known = caps.get();
        if (known != null) {
            return known;
        }
        try {
            known = fetch.get(uri(Map.of("t", "caps")), limits, redactor, Caps::parse);
            caps.set(known);
            return known;
        } catch (InterruptedIOException | FetchTimeoutException e) {
            throw e;
        } catch (IOException e) {
            LOG.info("{}: no capabilities ({}); searching with {} results a page", settings.id(),
                    redactor.text(e.getMessage()), Caps.DEFAULT_PAGE);
            return Caps.UNKNOWN;
        }
    }

    private void run(String query, SearchOptions options, ResultSink sink, BooleanSupplier stop, FetchLimits limits,
            List<Integer> categories, Caps known) throws IOException {
        Tally tally = new Tally(options, sink, stop);
        int offset = 0;
        for (int page = 0; page < MAX_PAGES && !tally.done(); page++) {
            int ask = known.pageSize(options.limit() - tally.delivered);
            Map<String, String> parameters = new LinkedHashMap<>();
            parameters.put("t", "search");
            parameters.put("q", query);
            if (!categories.isEmpty()) {
                parameters.put("cat", categories.stream().map(String::valueOf).collect(Collectors.joining(",")));
            }
            parameters.put("extended", "1");
            parameters.put("limit", String.valueOf(ask));
            parameters.put("offset", String.valueOf(offset));
            int before = tally.items;
            int fresh = tally.fresh;
            fetch.get(uri(parameters), limits, redactor, reader -> {
                FeedReader.read(reader, tally::take);
                return null;
            });
            int items = tally.items - before;
            offset += items;
            if (items < ask || tally.fresh == fresh) {
                break;
            }
        }
        tally.report();
    }

    /** The endpoint with {@code parameters} and the key added. */
    private URI uri(Map<String, String> parameters) {
        StringBuilder uri = new StringBuilder(settings.endpoint().toString());
        char separator = settings.endpoint().getRawQuery() == null ? '?' : '&';
        Map<String, String> all = new LinkedHashMap<>(parameters);
        if (!settings.apiKey().isEmpty()) {
            all.put("apikey", settings.apiKey());
        }
        for (Map.Entry<String, String> parameter : all.entrySet()) {
            uri.append(separator).append(parameter.getKey()).append('=')
                    .append(URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8));
            separator = '&';
        }
        return URI.create(uri.toString());
    }

    /** What one search took in: items seen, results delivered, items skipped as malformed. */
    private final class Tally {

        private final SearchOptions options;
        private final ResultSink sink;
        private final BooleanSupplier stop;
        private final Set<String> seen = new HashSet<>();
        private int items;
        private int fresh;
        private int delivered;
        private int malformed;
        private String firstProblem;
        private boolean refused;

        Tally(SearchOptions options, ResultSink sink, BooleanSupplier stop) {
            this.options = options;
            this.sink = sink;
            this.stop = stop;
        }

        boolean done() {
            return refused || delivered >= options.limit() || stop.getAsBoolean();
        }

        /** One item of a page; false to stop reading. */
        boolean take(FeedItem item) {
            items++;
            String key = item.guid() != null ? item.guid() : item.link() + "|" + item.title();
            if (seen.contains(key)) {
                return !done();
            }
            if (seen.size() < MAX_SEEN) {
                seen.add(key);
            }
            fresh++;
            SearchResult result;
            try {
                result = TorznabItems.result(item);
            } catch (IllegalArgumentException | NullPointerException e) {
                malformed++;
                firstProblem = firstProblem == null ? e.getMessage() : firstProblem;
                return !done();
            }
            if (options.wants(result.category())) {
                delivered++;
                refused = !sink.offer(result);
            }
            return !done();
        }

        /** Malformed items are logged; when they were all there was, the search failed. */
        void report() throws IOException {
            if (malformed == 0) {
                return;
            }
            String problem = redactor.text(firstProblem);
            if (delivered == 0 && malformed == fresh) {
                throw new IOException("all " + malformed + " items from the index were malformed, e.g. " + problem);
            }
            LOG.info("{}: {} malformed items skipped, e.g. {}", settings.id(), malformed, problem);
        }
    }
}
