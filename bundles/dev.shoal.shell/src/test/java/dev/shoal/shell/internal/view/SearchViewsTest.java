package dev.shoal.shell.internal.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.shoal.search.api.ProviderOutcome;
import dev.shoal.search.api.ProviderOutcome.Status;
import dev.shoal.search.api.SearchHit;
import dev.shoal.search.api.SearchResult;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchViewsTest {

    private static ProviderOutcome outcome(String id, Status status, int results, String message, long millis) {
        return new ProviderOutcome(id, id, status, results, message, Duration.ofMillis(millis));
    }

    @Test
    void eachOutcomeIsOneLine() {
        assertEquals("jackett: 20 results in 1.2 s", SearchViews.outcome(outcome("jackett", Status.DONE, 20, null, 1234)));
        assertEquals("one: 1 result in 0.0 s", SearchViews.outcome(outcome("one", Status.DONE, 1, null, 3)));
        assertEquals("flood: 100 results in 2.0 s; 5 results past the limit of 100 dropped",
                SearchViews.outcome(outcome("flood", Status.DONE, 100, "5 results past the limit of 100 dropped", 2000)));
        assertEquals("broken: failed: HTTP 500 (3 results kept)",
                SearchViews.outcome(outcome("broken", Status.FAILED, 3, "HTTP 500", 10)));
        assertEquals("slow: timed out after 20 s", SearchViews.outcome(outcome("slow", Status.TIMED_OUT, 0,
                "timed out after 20 s", 20_000)));
        assertEquals("gone: cancelled: the provider went away (1 result kept)", SearchViews.outcome(outcome("gone",
                Status.CANCELLED, 1, "cancelled: the provider went away", 5)));
        assertEquals("odd: cancelled", SearchViews.outcome(outcome("odd", Status.CANCELLED, 0, null, 5)));
        assertEquals("busy: still searching after 3.5 s", SearchViews.outcome(outcome("busy", Status.RUNNING, 0, null, 3500)));
    }

    @Test
    void nothingFoundIsSaidWithoutAnEmptyTable() {
        assertEquals("nothing found for \"zzz\"\nlocal: 0 results in 0.1 s",
                SearchViews.report("zzz", List.of(), List.of(outcome("local", Status.DONE, 0, null, 100))).render());
    }

    @Test
    void whatAnIndexSaysCannotForgeLines() {
        SearchHit hit = new SearchHit(SearchResult.builder("evil\nname\u001b[2J").torrentUrl(URI.create("http://x.example/t"))
                .build(), List.of("p"));
        List<String> lines = SearchViews.report("x", List.of(hit),
                List.of(outcome("p", Status.FAILED, 1, "bad\nline", 1))).lines();
        assertEquals(List.of("#  NAME           SIZE  SEEDS  PEERS  DATE  PROVIDERS",
                "1  evil?name?[2J     -      -      -  -     p", "", "p: failed: bad?line (1 result kept)"), lines);
    }
}
