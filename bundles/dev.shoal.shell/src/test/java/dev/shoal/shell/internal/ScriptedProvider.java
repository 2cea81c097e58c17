package dev.shoal.shell.internal;

import dev.shoal.search.api.ResultSink;
import dev.shoal.search.api.SearchCategory;
import dev.shoal.search.api.SearchOptions;
import dev.shoal.search.api.SearchProvider;
import dev.shoal.search.api.SearchResult;
import java.util.List;
import java.util.Set;

/** A search provider as a plugin would write one, with what its search does given by the test. */
final class ScriptedProvider implements SearchProvider {

    interface Script {
        void search(String query, SearchOptions options, ResultSink sink) throws Exception;
    }

    private final String id;
    private final String name;
    private final Set<SearchCategory> categories;
    private final Script script;

    ScriptedProvider(String id, String name, Set<SearchCategory> categories, Script script) {
        this.id = id;
        this.name = name;
        this.categories = categories;
        this.script = script;
    }

    /** Offers {@code results}, all of them, whatever the query. */
    static ScriptedProvider offering(String id, String name, List<SearchResult> results) {
        return new ScriptedProvider(id, name, Set.of(SearchCategory.SOFTWARE), (query, options, sink) -> {
            results.forEach(sink::offer);
        });
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Set<SearchCategory> categories() {
        return categories;
    }

    @Override
    public void search(String query, SearchOptions options, ResultSink sink) throws Exception {
        script.search(query, options, sink);
    }
}
