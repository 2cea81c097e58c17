package dev.shoal.search.torznab.internal;

import dev.shoal.search.api.ResultSink;
import dev.shoal.search.api.SearchCategory;
import dev.shoal.search.api.SearchOptions;
import dev.shoal.search.api.SearchProvider;
import dev.shoal.support.feed.XmlFetch;
import java.util.Map;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Torznab index (a Jackett or Prowlarr indexer, or Jackett's "all") as a {@link SearchProvider}:
 * one instance, one service, per factory configuration of {@value #PID}. There is no
 * {@code @Modified}: a changed configuration may change the id and name, which the search
 * service and the shell know the provider by, so Declarative Services replaces the instance and
 * the service is registered anew.
 */
@Component(service = SearchProvider.class, configurationPid = TorznabProvider.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = TorznabProvider.Config.class, factory = true)
public final class TorznabProvider implements SearchProvider {

    public static final String PID = "dev.shoal.search.torznab";

    private static final Logger LOG = LoggerFactory.getLogger(TorznabProvider.class);

    @ObjectClassDefinition(name = "Shoal Torznab indexer",
            description = "A Torznab index to search (a Jackett or Prowlarr indexer); one configuration per index.")
    public @interface Config {

        @AttributeDefinition(name = "Id", description = "A short unique name for the index: a-z, 0-9, '.', '-' and '_'"
                + " (what shoal:search --provider takes), e.g. jackett-linux.")
        String id();

        @AttributeDefinition(name = "Name", description = "What users see; empty for \"Torznab: <id>\".")
        String name() default "";

        @AttributeDefinition(name = "URL", description = "The indexer's Torznab endpoint, e.g."
                + " http://127.0.0.1:9117/api/v2.0/indexers/all/results/torznab/ (Jackett) or"
                + " http://127.0.0.1:9696/1/api (Prowlarr).")
        String url();

        /**
         * Configured as {@code .apiKey}: Declarative Services publishes a component's properties
         * as service properties, which any bundle (and Gogo's {@code inspect}) can read, except
         * those whose name starts with a full stop.
         */
        @AttributeDefinition(name = "API key", type = AttributeType.PASSWORD,
                description = "The key Jackett or Prowlarr shows on its dashboard (.apiKey in a .cfg file); never"
                        + " logged or shown.")
        String _apiKey() default "";

        @AttributeDefinition(name = "Categories", description = "Torznab category numbers to search, separated by"
                + " commas (2000 movies, 5000 TV, 4000 PC, ...); empty for all.")
        String categories() default "";

        @AttributeDefinition(name = "Timeout (s)", description = "How long one search may take in all.",
                min = "1", max = "300")
        int timeoutSeconds() default 20;

        @AttributeDefinition(name = "Largest answer (KiB)", description = "Answers larger than this are cut off"
                + " with an error.", min = "16", max = "65536")
        int maxResponseKiB() default 4096;
    }

    private final TorznabIndexer indexer;

    @Activate
    public TorznabProvider(Config config, Map<String, Object> properties) {
        this(settingsOf(config, properties));
    }

    private static TorznabSettings settingsOf(Config config, Map<String, Object> properties) {
        checkedKeyPlace(properties);
        return TorznabSettings.of(config.id(), config.name(), config.url(), config._apiKey(), config.categories(),
                config.timeoutSeconds(), config.maxResponseKiB());
    }

    /**
     * Refuses a key configured as {@code apiKey}: that is a public component property, which
     * Declarative Services has already published as a service property for any bundle to read.
     * Failing is how the user learns to move it to {@code .apiKey}.
     */
    static Map<String, Object> checkedKeyPlace(Map<String, Object> properties) {
        for (String name : properties.keySet()) {
            if (name.equalsIgnoreCase("apiKey")) {
                throw new IllegalArgumentException("Torznab " + properties.get("id") + ": write the API key as .apiKey"
                        + " (with the dot), not " + name + ", or every bundle can read it in the service's properties");
            }
        }
        return properties;
    }

    TorznabProvider(TorznabSettings settings) {
        this.indexer = new TorznabIndexer(settings, XmlFetch.forTimeout(settings.timeout(), "Shoal"));
        LOG.info("Torznab {}: {}", settings.id(), settings.endpoint());
    }

    @Override
    public String id() {
        return indexer.settings().id();
    }

    @Override
    public String name() {
        return indexer.settings().name();
    }

    @Override
    public Set<SearchCategory> categories() {
        return indexer.categories();
    }

    @Override
    public void search(String query, SearchOptions options, ResultSink sink) throws Exception {
        indexer.search(query, options, sink);
    }

    @Deactivate
    void deactivate() {
        indexer.close();
    }
}
