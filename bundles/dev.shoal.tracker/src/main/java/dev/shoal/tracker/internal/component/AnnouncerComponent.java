package dev.shoal.tracker.internal.component;

import dev.shoal.metainfo.InfoHash;
import dev.shoal.tracker.api.AnnounceListener;
import dev.shoal.tracker.api.AnnounceSession;
import dev.shoal.tracker.api.Announcer;
import dev.shoal.tracker.api.LocalPeer;
import dev.shoal.tracker.api.TrackerClient;
import dev.shoal.tracker.api.TrackerStatus;
import dev.shoal.tracker.api.TransferStats;
import dev.shoal.tracker.internal.session.Scheduler;
import dev.shoal.tracker.internal.session.Timing;
import dev.shoal.tracker.internal.session.TrackerHosts;
import dev.shoal.tracker.internal.session.TrackerSession;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
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

/**
 * The {@link Announcer} service. Follows every {@link TrackerClient} service as it comes and goes,
 * and runs all sessions on one scheduling thread that it owns, sharing what they learn of each
 * tracker host ({@link TrackerHosts}).
 */
@Component(service = Announcer.class, configurationPid = AnnouncerComponent.PID)
@Designate(ocd = AnnouncerComponent.Config.class)
public final class AnnouncerComponent implements Announcer {

    public static final String PID = "dev.shoal.tracker.announcer";

    @ObjectClassDefinition(name = "Shoal announcer", description = "How torrents are announced to their trackers.")
    public @interface Config {

        @AttributeDefinition(name = "Shortest interval (s)",
                description = "Regular announces never come faster than this, whatever a tracker says.", min = "1")
        int minIntervalSeconds() default 30;

        @AttributeDefinition(name = "First retry (ms)", description = "Wait after a tracker failed once; doubled per failure.",
                min = "1")
        int retryBaseMillis() default 15_000;

        @AttributeDefinition(name = "Longest retry (s)", min = "1")
        int retryMaxSeconds() default 1800;

        @AttributeDefinition(name = "Retry jitter", description = "Share of a retry delay randomly taken off, 0..1.")
        double retryJitter() default 0.25;

        @AttributeDefinition(name = "Tracker timeout (s)", description = "After this the next tracker is tried.",
                min = "1")
        int attemptTimeoutSeconds() default 60;

        @AttributeDefinition(name = "Stop timeout (ms)", description = "How long 'stopped' announces may take on close.",
                min = "1")
        int stopTimeoutMillis() default 5000;

        @AttributeDefinition(name = "Peers wanted", min = "-1")
        int numWant() default 50;
    }

    private final ClientRegistry clients = new ClientRegistry();
    private final Set<TrackerSession> sessions = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService executor;
    private final Scheduler scheduler;
    private final Random random;
    private final TrackerHosts hosts;
    private volatile Timing timing;

    @Activate
    public AnnouncerComponent(Config config) {
        this(timing(config), new Random());
    }

    /** For use without OSGi; {@link #deactivate()} when done. */
    public AnnouncerComponent(Timing timing, Random random) {
        this.timing = timing;
        this.random = random;
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "shoal-announcer");
            thread.setDaemon(true);
            return thread;
        });
        this.scheduler = new ExecutorScheduler(executor, Clock.systemUTC());
        this.hosts = new TrackerHosts(scheduler, () -> this.timing, random);
    }

    @Modified
    void modified(Config config) {
        this.timing = timing(config);
    }

    @Reference(service = TrackerClient.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            unbind = "removeClient", updated = "updatedClient")
    public void addClient(TrackerClient client, Map<String, Object> properties) {
        clients.add(client, properties);
    }

    void updatedClient(TrackerClient client, Map<String, Object> properties) {
        clients.update(client, properties);
    }

    public void removeClient(TrackerClient client) {
        clients.remove(client);
    }

    @Override
    public AnnounceSession open(InfoHash infoHash, List<List<String>> tiers, LocalPeer self,
            AnnounceListener listener, Supplier<TransferStats> stats) {
        Supplier<Timing> current = () -> timing;
        TrackerSession session = new TrackerSession(infoHash, tiers, self, listener, stats, clients, scheduler,
                current, random, hosts);
        sessions.add(session);
        session.start();
        return new Handle(session);
    }

    /** Says 'stopped' for every open session (bounded by the stop timeout), then stops the thread. */
    @Deactivate
    public void deactivate() {
        CompletableFuture<?>[] stops = sessions.stream().map(s -> s.close().toCompletableFuture())
                .toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(stops).get(timing.stopTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // best effort: trackers forget us after their interval anyway
        }
        executor.shutdownNow();
    }

    static Timing timing(Config config) {
        return new Timing(Duration.ofSeconds(config.minIntervalSeconds()), Duration.ofMillis(config.retryBaseMillis()),
                Duration.ofSeconds(Math.max(config.retryMaxSeconds(), 1)), config.retryJitter(),
                Duration.ofSeconds(config.attemptTimeoutSeconds()), Duration.ofMillis(config.stopTimeoutMillis()),
                config.numWant());
    }

    /** Forgets the session once closed, so the component does not keep finished torrents. */
    private final class Handle implements AnnounceSession {
        private final TrackerSession session;

        Handle(TrackerSession session) {
            this.session = session;
        }

        @Override
        public void completed() {
            session.completed();
        }

        @Override
        public void announceNow() {
            session.announceNow();
        }

        @Override
        public List<TrackerStatus> status() {
            return session.status();
        }

        /** Forgotten at once, so that a deactivation right after says nothing for it either. */
        @Override
        public void abandon() {
            sessions.remove(session);
            session.abandon();
        }

        @Override
        public CompletionStage<Void> close() {
            CompletionStage<Void> closed = session.close();
            closed.whenComplete((ignored, failure) -> sessions.remove(session));
            return closed;
        }
    }
}
