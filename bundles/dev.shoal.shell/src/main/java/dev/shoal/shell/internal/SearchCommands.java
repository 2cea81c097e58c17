package dev.shoal.shell.internal;

import dev.shoal.engine.api.Engine;
import dev.shoal.metainfo.MagnetLink;
import dev.shoal.metainfo.Metainfo;
import dev.shoal.search.api.ProviderInfo;
import dev.shoal.search.api.SearchCategory;
import dev.shoal.search.api.SearchHit;
import dev.shoal.search.api.SearchOptions;
import dev.shoal.search.api.SearchResult;
import dev.shoal.search.api.SearchService;
import dev.shoal.search.api.SearchSession;
import dev.shoal.search.api.SearchSort;
import dev.shoal.shell.internal.args.Args;
import dev.shoal.shell.internal.args.Args.Spec;
import dev.shoal.shell.internal.args.ShellException;
import dev.shoal.shell.internal.view.SearchViews;
import dev.shoal.support.torrent.TorrentSource;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code shoal:search}, {@code shoal:fetch} and {@code shoal:providers}: there only while a
 * {@link SearchService} runs (the search bundle is optional). Immediate: Gogo releases a command's
 * service after each call, and a delayed component would then be disposed with the hits the next
 * {@code shoal:fetch} numbers ({@code shoal cli search} then {@code shoal cli fetch} is two calls).
 */
@Component(service = SearchCommands.class, immediate = true)
@Command(function = {"search", "fetch", "providers"})
public final class SearchCommands {

    /** The longest timeout the search service can be configured with; a search that names none waits that long at most. */
    static final Duration LONGEST_TIMEOUT = Duration.ofSeconds(600);
    /** How long past its timeout a search is waited for: the service ends it then; this is only slack. */
    static final Duration SLACK = Duration.ofSeconds(5);

    private static final Map<String, SearchSort> SORTS = Map.of("seeders", SearchSort.SEEDERS, "size", SearchSort.SIZE,
            "date", SearchSort.PUBLISHED, "name", SearchSort.TITLE);
    private static final String CATEGORIES = Arrays.stream(SearchCategory.values())
            .map(c -> c.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining("|"));

    private static final Spec SEARCH = Spec.of("shoal:search <words>... [--provider ID]... [--category "
            + CATEGORIES + "]... [--limit N] [--sort seeders|size|date|name] [--timeout SECONDS]", 1, 64)
            .valued("--provider", "--category", "--limit", "--sort", "--timeout");
    private static final Spec FETCH = Spec.of("shoal:fetch <result#> [--dir D] [--paused]", 1, 1)
            .flags(Adding.FLAGS).valued(Adding.VALUED);
    private static final Spec PROVIDERS = Spec.of("shoal:providers", 0, 0);

    private final SearchService search;
    private final Engine engine;
    private final TorrentSource source;
    private final RecentHits recent = new RecentHits();

    @Activate
    public SearchCommands(@Reference SearchService search, @Reference Engine engine, BundleContext context) {
        this(search, engine, new TorrentSource("Shoal/" + context.getBundle().getVersion()));
    }

    public SearchCommands(SearchService search, Engine engine, TorrentSource source) {
        this.search = search;
        this.engine = engine;
        this.source = source;
    }

    @Descriptor("search every search provider at once and wait for them: shoal:search <words>... [--provider ID]..."
            + " [--category C]... [--limit N] [--sort seeders|size|date|name] [--timeout SECONDS];"
            + " shoal:fetch <#> adds a result")
    public Object search(CommandSession session, String... args) throws InterruptedException {
        Args parsed = Args.parse(SEARCH, args);
        SearchOptions options = options(parsed);
        if (search.providers().isEmpty()) {
            throw new ShellException("no search providers are installed");
        }
        String words = String.join(" ", parsed.operands());
        SearchSession running;
        try {
            running = search.search(words, options, null);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ShellException(e.getMessage(), e);
        }
        try {
            running.await((options.timeout() != null ? options.timeout() : LONGEST_TIMEOUT).plus(SLACK));
        } finally {
            // Interrupted (Ctrl-C), or, should the service not end it, out of patience: stop it either way.
            running.cancel();
        }
        if (running.outcomes().isEmpty()) {
            throw new ShellException("no search provider searches " + options.categories().stream().sorted()
                    .map(c -> c.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(" or ")));
        }
        List<SearchHit> hits = running.hits();
        recent.remember(session, hits);
        return SearchViews.report(words, hits, running.outcomes());
    }

    private static SearchOptions options(Args parsed) {
        SearchOptions options = SearchOptions.defaults().withProviders(Set.copyOf(parsed.values("--provider")));
        Set<SearchCategory> categories = EnumSet.noneOf(SearchCategory.class);
        for (String category : parsed.values("--category")) {
            try {
                categories.add(SearchCategory.valueOf(category.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw SEARCH.misuse("no category \"" + category + "\"");
            }
        }
        options = options.withCategories(categories);
        if (parsed.value("--limit").isPresent()) {
            options = options.withLimit(number(parsed.value("--limit").get(), "--limit", SearchOptions.MAX_LIMIT));
        }
        if (parsed.value("--sort").isPresent()) {
            SearchSort sort = SORTS.get(parsed.value("--sort").get().toLowerCase(Locale.ROOT));
            if (sort == null) {
                throw SEARCH.misuse("no sort order \"" + parsed.value("--sort").get() + "\"");
            }
            options = options.withSort(sort);
        }
        if (parsed.value("--timeout").isPresent()) {
            options = options.withTimeout(Duration.ofSeconds(number(parsed.value("--timeout").get(), "--timeout",
                    (int) LONGEST_TIMEOUT.toSeconds())));
        }
        return options;
    }

    private static int number(String text, String option, int max) {
        if (!text.matches("[0-9]{1,9}") || Integer.parseInt(text) < 1 || Integer.parseInt(text) > max) {
            throw SEARCH.misuse(option + ": not a number from 1 to " + max + ": \"" + text + "\"");
        }
        return Integer.parseInt(text);
    }

    @Descriptor("add a result of the last search: shoal:fetch <result#> [--dir D] [--paused]")
    public Object fetch(CommandSession session, String... args) throws InterruptedException {
        Args parsed = Args.parse(FETCH, args);
        List<SearchHit> hits = recent.recall(session)
                .orElseThrow(() -> new ShellException("no search yet: shoal:search <words> first"));
        String text = parsed.operand(0);
        if (!text.matches("[0-9]{1,9}") || Integer.parseInt(text) == 0) {
            throw FETCH.misuse("not a result number: \"" + text + "\" (shoal:search numbers them from 1)");
        }
        int number = Integer.parseInt(text);
        if (number > hits.size()) {
            throw new ShellException("no result " + number + ": the last search found "
                    + (hits.isEmpty() ? "nothing" : hits.size() == 1 ? "one" : hits.size()));
        }
        SearchResult hit = hits.get(number - 1).result();
        if (hit.torrentUrl() == null) {
            // Only a magnet link: the engine fetches the metadata from peers.
            MagnetLink magnet = Targets.magnet(hit.magnet() == null ? null : hit.magnet().toString()).orElseThrow(() -> new ShellException(
                    "result " + number + " has no torrent URL and no magnet link"));
            return Adding.add(engine, magnet, parsed, Targets.currentDirectory(session));
        }
        Metainfo metainfo = Targets.load(source, hit.torrentUrl().toString(), Targets.currentDirectory(session));
        String got = metainfo.infoHash().hex();
        if (hit.infoHash() != null && got.length() == hit.infoHash().length() && !got.equals(hit.infoHash())) {
            throw new ShellException("result " + number + ": " + hit.torrentUrl() + " is the torrent " + got
                    + ", not " + hit.infoHash() + " as the search said; not added");
        }
        return Adding.add(engine, metainfo, parsed, Targets.currentDirectory(session));
    }

    @Descriptor("the search providers installed: id (what --provider takes), name, categories")
    public Object providers(CommandSession session, String... args) {
        Args.parse(PROVIDERS, args);
        List<ProviderInfo> providers = search.providers();
        if (providers.isEmpty()) {
            return "no search providers are installed";
        }
        return SearchViews.providers(providers);
    }
}
