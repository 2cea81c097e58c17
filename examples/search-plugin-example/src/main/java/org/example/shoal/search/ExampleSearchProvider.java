package org.example.shoal.search;

import dev.shoal.search.api.ResultSink;
import dev.shoal.search.api.SearchCategory;
import dev.shoal.search.api.SearchOptions;
import dev.shoal.search.api.SearchProvider;
import dev.shoal.search.api.SearchResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * A search provider over a small catalog of Linux distribution releases shipped in this jar,
 * plus, if configured, a catalog file of your own.
 *
 * <p>{@code @Component(service = SearchProvider.class)} is all it takes to plug in: Declarative
 * Services creates this object when the bundle starts and registers it as a {@link SearchProvider}
 * service; Shoal's search asks every such service. The configuration (PID {@value #PID}) comes from
 * Configuration Admin: a {@code .cfg} file in Shoal's {@code plugins/} folder or {@code shoal:config}.
 */
@Component(service = SearchProvider.class, configurationPid = ExampleSearchProvider.PID)
@Designate(ocd = ExampleSearchProvider.Config.class)
public final class ExampleSearchProvider implements SearchProvider {

    public static final String PID = "org.example.shoal.search.example";

    /** The catalog inside the jar. */
    static final String BUILT_IN = "releases.tsv";

    /** The settings, as the configuration's properties typed by DS; also shown by {@code shoal:config}. */
    @ObjectClassDefinition(name = "Example search provider",
            description = "Finds Linux distribution releases in a catalog shipped with the plugin.")
    public @interface Config {

        @AttributeDefinition(name = "Extra catalog",
                description = "A file of more releases, one per line: name, size, torrent URL, info-hash,"
                        + " separated by tabs ('-' when unknown); empty for none.")
        String extraCatalog() default "";
    }

    /**
     * Replaced whole when the configuration changes (volatile: the search runs on another thread),
     * so a search under way keeps the catalog it began with.
     */
    private volatile List<SearchResult> catalog;
    /** Why the extra catalog could not be read, or null; reported by every search until fixed. */
    private volatile String problem;

    @Activate
    public ExampleSearchProvider(Config config) {
        configure(config.extraCatalog());
    }

    /** For tests, without OSGi. */
    ExampleSearchProvider(String extraCatalog) {
        configure(extraCatalog);
    }

    /** Without this method, a configuration change would deactivate the component and make a new one. */
    @Modified
    void modified(Config config) {
        configure(config.extraCatalog());
    }

    private void configure(String extraCatalog) {
        List<SearchResult> releases = new ArrayList<>(builtIn());
        String trouble = null;
        if (!extraCatalog.isBlank()) {
            Path file = Path.of(extraCatalog.strip());
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                releases.addAll(Catalog.read(reader, file.toString()));
            } catch (NoSuchFileException e) {
                trouble = "the extra catalog " + file + " does not exist";
            } catch (IOException e) {
                trouble = "cannot use the extra catalog: " + e.getMessage();
            }
        }
        catalog = List.copyOf(releases);
        problem = trouble;
    }

    private static List<SearchResult> builtIn() {
        try (InputStream in = ExampleSearchProvider.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException(BUILT_IN + " is missing from the jar");
            }
            return Catalog.read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), BUILT_IN);
        } catch (IOException e) {
            throw new IllegalStateException(e.getMessage(), e); // a broken build, not a user's mistake
        }
    }

    @Override
    public String id() {
        return "example";
    }

    @Override
    public String name() {
        return "Example: Linux releases";
    }

    @Override
    public Set<SearchCategory> categories() {
        return Set.of(SearchCategory.SOFTWARE);
    }

    /**
     * Runs on a thread Shoal gives it, one call per search. It may take its time (an HTTP request,
     * say), but must stop soon once {@code sink.cancelled()} turns true or the thread is interrupted,
     * and deliver at most {@code options.limit()} results.
     */
    @Override
    public void search(String query, SearchOptions options, ResultSink sink) throws IOException {
        if (problem != null) {
            throw new IOException(problem); // shown to the user beside the other providers' results
        }
        List<String> words = Arrays.asList(query.toLowerCase(Locale.ROOT).split("\\s+"));
        int offered = 0;
        for (SearchResult release : catalog) {
            if (sink.cancelled() || Thread.currentThread().isInterrupted()) {
                return;
            }
            String title = release.title().toLowerCase(Locale.ROOT);
            if (words.stream().allMatch(title::contains)) {
                offered++;
                if (!sink.offer(release) || offered >= options.limit()) {
                    return; // the search wants no more
                }
            }
        }
    }
}
