package dev.shoal.tracker.http.internal;

import dev.shoal.metainfo.InfoHash;
import dev.shoal.portmap.api.ExternalAddress;
import dev.shoal.tracker.api.AnnounceRequest;
import dev.shoal.tracker.api.AnnounceResponse;
import dev.shoal.tracker.api.ScrapeResponse;
import dev.shoal.tracker.api.TrackerClient;
import dev.shoal.tracker.api.TrackerException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The {@link TrackerClient} for {@code http} and {@code https} trackers (BEP 3, 7, 23, 48), on
 * the JDK's {@link HttpClient}. Announces name our reachable IPv4 and IPv6 addresses where known
 * ({@code ipv4=}, {@code ipv6=}: {@link OwnAddresses}).
 */
@Component(service = TrackerClient.class, configurationPid = HttpTrackerClient.PID,
        property = {TrackerClient.SCHEMES + "=http", TrackerClient.SCHEMES + "=https"})
@Designate(ocd = HttpTrackerClient.Config.class)
public final class HttpTrackerClient implements TrackerClient {

    public static final String PID = "dev.shoal.tracker.http";

    @ObjectClassDefinition(name = "Shoal HTTP tracker client", description = "Announces and scrapes over HTTP(S).")
    public @interface Config {

        @AttributeDefinition(name = "Connect timeout (ms)", min = "1")
        int connectTimeoutMillis() default 10_000;

        @AttributeDefinition(name = "Request timeout (ms)", description = "From sending to the end of the answer.",
                min = "1")
        int requestTimeoutMillis() default 30_000;

        @AttributeDefinition(name = "Largest answer (bytes)", min = "1024")
        int maxResponseBytes() default HttpSettings.DEFAULT_MAX_RESPONSE_BYTES;

        @AttributeDefinition(name = "User-Agent")
        String userAgent() default "Shoal/0.1";
    }

    /** Replaced as a whole on reconfiguration, so a request never mixes old and new settings. */
    private volatile Transport transport;
    private final OwnAddresses own = new OwnAddresses();

    /**
     * The address a router told the port mapper, for {@code ipv4=}; optional and dynamic: without
     * the port mapper (or before a router answered) announces go on without it.
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setExternalAddress(ExternalAddress address) {
        own.external(address.address());
    }

    void unsetExternalAddress(ExternalAddress address) {
        own.external(null);
    }

    @Activate
    public HttpTrackerClient(Config config) {
        this(HttpSettings.from(config));
    }

    /** For use without OSGi. */
    public HttpTrackerClient(HttpSettings settings) {
        this.transport = new Transport(settings);
    }

    @Modified
    void modified(Config config) {
        this.transport = new Transport(HttpSettings.from(config));
    }

    @Override
    public CompletionStage<AnnounceResponse> announce(URI tracker, AnnounceRequest request) {
        Transport current = transport;
        return current.get(TrackerUrls.announce(tracker, request, own.ipv4(), own.ipv6()), current.answers::announce);
    }

    @Override
    public CompletionStage<ScrapeResponse> scrape(URI tracker, List<InfoHash> infoHashes) {
        Transport current = transport;
        try {
            return current.get(TrackerUrls.scrape(tracker, infoHashes), current.answers::scrape);
        } catch (TrackerException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Reads one kind of answer. */
    @FunctionalInterface
    private interface Reader<T> {
        T read(byte[] body) throws TrackerException;
    }

    /** One configuration's HTTP client and limits. */
    private static final class Transport {
        private final HttpSettings settings;
        private final Answers answers;
        /**
         * Made at the first request, not when the component activates: building one sets up TLS,
         * ~0.3 s of CPU that would otherwise delay the start of everything after this component.
         */
        private HttpClient http;

        Transport(HttpSettings settings) {
            this.settings = settings;
            this.answers = new Answers(settings.maxResponseBytes());
        }

        private synchronized HttpClient http() {
            if (http == null) {
                http = HttpClient.newBuilder()
                        .connectTimeout(settings.connectTimeout())
                        .followRedirects(HttpClient.Redirect.NORMAL)
                        .build();
            }
            return http;
        }

        <T> CompletableFuture<T> get(URI uri, Reader<T> reader) {
            HttpRequest request;
            try {
                request = HttpRequest.newBuilder(uri).GET().timeout(settings.requestTimeout())
                        .header("User-Agent", settings.userAgent()).build();
            } catch (IllegalArgumentException e) {
                return CompletableFuture.failedFuture(new TrackerException(TrackerException.Kind.UNSUPPORTED,
                        "not a usable HTTP tracker URL: " + uri, e));
            }
            CompletableFuture<HttpResponse<byte[]>> sent =
                    http().sendAsync(request, BoundedBody.handler(settings.maxResponseBytes()));
            CompletableFuture<T> result = new CompletableFuture<>();
            sent.whenComplete((response, failure) -> {
                try {
                    if (failure != null) {
                        throw translate(failure, uri);
                    }
                    result.complete(read(response, reader));
                } catch (TrackerException e) {
                    result.completeExceptionally(e);
                } catch (RuntimeException e) {
                    result.completeExceptionally(new TrackerException(TrackerException.Kind.MALFORMED_RESPONSE,
                            "cannot read the answer of " + uri + ": " + e, e));
                }
            });
            // A caller that gives up should not leave the exchange running.
            result.whenComplete((ignored, failure) -> {
                if (result.isCancelled()) {
                    sent.cancel(true);
                }
            });
            return result;
        }

        private <T> T read(HttpResponse<byte[]> response, Reader<T> reader) throws TrackerException {
            if (response.statusCode() == 200) {
                return reader.read(response.body());
            }
            // Trackers often send their failure reason with a 4xx/5xx status: prefer its words.
            try {
                reader.read(response.body());
            } catch (TrackerException e) {
                if (e.kind() == TrackerException.Kind.TRACKER_FAILURE) {
                    throw e;
                }
            }
            throw new TrackerException(TrackerException.Kind.NETWORK,
                    "tracker answered with HTTP status " + response.statusCode());
        }

        private TrackerException translate(Throwable failure, URI uri) {
            Throwable cause = failure;
            while (cause instanceof CompletionException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            for (Throwable t = cause; t != null; t = t.getCause()) {
                if (t instanceof TrackerException tracker) {
                    return tracker;
                }
            }
            if (cause instanceof HttpTimeoutException) {
                return new TrackerException(TrackerException.Kind.NETWORK,
                        "no answer from " + uri.getHost() + " in time: " + cause.getMessage(), cause);
            }
            return new TrackerException(TrackerException.Kind.NETWORK,
                    "cannot reach " + uri.getHost() + ": " + cause, cause);
        }
    }
}
