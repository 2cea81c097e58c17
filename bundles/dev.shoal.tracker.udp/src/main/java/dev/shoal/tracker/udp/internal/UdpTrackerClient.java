package dev.shoal.tracker.udp.internal;

import dev.shoal.metainfo.InfoHash;
import dev.shoal.tracker.api.AnnounceRequest;
import dev.shoal.tracker.api.AnnounceResponse;
import dev.shoal.tracker.api.ScrapeResponse;
import dev.shoal.tracker.api.TrackerClient;
import dev.shoal.tracker.api.TrackerException;
import dev.shoal.udp.api.DatagramHandler;
import dev.shoal.udp.api.UdpPort;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongSupplier;
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
 * The {@link TrackerClient} for {@code udp} trackers (BEP 15), over Shoal's shared {@link UdpPort}:
 * it sends there, and as the last {@link DatagramHandler} claims the answers to its requests. The
 * port is held dynamically: while it is away (its bundle updated) announces fail at once and
 * retransmissions wait for it, so running torrents lose no more than the time of the swap.
 */
@Component(service = {TrackerClient.class, DatagramHandler.class}, configurationPid = UdpTrackerClient.PID,
        property = {TrackerClient.SCHEMES + "=udp",
            DatagramHandler.ORDER + ":Integer=" + DatagramHandler.ORDER_TRACKER})
@Designate(ocd = UdpTrackerClient.Config.class)
public final class UdpTrackerClient implements TrackerClient, DatagramHandler, AutoCloseable {

    public static final String PID = "dev.shoal.tracker.udp";

    @ObjectClassDefinition(name = "Shoal UDP tracker client", description = "Announces and scrapes over UDP (BEP 15).")
    public @interface Config {

        @AttributeDefinition(name = "Retransmission base (ms)",
                description = "Wait before the first retransmission, doubled after each (BEP 15: 15000).", min = "1")
        int retransmitBaseMillis() default 15_000;

        @AttributeDefinition(name = "Retransmissions",
                description = "Largest n of BEP 15's 15 * 2^n schedule; the request fails after it (BEP 15: 8).",
                min = "0", max = "16")
        int maxRetransmissions() default 8;

        @AttributeDefinition(name = "Connection id lifetime (s)", min = "0")
        int connectionLifetimeSeconds() default 60;
    }

    private volatile UdpSettings settings;
    private final UdpTransport transport;
    private final ConnectionIds connections;
    /** Host names are resolved here, so a slow DNS server never holds up a caller or the timer. */
    private final ExecutorService resolver = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "shoal-udp-tracker-resolver");
        thread.setDaemon(true);
        return thread;
    });

    @Activate
    public UdpTrackerClient(Config config) {
        this(UdpSettings.from(config));
    }

    /**
     * For use without OSGi: {@link #bindPort} a port and add this client to its handlers;
     * {@link #close()} when done.
     */
    public UdpTrackerClient(UdpSettings settings) {
        this(settings, System::nanoTime);
    }

    UdpTrackerClient(UdpSettings settings, LongSupplier nanoClock) {
        this.settings = settings;
        this.connections = new ConnectionIds(nanoClock);
        this.transport = new UdpTransport(() -> this.settings);
    }

    @Modified
    void modified(Config config) {
        this.settings = UdpSettings.from(config);
    }

    @Reference(name = "port", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unbindPort")
    public void bindPort(UdpPort port) {
        transport.bind(port);
    }

    public void unbindPort(UdpPort port) {
        transport.unbind(port);
    }

    @Override
    public boolean handle(InetSocketAddress from, ByteBuffer datagram) {
        return transport.handle(from, datagram);
    }

    @Deactivate
    @Override
    public void close() {
        resolver.shutdownNow();
        transport.close();
    }

    @Override
    public CompletionStage<AnnounceResponse> announce(URI tracker, AnnounceRequest request) {
        return call(tracker, (address, call) -> connected(address, call).thenCompose(connectionId -> call.step(
                transport.exchange(address, tx -> Packets.announce(connectionId, tx, request),
                        new UdpTransport.Expected(Packets.ANNOUNCE, Packets.ANNOUNCE_ANSWER))))
                .thenApply(answer -> Packets.announceAnswer(answer, address.getAddress() instanceof Inet6Address)));
    }

    @Override
    public CompletionStage<ScrapeResponse> scrape(URI tracker, List<InfoHash> infoHashes) {
        if (infoHashes.isEmpty() || infoHashes.size() > Packets.MAX_SCRAPE_HASHES
                || infoHashes.stream().anyMatch(hash -> hash.bytes().length != InfoHash.V1_LENGTH)) {
            return CompletableFuture.failedFuture(new TrackerException(TrackerException.Kind.UNSUPPORTED,
                    "a UDP scrape takes 1 to " + Packets.MAX_SCRAPE_HASHES + " 20-byte info-hashes"));
        }
        List<InfoHash> asked = List.copyOf(infoHashes);
        return call(tracker, (address, call) -> connected(address, call).thenCompose(connectionId -> call.step(
                transport.exchange(address, tx -> Packets.scrape(connectionId, tx, asked),
                        new UdpTransport.Expected(Packets.SCRAPE, Packets.HEADER + Packets.SCRAPE_ENTRY * asked.size()))))
                .thenApply(answer -> Packets.scrapeAnswer(answer, asked)));
    }

    /** The work of one call once the tracker's address is known. */
    @FunctionalInterface
    private interface Steps<T> {
        CompletableFuture<T> run(InetSocketAddress tracker, Call<T> call);
    }

    private <T> CompletableFuture<T> call(URI tracker, Steps<T> steps) {
        Call<T> call = new Call<>();
        CompletableFuture<InetSocketAddress> resolved;
        try {
            resolved = resolve(tracker);
        } catch (TrackerException e) {
            return CompletableFuture.failedFuture(e);
        }
        call.step(resolved).thenCompose(address -> steps.run(address, call).whenComplete((answer, failure) -> {
            if (failure != null) {
                connections.forget(address);
            }
        })).whenComplete((answer, failure) -> {
            if (failure == null) {
                call.result.complete(answer);
            } else {
                call.result.completeExceptionally(unwrap(failure));
            }
        });
        return call.result;
    }

    private CompletableFuture<Long> connected(InetSocketAddress tracker, Call<?> call) {
        UdpSettings current = settings;
        OptionalLong known = connections.valid(tracker, current.connectionLifetime());
        if (known.isPresent()) {
            return CompletableFuture.completedFuture(known.getAsLong());
        }
        return call.step(transport.exchange(tracker, Packets::connect,
                new UdpTransport.Expected(Packets.CONNECT, Packets.CONNECT_ANSWER)))
                .thenApply(answer -> {
                    long connectionId = Packets.connectionId(answer);
                    connections.remember(tracker, connectionId);
                    return connectionId;
                });
    }

    private CompletableFuture<InetSocketAddress> resolve(URI tracker) throws TrackerException {
        String host = tracker.getHost();
        int port = tracker.getPort();
        if (!"udp".equalsIgnoreCase(tracker.getScheme()) || host == null || port <= 0 || port > 0xFFFF) {
            throw new TrackerException(TrackerException.Kind.UNSUPPORTED,
                    "not a UDP tracker URL with host and port: " + tracker);
        }
        return CompletableFuture.supplyAsync(() -> {
            try {
                return new InetSocketAddress(InetAddress.getByName(host), port);
            } catch (UnknownHostException e) {
                throw new CompletionException(new TrackerException(TrackerException.Kind.NETWORK,
                        "cannot resolve " + host, e));
            }
        }, resolver);
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof TrackerException || cause instanceof java.util.concurrent.CancellationException) {
            return cause;
        }
        return new TrackerException(TrackerException.Kind.NETWORK, "UDP tracker request failed: " + cause, cause);
    }

    /**
     * The future handed to the caller and the step now under way, so that cancelling the first
     * cancels the second (and with it the retransmissions).
     */
    private static final class Call<T> {
        final CompletableFuture<T> result = new CompletableFuture<>();
        private volatile CompletableFuture<?> step;

        Call() {
            result.whenComplete((answer, failure) -> {
                CompletableFuture<?> current = step;
                if (result.isCancelled() && current != null) {
                    current.cancel(true);
                }
            });
        }

        <S> CompletableFuture<S> step(CompletableFuture<S> next) {
            step = next;
            if (result.isCancelled()) {
                next.cancel(true);
            }
            return next;
        }
    }
}
