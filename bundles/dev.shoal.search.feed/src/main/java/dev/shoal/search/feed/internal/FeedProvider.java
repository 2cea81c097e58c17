package dev.shoal.search.feed.internal;

import dev.shoal.search.api.ResultSink;
import dev.shoal.search.api.SearchCategory;
import dev.shoal.search.api.SearchOptions;
import dev.shoal.search.api.SearchProvider;
import dev.shoal.search.api.SearchResult;
import dev.shoal.support.feed.XmlFetch;
import dev.shoal.support.http.Redactor;
import dev.shoal.support.search.ProviderSettings;
import dev.shoal.support.search.SearchFailures;
import java.io.IOException;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An RSS or Atom feed of torrents (a distribution's releases, a nyaa or ezRSS feed) as a
 * {@link SearchProvider}: a search gives the feed's torrents whose titles hold every word of the
 * query. One instance, one service, per factory configuration of {@value #PID}; no
 * {@code @Modified}, because a change may change the id the search service knows it by, so the
 * instance is replaced and the service registered anew.
 */
@Component(service = SearchProvider.class, configurationPid = FeedProvider.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = FeedProvider.Config.class, factory = true)
public final class FeedProvider implements SearchProvider {

    public static final String PID = "dev.shoal.search.feed";

    private static final Logger LOG = LoggerFactory.getLogger(FeedProvider.class);

    @ObjectClassDefinition(name = "Shoal torrent feed",
            description = "An RSS or Atom feed of torrents to search by title; one configuration per feed.")
    public @interface Config {

        @AttributeDefinition(name = "Id", description = "A short unique name for the feed: a-z, 0-9, '.', '-' and '_'"
                + " (what shoal:search --provider takes), e.g. debian-releases.")
        String id();

        @AttributeDefinition(name = "Name", description = "What users see; empty for \"Feed: <id>\".")
        String name() default "";

        @AttributeDefinition(name = "URL", description = "The feed's http(s) URL.")
        String url();

        @AttributeDefinition(name = "Category", description = "What the feed's torrents hold: MOVIES, TV, MUSIC,"
                + " GAMES, SOFTWARE, BOOKS or OTHER.")
        String category() default "SOFTWARE";

        @AttributeDefinition(name = "Refresh (min)", description = "How long a fetched feed is searched before it is"
                + " fetched again; 0 fetches it for every search.", min = "0", max = "1440")
        int refreshMinutes() default 30;

        @AttributeDefinition(name = "Timeout (s)", description = "How long fetching the feed may take.", min = "1",
                max = "300")
        int timeoutSeconds() default 20;

        @AttributeDefinition(name = "Largest feed (KiB)", description = "Feeds larger than this are cut off with an"
                + " error.", min = "16", max = "65536")
        int maxResponseKiB() default 4096;
    }

    private final FeedSettings settings;
    private final FeedCache cache;
    private volatile boolean closed;

    @Activate
    public FeedProvider(Config config) {
        this(FeedSettings.of(config.id(), config.name(), config.url(), config.category(), config.refreshMinutes(),
                config.timeoutSeconds(), config.maxResponseKiB()));
    }

    FeedProvider(FeedSettings settings) {
        this.settings = settings;
        this.cache = new FeedCache(settings, XmlFetch.forTimeout(settings.timeout(), "Shoal"));
        LOG.info("feed {}: {}", settings.id(), Redactor.of().uri(settings.url()));
    }

    @Override
    public String id() {
        return settings.id();
    }

    @Override
    public String name() {
        return settings.name();
    }

    @Override
    public Set<SearchCategory> categories() {
        return Set.of(settings.category());
    }

    @Override
    public void search(String query, SearchOptions options, ResultSink sink) throws Exception {
        if (!options.wants(settings.category())) {
            return;
        }
        BooleanSupplier stop = () -> closed || sink.cancelled();
        Iterable<SearchResult> entries;
        try {
            entries = cache.entries(ProviderSettings.limits(settings.timeout(), settings.maxBytes(), stop));
        } catch (IOException e) {
            Exception failure = SearchFailures.toThrow(e, stop.getAsBoolean(), Redactor.of());
            if (failure == null) {
                return;
            }
            throw failure;
        }
        Query words = Query.of(query);
        int delivered = 0;
        for (SearchResult entry : entries) {
            if (stop.getAsBoolean()) {
                return;
            }
            if (words.matches(entry.title())) {
                delivered++;
                if (!sink.offer(entry) || delivered >= options.limit()) {
                    return;
                }
            }
        }
    }

    @Deactivate
    void deactivate() {
        closed = true;
    }
}
