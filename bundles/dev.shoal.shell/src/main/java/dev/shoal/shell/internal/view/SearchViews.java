package dev.shoal.shell.internal.view;

import dev.shoal.search.api.ProviderInfo;
import dev.shoal.search.api.ProviderOutcome;
import dev.shoal.search.api.SearchHit;
import dev.shoal.search.api.SearchResult;
import dev.shoal.shell.internal.text.Report;
import dev.shoal.shell.internal.text.Table;
import dev.shoal.shell.internal.text.Table.Column;
import dev.shoal.support.text.Sizes;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** A search's hits, numbered as {@code shoal:fetch} takes them, how each provider did, and the providers. */
public final class SearchViews {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private SearchViews() {
    }

    /** The hits in a table, and under it a line per provider; just those lines when nothing was found. */
    public static Report report(String query, List<SearchHit> hits, List<ProviderOutcome> outcomes) {
        Table.Builder table = Table.of(Column.right("#"), Column.left("NAME", 70), Column.right("SIZE"),
                Column.right("SEEDS"), Column.right("PEERS"), Column.left("DATE"), Column.left("PROVIDERS", 60));
        int number = 0;
        for (SearchHit hit : hits) {
            SearchResult r = hit.result();
            table.row(++number, r.title(), r.size() < 0 ? "-" : Sizes.of(r.size()), count(r.seeders()),
                    count(r.leechers()), r.published() == null ? "-" : DAY.format(r.published()),
                    String.join(",", hit.providers()));
        }
        List<String> notes = new ArrayList<>();
        if (hits.isEmpty()) {
            notes.add("nothing found for \"" + query + "\"");
        }
        outcomes.forEach(outcome -> notes.add(outcome(outcome)));
        return new Report(table.build(), notes);
    }

    /**
     * {@code jackett: 20 results in 1.2 s}, {@code broken: failed: HTTP 500}, {@code slow: timed out
     * after 20 s (3 results kept)}.
     */
    public static String outcome(ProviderOutcome o) {
        String line = o.providerId() + ": ";
        String kept = o.results() > 0 ? " (" + results(o.results()) + " kept)" : "";
        return switch (o.status()) {
            case DONE -> line + results(o.results()) + " in " + seconds(o.elapsed())
                    + (o.message() == null ? "" : "; " + o.message());
            case FAILED -> line + "failed: " + o.message() + kept;
            case TIMED_OUT, CANCELLED -> line + (o.message() == null ? o.status().name().toLowerCase(Locale.ROOT)
                    : o.message()) + kept;
            case RUNNING -> line + "still searching after " + seconds(o.elapsed()) + kept;
        };
    }

    public static Table providers(List<ProviderInfo> providers) {
        Table.Builder table = Table.of(Column.left("ID"), Column.left("NAME", 60), Column.left("CATEGORIES"));
        for (ProviderInfo p : providers) {
            String categories = p.categories().stream().sorted().map(c -> c.name().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(","));
            table.row(p.id(), p.name(), categories.isEmpty() ? "-" : categories);
        }
        return table.build();
    }

    private static String count(int count) {
        return count < 0 ? "-" : Integer.toString(count);
    }

    private static String results(int count) {
        return count + (count == 1 ? " result" : " results");
    }

    private static String seconds(Duration span) {
        return String.format(Locale.ROOT, "%.1f s", span.toMillis() / 1000.0);
    }
}
