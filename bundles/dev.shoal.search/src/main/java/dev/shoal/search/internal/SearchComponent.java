package dev.shoal.search.internal;

import dev.shoal.search.api.ProviderInfo;
import dev.shoal.search.api.ProviderOutcome.Status;
import dev.shoal.search.api.SearchListener;
import dev.shoal.search.api.SearchOptions;
import dev.shoal.search.api.SearchProvider;
import dev.shoal.search.api.SearchService;
import dev.shoal.search.api.SearchSession;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link SearchService}: every {@link SearchProvider} registered (whiteboard, coming and going
 * while searches run) is asked at once, each on a thread of its own, and given up on when its time
 * is up. One timer thread ends the searches that run out of time; listeners are told on event
 * threads of their own. The service keeps a search only while it runs.
 */
@Component(service = SearchService.class, configurationPid = SearchComponent.PID)
@Designate(ocd = SearchComponent.Config.class)
public final class SearchComponent implements SearchService {

    public static final String PID = "dev.shoal.search";

    private static final Logger LOG = LoggerFactory.getLogger(SearchComponent.class);

    @ObjectClassDefinition(name = "Shoal search",
            description = "Searching through the installed search providers: each is asked on a thread of its own,"
                    + " and one that fails, hangs or floods is cut off alone.")
    public @interface Config {

        @AttributeDefinition(name = "Timeout (s)",
                description = "How long each provider may take before it is given up on and the search ends"
                        + " without it; a search may ask for another.", min = "1", max = "600")
        int timeoutSeconds() default 20;

        @AttributeDefinition(name = "Busy calls per provider",
                description = "A provider still stuck in this many searches it was given up on (each holds a"
                        + " thread) is not asked again until one of them returns; its outcome says so.",
                min = "1", max = "100")
        int maxBusyCallsPerProvider() default 2;

        @AttributeDefinition(name = "Searches at once",
                description = "How many searches may run at the same time; one more cancels the oldest.",
                min = "1", max = "1000")
        int maxRunningSearches() default 16;
    }

    private final Providers providers = new Providers();
    /** The searches running, oldest first. Guarded by this. */
    private final Set<Search> running = new LinkedHashSet<>();
    private final ScheduledThreadPoolExecutor timer;
    private final ExecutorService events;
    private volatile SearchSettings settings;
    /** Guarded by this. */
    private boolean stopped;

    @Activate
    public SearchComponent(Config config) {
        this(settingsOf(config));
    }

    /** For use without OSGi; {@link #deactivate()} when done. */
    SearchComponent(SearchSettings settings) {
        this.settings = settings;
        this.timer = new ScheduledThreadPoolExecutor(1, daemons("shoal-search-timer"));
        // A search that finished early must not leave its timeout in the queue until it would have fired.
        timer.setRemoveOnCancelPolicy(true);
        // As many event threads as searches have listeners being told something; idle ones go.
        this.events = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                daemons("shoal-search-events"));
    }

    @Modified
    void modified(Config config) {
        settings = settingsOf(config);
    }

    static SearchSettings settingsOf(Config config) {
        return SearchSettings.of(config.timeoutSeconds(), config.maxBusyCallsPerProvider(),
                config.maxRunningSearches());
    }

    /** Public, as {@link #removeProvider} and {@link #deactivate}, for the shell's tests, which run it without OSGi. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeProvider")
    public synchronized void addProvider(SearchProvider provider) {
        providers.add(provider);
    }

    /** A provider that goes away leaves the searches it is part of; what it delivered stays. */
    public void removeProvider(SearchProvider provider) {
        List<ProviderCall> calls;
        synchronized (this) {
            calls = providers.remove(provider).map(Registered::running).orElse(List.of());
        }
        for (ProviderCall call : calls) {
            call.abandon(Status.CANCELLED, "cancelled: the provider went away");
        }
    }

    @Override
    public synchronized List<ProviderInfo> providers() {
        return providers.active().stream().map(Registered::info).toList();
    }

    @Override
    public SearchSession search(String query, SearchOptions options, SearchListener listener) {
        String words = checked(query);
        SearchSettings now = settings;
        Duration timeout = options.timeout() != null ? options.timeout() : now.timeout();
        Search search;
        Search oldest = null;
        synchronized (this) {
            if (stopped) {
                throw new IllegalStateException("the search service has stopped");
            }
            search = new Search(words, options, timeout, asked(options), listener, events, this::ended);
            if (running.size() >= now.maxRunningSearches()) {
                oldest = running.iterator().next();
                running.remove(oldest);
            }
            running.add(search);
            // Started under the lock, so a provider going away meanwhile finds its calls to cancel.
            search.start(now.maxBusyCallsPerProvider(), timer);
        }
        if (oldest != null) {
            LOG.info("search: more than {} searches at once; cancelling {}", now.maxRunningSearches(), oldest);
            oldest.cancel("cancelled: more than " + now.maxRunningSearches() + " searches at once");
        }
        return search;
    }

    private static String checked(String query) {
        if (query == null || query.isBlank()) {
            throw new IllegalArgumentException("a search needs words to search for");
        }
        String words = query.strip();
        if (words.length() > MAX_QUERY) {
            throw new IllegalArgumentException("a search may have at most " + MAX_QUERY + " characters, not "
                    + words.length());
        }
        return words;
    }

    /** The providers {@code options} choose (all by default) that search any of its categories. Guarded by this. */
    private List<Registered> asked(SearchOptions options) {
        List<Registered> active = providers.active();
        Set<String> known = active.stream().map(Registered::id).collect(Collectors.toSet());
        List<String> unknown = options.providers().stream().filter(id -> !known.contains(id)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException((unknown.size() == 1 ? "no search provider " : "no search providers ")
                    + String.join(", ", unknown) + (known.isEmpty() ? "; none is installed"
                            : "; there are " + String.join(", ", known.stream().sorted().toList())));
        }
        List<Registered> asked = new ArrayList<>();
        for (Registered provider : active) {
            boolean chosen = options.providers().isEmpty() || options.providers().contains(provider.id());
            boolean fits = options.categories().isEmpty()
                    || !Collections.disjoint(options.categories(), provider.info().categories());
            if (chosen && fits) {
                asked.add(provider);
            }
        }
        return asked;
    }

    private synchronized void ended(Search search) {
        running.remove(search);
    }

    /** The number of abandoned calls of the provider {@code id} still running, or -1 when there is none such. */
    synchronized int busy(String id) {
        return providers.active().stream().filter(p -> p.id().equals(id)).mapToInt(Registered::busy).findFirst()
                .orElse(-1);
    }

    synchronized int runningSearches() {
        return running.size();
    }

    /** Cancels the searches running; their listeners hear of it. Threads stuck in providers stay abandoned. */
    @Deactivate
    public void deactivate() {
        List<Search> cancelled;
        synchronized (this) {
            stopped = true;
            cancelled = List.copyOf(running);
        }
        for (Search search : cancelled) {
            search.cancel("cancelled: the search service stopped");
        }
        timer.shutdownNow();
        events.shutdown();
    }

    private static ThreadFactory daemons(String name) {
        AtomicInteger count = new AtomicInteger();
        return work -> thread(work, name + "-" + count.incrementAndGet());
    }

    /**
     * A daemon thread that inherits no inheritable thread-locals from whoever happens to start it:
     * a search started by a shell command would otherwise hand the command's console streams
     * (Gogo keeps them in one) to threads that outlive the command.
     */
    static Thread thread(Runnable work, String name) {
        Thread thread = new Thread(null, work, name, 0, false);
        thread.setDaemon(true);
        return thread;
    }
}
