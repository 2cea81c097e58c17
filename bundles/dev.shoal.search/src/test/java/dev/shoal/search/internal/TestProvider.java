package dev.shoal.search.internal;

import dev.shoal.search.api.ResultSink;
import dev.shoal.search.api.SearchCategory;
import dev.shoal.search.api.SearchOptions;
import dev.shoal.search.api.SearchProvider;
import dev.shoal.search.api.SearchResult;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Providers as plugins write them, well and badly. Each remembers the threads it ran on, so a test
 * can end them all ({@link #release()}, then {@link #join()}).
 */
abstract class TestProvider implements SearchProvider {

    private final String id;
    private final Set<SearchCategory> categories;
    final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    final AtomicInteger calls = new AtomicInteger();
    final AtomicInteger returned = new AtomicInteger();
    /** Opened by {@link #release()}: providers that wait, wait for this. */
    final CountDownLatch gate = new CountDownLatch(1);

    TestProvider(String id, Set<SearchCategory> categories) {
        this.id = id;
        this.categories = categories;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String name() {
        return id.substring(0, 1).toUpperCase(Locale.ROOT) + id.substring(1);
    }

    @Override
    public Set<SearchCategory> categories() {
        return categories;
    }

    @Override
    public final void search(String query, SearchOptions options, ResultSink sink) throws Exception {
        threads.add(Thread.currentThread());
        calls.incrementAndGet();
        try {
            run(query, options, sink);
        } finally {
            returned.incrementAndGet();
        }
    }

    abstract void run(String query, SearchOptions options, ResultSink sink) throws Exception;

    void release() {
        gate.countDown();
    }

    /** Waits for every thread it ran on to end; they must, once released. */
    void join() throws InterruptedException {
        for (Thread thread : threads) {
            thread.join(TimeUnit.SECONDS.toMillis(30));
            if (thread.isAlive()) {
                throw new AssertionError(thread.getName() + " still runs");
            }
        }
    }

    static SearchResult result(String title, int hashDigit, int seeders) {
        return SearchResult.builder(title).seeders(seeders)
                .infoHash(String.valueOf(Character.forDigit(hashDigit % 16, 16)).repeat(40))
                .torrentUrl(URI.create("http://index.example/" + title + ".torrent")).build();
    }

    /** Offers its results and returns. */
    static class Healthy extends TestProvider {

        private final List<SearchResult> results;

        Healthy(String id, List<SearchResult> results) {
            this(id, Set.of(SearchCategory.OTHER), results);
        }

        Healthy(String id, Set<SearchCategory> categories, List<SearchResult> results) {
            super(id, categories);
            this.results = results;
        }

        @Override
        void run(String query, SearchOptions options, ResultSink sink) {
            for (SearchResult result : results) {
                if (!sink.offer(result)) {
                    return;
                }
            }
        }
    }

    /** Throws what it is given. */
    static final class Throwing extends TestProvider {

        private final Exception failure;

        Throwing(String id, Exception failure) {
            super(id, Set.of(SearchCategory.OTHER));
            this.failure = failure;
        }

        @Override
        void run(String query, SearchOptions options, ResultSink sink) throws Exception {
            sink.offer(result(id() + "-before-failing", 9, 1));
            throw failure;
        }
    }

    /** Waits for {@link #release()}, deaf to interrupts and cancellation, then returns. */
    static final class Hanging extends TestProvider {

        Hanging(String id) {
            super(id, Set.of(SearchCategory.OTHER));
        }

        @Override
        void run(String query, SearchOptions options, ResultSink sink) {
            boolean interrupted = false;
            while (true) {
                try {
                    gate.await();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Offers without looking at what offer() says, from a few hundred distinct results over and over:
     * {@code count} times, or until released when {@code count} is 0.
     */
    static final class Flooding extends TestProvider {

        private final long count;
        volatile boolean refusedSeen;

        Flooding(String id, long count) {
            super(id, Set.of(SearchCategory.OTHER));
            this.count = count;
        }

        @Override
        void run(String query, SearchOptions options, ResultSink sink) {
            SearchResult[] results = new SearchResult[300];
            for (int i = 0; i < results.length; i++) {
                results[i] = SearchResult.builder("flood " + i).seeders(i)
                        .torrentUrl(URI.create("http://flood.example/" + i + ".torrent")).build();
            }
            for (long i = 0; count == 0 ? gate.getCount() > 0 : i < count; i++) {
                if (!sink.offer(results[(int) (i % results.length)])) {
                    refusedSeen = true;
                }
            }
        }
    }

    /** Waits for {@link #release()} (an interrupt ends the wait), then offers its results whatever it was told. */
    static final class Gated extends TestProvider {

        private final List<SearchResult> results;
        volatile boolean sawCancelled;
        volatile boolean sawInterrupt;
        volatile boolean lastOfferTaken;

        Gated(String id, List<SearchResult> results) {
            super(id, Set.of(SearchCategory.OTHER));
            this.results = results;
        }

        @Override
        void run(String query, SearchOptions options, ResultSink sink) {
            try {
                gate.await();
            } catch (InterruptedException e) {
                sawInterrupt = true;
                try {
                    gate.await();
                } catch (InterruptedException again) {
                    Thread.currentThread().interrupt();
                }
            }
            sawCancelled = sink.cancelled();
            for (SearchResult result : results) {
                lastOfferTaken = sink.offer(result);
            }
        }
    }
}
