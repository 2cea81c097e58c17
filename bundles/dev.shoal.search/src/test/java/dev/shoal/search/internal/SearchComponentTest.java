package dev.shoal.search.internal;

import static dev.shoal.search.internal.TestProvider.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.search.api.ProviderOutcome;
import dev.shoal.search.api.ProviderOutcome.Status;
import dev.shoal.search.api.ResultSink;
import dev.shoal.search.api.SearchCategory;
import dev.shoal.search.api.SearchHit;
import dev.shoal.search.api.SearchListener;
import dev.shoal.search.api.SearchOptions;
import dev.shoal.search.api.SearchResult;
import dev.shoal.search.api.SearchSession;
import dev.shoal.search.internal.TestProvider.Flooding;
import dev.shoal.search.internal.TestProvider.Gated;
import dev.shoal.search.internal.TestProvider.Hanging;
import dev.shoal.search.internal.TestProvider.Healthy;
import dev.shoal.search.internal.TestProvider.Throwing;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The search service with providers that behave and providers that do not, all real, all at once. */
@Timeout(120)
class SearchComponentTest {

    /** Longer than any of these searches should take, however loaded the machine. */
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final List<TestProvider> providers = new ArrayList<>();
    private SearchComponent service = new SearchComponent(new SearchSettings(Duration.ofSeconds(30), 2, 16));

    @AfterEach
    void tearDown() throws InterruptedException {
        service.deactivate();
        for (TestProvider provider : providers) {
            provider.release();
        }
        for (TestProvider provider : providers) {
            provider.join();
        }
    }

    private <P extends TestProvider> P add(P provider) {
        providers.add(provider);
        service.addProvider(provider);
        return provider;
    }

    private static Map<String, ProviderOutcome> byId(SearchSession search) {
        return search.outcomes().stream().collect(Collectors.toMap(ProviderOutcome::providerId, Function.identity()));
    }

    private static SearchSession done(SearchSession search) throws InterruptedException {
        assertTrue(search.await(WAIT), "done within " + WAIT + ": " + search.outcomes());
        return search;
    }

    private static List<String> titles(SearchSession search) {
        return search.hits().stream().map(h -> h.result().title()).toList();
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + WAIT + ": " + what);
            }
            Thread.sleep(10);
        }
    }

    @Test
    void healthyResultsArriveWhileOthersThrowHangAndFlood() throws Exception {
        add(new Healthy("healthy", List.of(result("alpha", 1, 10), result("beta", 2, 20), result("gamma", 3, 5))));
        add(new Throwing("broken", new IOException("HTTP 500 from http://index.example/api")));
        add(new Throwing("silent", new IllegalStateException()));
        add(new Hanging("hanging"));
        Flooding flood = add(new Flooding("flood", 3_000_000));
        Flooding spinning = add(new Flooding("spinning", 0));
        RecordingListener listener = new RecordingListener();

        // The healthy and the flood must be done within the time-out, however loaded the machine and while
        // the spinning one takes a core: 5 s, not less.
        SearchSession search = service.search("  linux iso ",
                SearchOptions.defaults().withLimit(50).withTimeout(Duration.ofSeconds(5)), listener);
        assertEquals("linux iso", search.query());
        await(() -> byId(search).get("healthy").status() == Status.DONE, "the healthy provider done");
        assertTrue(titles(search).containsAll(List.of("alpha", "beta", "gamma")), titles(search).toString());
        done(search);

        Map<String, ProviderOutcome> outcomes = byId(search);
        System.out.printf("SearchComponentTest: the healthy provider done in %d ms, the flood of 3,000,000 in %d ms%n",
                outcomes.get("healthy").elapsed().toMillis(), outcomes.get("flood").elapsed().toMillis());
        assertEquals(new ProviderOutcome("healthy", "Healthy", Status.DONE, 3, null, outcomes.get("healthy").elapsed()),
                outcomes.get("healthy"));
        assertEquals(Status.FAILED, outcomes.get("broken").status());
        assertEquals("HTTP 500 from http://index.example/api", outcomes.get("broken").message());
        assertEquals(1, outcomes.get("broken").results(), "what it delivered before it threw stays");
        assertEquals("IllegalStateException", outcomes.get("silent").message());
        assertEquals(Status.TIMED_OUT, outcomes.get("hanging").status());
        assertEquals("timed out after 5 s", outcomes.get("hanging").message());
        assertEquals(Status.DONE, outcomes.get("flood").status());
        assertEquals(50, outcomes.get("flood").results());
        assertEquals((3_000_000 - 50) + " results past the limit of 50 dropped", outcomes.get("flood").message());
        assertTrue(flood.refusedSeen);
        assertEquals(Status.TIMED_OUT, outcomes.get("spinning").status());
        assertEquals(50, outcomes.get("spinning").results());
        assertTrue(outcomes.get("spinning").message().startsWith("timed out after 5 s; "),
                outcomes.get("spinning").message());
        assertEquals(List.of("Broken", "Flood", "Hanging", "Healthy", "Silent", "Spinning"),
                search.outcomes().stream().map(ProviderOutcome::name).toList(), "in name order");

        List<SearchHit> hits = search.hits();
        assertEquals(50, hits.size(), "the merged list is cut at the limit");
        // Both floods' first 50 results are the same 50 torrents: merged, the most seeders (49) first.
        assertEquals(49, hits.get(0).result().seeders(), "most seeders first");
        assertEquals(List.of("flood", "spinning"), hits.get(0).providers());
        assertTrue(spinning.threads.stream().allMatch(Thread::isAlive), "the spinning provider is abandoned, not waited for");

        List<String> events = listener.events();
        assertEquals("finished", events.get(events.size() - 1), events.toString());
        for (String id : List.of("healthy", "broken", "silent", "hanging", "flood", "spinning")) {
            assertEquals(1, events.stream().filter(e -> e.startsWith(id + " ")).count(), id + " in " + events);
        }
        assertFalse(listener.overlapped(), "the listener is called one call at a time");
    }

    @Test
    void everyProvidersThreadIsADaemonNamedAfterItThatInheritsNothingFromTheCaller() throws Exception {
        InheritableThreadLocal<String> console = new InheritableThreadLocal<>();
        console.set("the caller's");
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        Healthy healthy = add(new Healthy("local", List.of(result("x", 1, 1))) {
            @Override
            void run(String query, SearchOptions options, ResultSink sink) {
                seen.add(String.valueOf(console.get()));
                super.run(query, options, sink);
            }
        });
        done(service.search("x", SearchOptions.defaults(), null));
        Thread thread = healthy.threads.iterator().next();
        assertEquals("shoal-search-local", thread.getName());
        assertTrue(thread.isDaemon());
        assertEquals(List.of("null"), seen);
    }

    @Test
    void resultsOfOneTorrentFromSeveralProvidersAreMerged() throws Exception {
        SearchResult few = SearchResult.builder("Debian 12").infoHash("a".repeat(40))
                .torrentUrl(URI.create("https://one.example/debian.torrent")).seeders(3).size(700)
                .detailsUrl(URI.create("https://one.example/debian")).build();
        SearchResult many = SearchResult.builder("debian-12.iso").seeders(40)
                .magnet(URI.create("magnet:?xt=urn:btih:" + "A".repeat(40))).build();
        add(new Healthy("one", List.of(few, result("only-one", 1, 1))));
        add(new Healthy("two", List.of(many)));
        SearchSession search = done(service.search("debian", SearchOptions.defaults(), null));
        assertEquals(List.of("debian-12.iso", "only-one"), titles(search));
        SearchHit merged = search.hits().get(0);
        assertEquals(List.of("one", "two"), merged.providers());
        assertEquals(40, merged.result().seeders());
        assertEquals(700, merged.result().size(), "filled in from the one with fewer seeders");
        assertEquals("https://one.example/debian", merged.result().detailsUrl().toString());
        assertEquals(1, byId(search).get("two").results());
    }

    @Test
    void cancellingEndsTheSearchAtOnceAndDropsWhatComesAfter() throws Exception {
        Gated gated = add(new Gated("gated", List.of(result("late", 1, 1))));
        add(new Healthy("quick", List.of(result("early", 2, 2))));
        SearchSession search = service.search("x", SearchOptions.defaults(), null);
        await(() -> byId(search).get("quick").status() == Status.DONE, "quick done");
        await(() -> gated.calls.get() == 1, "gated asked");
        search.cancel();
        assertTrue(search.done(), "done as soon as cancel() returns");
        ProviderOutcome outcome = byId(search).get("gated");
        assertEquals(Status.CANCELLED, outcome.status());
        assertEquals("cancelled", outcome.message());
        await(() -> gated.sawInterrupt, "the provider's thread interrupted");
        gated.release();
        gated.join();
        assertTrue(gated.sawCancelled, "the sink says cancelled");
        assertFalse(gated.lastOfferTaken, "an offer after the cancel is refused");
        assertEquals(List.of("early"), titles(search), "and dropped; the hits so far stay");
        await(() -> service.busy("gated") == 0, "the abandoned call counted back once it returned");
    }

    @Test
    void providersComeAndGoWhileASearchRuns() throws Exception {
        Gated leaving = add(new Gated("leaving", List.of(result("leaving", 1, 1))));
        Gated staying = add(new Gated("staying", List.of(result("staying", 2, 2))));
        SearchSession search = service.search("x", SearchOptions.defaults(), null);
        await(() -> leaving.calls.get() == 1 && staying.calls.get() == 1, "both asked");
        Healthy arriving = add(new Healthy("arriving", List.of(result("arriving", 3, 3))));
        service.removeProvider(leaving);
        ProviderOutcome gone = byId(search).get("leaving");
        assertEquals(Status.CANCELLED, gone.status());
        assertEquals("cancelled: the provider went away", gone.message());
        assertFalse(search.done());
        staying.release();
        done(search);
        assertEquals(List.of("leaving", "staying"), search.outcomes().stream().map(ProviderOutcome::providerId).toList(),
                "one that came later is not asked");
        assertEquals(List.of("staying"), titles(search));
        assertEquals(List.of("arriving", "staying"), service.providers().stream().map(p -> p.id()).toList());

        SearchSession next = done(service.search("x", SearchOptions.defaults(), null));
        assertEquals(List.of("arriving", "staying"), titles(next));
        assertEquals(1, arriving.calls.get());
        assertEquals(1, leaving.calls.get());
    }

    @Test
    void aProviderStuckInAsManyAbandonedCallsAsAllowedIsNotAskedUntilOneReturns() throws Exception {
        Hanging stuck = add(new Hanging("stuck"));
        add(new Healthy("fine", List.of(result("fine", 1, 1))));
        for (int i = 1; i <= 2; i++) {
            int asked = i;
            SearchSession search = service.search("x", SearchOptions.defaults(), null);
            await(() -> stuck.calls.get() == asked, "asked " + asked + " times");
            search.cancel();
        }
        assertEquals(2, service.busy("stuck"));

        SearchSession third = done(service.search("x", SearchOptions.defaults(), null));
        ProviderOutcome skipped = byId(third).get("stuck");
        assertEquals(Status.FAILED, skipped.status());
        assertEquals("not asked: still stuck in 2 earlier searches", skipped.message());
        assertEquals(Status.DONE, byId(third).get("fine").status());
        assertEquals(2, stuck.calls.get());

        stuck.release();
        await(() -> service.busy("stuck") == 0, "both abandoned calls returned");
        SearchSession fourth = done(service.search("x", SearchOptions.defaults(), null));
        assertEquals(Status.DONE, byId(fourth).get("stuck").status());
        assertEquals(3, stuck.calls.get());
    }

    @Test
    void theBusyLimitFollowsTheConfiguration() throws Exception {
        Hanging stuck = add(new Hanging("stuck"));
        SearchSession first = service.search("x", SearchOptions.defaults(), null);
        await(() -> stuck.calls.get() == 1, "asked");
        first.cancel();
        service.modified(config(30, 1, 16));
        SearchSession second = done(service.search("x", SearchOptions.defaults(), null));
        assertEquals("not asked: still stuck in 1 earlier search", byId(second).get("stuck").message());
    }

    @Test
    void theConfiguredTimeoutAppliesWhenASearchNamesNone() throws Exception {
        add(new Hanging("stuck"));
        service.modified(config(1, 2, 16));
        SearchSession search = done(service.search("x", SearchOptions.defaults(), null));
        assertEquals("timed out after 1 s", byId(search).get("stuck").message());
    }

    @Test
    void startingOneSearchTooManyCancelsTheOldest() throws Exception {
        service.modified(config(30, 100, 2));
        Gated gated = add(new Gated("gated", List.of()));
        SearchSession first = service.search("first", SearchOptions.defaults(), null);
        SearchSession second = service.search("second", SearchOptions.defaults(), null);
        await(() -> gated.calls.get() == 2, "both asked");
        SearchSession third = service.search("third", SearchOptions.defaults(), null);
        assertTrue(first.done());
        assertEquals("cancelled: more than 2 searches at once", first.outcomes().get(0).message());
        assertFalse(second.done());
        assertFalse(third.done());
        gated.release();
        done(second);
        done(third);
    }

    @Test
    void providersAreChosenByIdAndByCategory() throws Exception {
        add(new Healthy("movies", Set.of(SearchCategory.MOVIES),
                List.of(result("film", 1, 1))));
        add(new Healthy("books", Set.of(SearchCategory.BOOKS),
                List.of(result("novel", 2, 1))));
        add(new Healthy("all", EnumSet.allOf(SearchCategory.class),
                List.of(result("anything", 3, 1))));
        SearchSession onlyBooks = done(service.search("x", SearchOptions.defaults()
                .withCategories(Set.of(SearchCategory.BOOKS)), null));
        assertEquals(List.of("all", "books"), onlyBooks.outcomes().stream().map(ProviderOutcome::providerId).toList());
        SearchSession named = done(service.search("x", SearchOptions.defaults().withProviders(Set.of("movies")),
                null));
        assertEquals(List.of("film"), titles(named));
        SearchSession none = done(service.search("x", SearchOptions.defaults().withProviders(Set.of("movies"))
                .withCategories(Set.of(SearchCategory.BOOKS)), null));
        assertEquals(List.of(), none.outcomes(), "a provider named but of other categories is not asked");
    }

    @Test
    void badSearchesAreRefusedInOneLine() {
        add(new Healthy("b", List.of()));
        add(new Healthy("a", List.of()));
        assertEquals("a search needs words to search for", refused(" \t", SearchOptions.defaults()));
        assertEquals("a search may have at most 256 characters, not 257", refused("x".repeat(257), SearchOptions.defaults()));
        assertEquals("no search provider nope; there are a, b",
                refused("x", SearchOptions.defaults().withProviders(Set.of("nope", "a"))));
        assertEquals("no search providers nope, zz; there are a, b",
                refused("x", SearchOptions.defaults().withProviders(Set.of("zz", "nope"))));
        service.removeProvider(providers.get(0));
        service.removeProvider(providers.get(1));
        assertEquals("no search provider a; none is installed",
                refused("x", SearchOptions.defaults().withProviders(Set.of("a"))));
    }

    private String refused(String query, SearchOptions options) {
        return assertThrows(IllegalArgumentException.class, () -> service.search(query, options, null)).getMessage();
    }

    @Test
    void aTimeoutTooLongToCountInNanosecondsIsForever() throws Exception {
        add(new Healthy("one", List.of(result("x", 1, 1))));
        SearchSession search = service.search("x",
                SearchOptions.defaults().withTimeout(Duration.ofSeconds(Long.MAX_VALUE)), null);
        assertTrue(search.await(Duration.ofSeconds(Long.MAX_VALUE)));
        assertEquals(List.of("x"), titles(search));
    }

    @Test
    void withNoProviderToAskTheSearchIsDoneAtOnce() throws Exception {
        RecordingListener listener = new RecordingListener();
        SearchSession search = service.search("x", SearchOptions.defaults(), listener);
        assertTrue(search.done());
        assertEquals(List.of(), search.hits());
        assertEquals(List.of("finished"), listener.events());
    }

    @Test
    void aListenerThatThrowsIsIgnored() throws Exception {
        add(new Healthy("one", List.of(result("x", 1, 1))));
        List<String> heard = Collections.synchronizedList(new ArrayList<>());
        SearchSession search = service.search("x", SearchOptions.defaults(), new SearchListener() {
            @Override
            public void hitsChanged(SearchSession s) {
                heard.add("hits");
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void providerFinished(SearchSession s, ProviderOutcome outcome) {
                heard.add(outcome.providerId());
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void finished(SearchSession s) {
                heard.add("finished");
            }
        });
        done(search);
        await(() -> heard.contains("finished"), "finished heard");
        assertEquals(List.of("hits", "one", "finished"), heard);
        assertEquals(List.of("x"), titles(search));
    }

    @Test
    void idsAreUniqueAndUnusableProvidersAreIgnored() throws Exception {
        Healthy first = add(new Healthy("same", List.of(result("first", 1, 1))));
        Healthy second = add(new Healthy("same", List.of(result("second", 2, 1))));
        add(new Healthy("Bad Id", List.of(result("bad", 3, 1))));
        add(new Healthy("throws", List.of()) {
            @Override
            public String name() {
                throw new IllegalStateException("not configured");
            }
        });
        assertEquals(List.of("same"), service.providers().stream().map(p -> p.id()).toList());
        assertEquals(List.of("first"), titles(done(service.search("x", SearchOptions.defaults(), null))));
        service.removeProvider(first);
        assertEquals(List.of("second"), titles(done(service.search("x", SearchOptions.defaults(), null))),
                "the waiting one takes over the id");
        service.removeProvider(second);
        assertEquals(List.of(), service.providers());
        assertEquals(1, second.calls.get());
    }

    @Test
    void deactivationCancelsTheSearchesRunning() throws Exception {
        add(new Gated("gated", List.of()));
        SearchSession search = service.search("x", SearchOptions.defaults(), null);
        service.deactivate();
        assertTrue(search.done());
        assertEquals("cancelled: the search service stopped", search.outcomes().get(0).message());
        assertEquals("the search service has stopped", assertThrows(IllegalStateException.class,
                () -> service.search("x", SearchOptions.defaults(), null)).getMessage());
    }

    @Test
    void aDoneSearchIsNotKept() throws Exception {
        add(new Healthy("one", List.of(result("x", 1, 1))));
        for (int i = 0; i < 50; i++) {
            done(service.search("x", SearchOptions.defaults(), null));
        }
        assertEquals(0, service.runningSearches());
    }

    private static SearchComponent.Config config(int timeoutSeconds, int maxBusy, int maxRunning) {
        return new SearchComponent.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return SearchComponent.Config.class;
            }

            @Override
            public int timeoutSeconds() {
                return timeoutSeconds;
            }

            @Override
            public int maxBusyCallsPerProvider() {
                return maxBusy;
            }

            @Override
            public int maxRunningSearches() {
                return maxRunning;
            }
        };
    }
}
