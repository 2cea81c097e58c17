package dev.shoal.search.local.internal;

import dev.shoal.search.api.ResultSink;
import dev.shoal.search.api.SearchCategory;
import dev.shoal.search.api.SearchOptions;
import dev.shoal.search.api.SearchProvider;
import java.io.IOException;
import java.util.EnumSet;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds torrents among the {@code .torrent} files in folders on this computer. Registered only once
 * configured (there is no folder everybody keeps torrent files in, and a provider that can find
 * nothing would only clutter every search's outcomes); a configuration without folders makes each
 * search fail with a message saying what to set.
 */
@Component(service = SearchProvider.class, configurationPid = LocalSearchProvider.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = LocalSearchProvider.Config.class)
public final class LocalSearchProvider implements SearchProvider {

    public static final String PID = "dev.shoal.search.local";
    static final String ID = "local";

    private static final Logger LOG = LoggerFactory.getLogger(LocalSearchProvider.class);

    @ObjectClassDefinition(name = "Shoal search: torrent files on this computer",
            description = "Searches the names and file names of the .torrent files in folders on this computer."
                    + " The provider exists once this configuration does.")
    public @interface Config {

        @AttributeDefinition(name = "Folders",
                description = "The folders holding .torrent files; a leading ~ is the home folder.")
        String[] folders() default {};

        @AttributeDefinition(name = "Subfolders", description = "Look in subfolders too (at most 32 levels deep).")
        boolean recursive() default true;

        @AttributeDefinition(name = "Most torrent files",
                description = "The most .torrent files looked at per search; the rest are not searched.",
                min = "1", max = "1000000")
        int maxFiles() default LocalSettings.DEFAULT_MAX_FILES;

        @AttributeDefinition(name = "Largest torrent file (bytes)",
                description = "Larger .torrent files are skipped unread.", min = "1024", max = "67108864")
        int maxTorrentBytes() default LocalSettings.DEFAULT_MAX_TORRENT_BYTES;
    }

    /** Replaced whole on reconfiguration, so a search under way keeps the settings it began with. */
    private volatile LocalSearch search;

    @Activate
    public LocalSearchProvider(Config config) {
        this(settingsOf(config));
    }

    /** For use without OSGi. */
    LocalSearchProvider(LocalSettings settings) {
        apply(settings);
    }

    @Modified
    void modified(Config config) {
        apply(settingsOf(config));
    }

    static LocalSettings settingsOf(Config config) {
        return LocalSettings.of(config.folders(), config.recursive(), config.maxFiles(), config.maxTorrentBytes());
    }

    void apply(LocalSettings settings) {
        search = new LocalSearch(settings);
        LOG.info("local search: {} {}", settings.folders().isEmpty() ? "no folders" : settings.folders(),
                settings.recursive() ? "with subfolders" : "without subfolders");
    }

    /** The search with the present settings. */
    LocalSearch current() {
        return search;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "Torrent files on this computer";
    }

    @Override
    public Set<SearchCategory> categories() {
        return EnumSet.of(SearchCategory.MOVIES, SearchCategory.MUSIC, SearchCategory.SOFTWARE, SearchCategory.BOOKS,
                SearchCategory.OTHER);
    }

    @Override
    public void search(String query, SearchOptions options, ResultSink sink) throws IOException {
        search.run(query, options, sink);
    }
}
