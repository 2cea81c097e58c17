package dev.shoal.support.http;

import dev.shoal.support.text.Sizes;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import javax.net.ssl.SSLException;

/**
 * Bounded HTTP GETs (and POSTs, without redirects) with the JDK's client: a connect timeout, one {@link Deadline} for headers and
 * body together, a body cut at {@link FetchLimits#maxBytes()}, at most {@value #MAX_REDIRECTS}
 * redirects (followed here, so the limit is ours and each hop's URL can be masked in messages),
 * and cancellation by the caller's flag or a thread interrupt. Every failure is a one-line
 * {@link IOException} naming the URL as the {@link Redactor} shows it.
 */
public final class HttpFetcher {

    public static final int MAX_REDIRECTS = 5;

    /** No connection waits longer than this, however long the whole exchange may take. */
    private static final Duration MAX_CONNECT = Duration.ofSeconds(10);

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final long SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final HttpClient client;
    private final String userAgent;
    private final String accept;

    /**
     * @param accept the media types asked for, as an {@code Accept} header says them
     */
    public HttpFetcher(Duration connectTimeout, String userAgent, String accept) {
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                // HTTP/1.1 plainly: no h2c upgrade dance with small index servers.
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.userAgent = userAgent;
        this.accept = accept;
    }

    /** For exchanges that take at most {@code timeout}: connecting takes no longer, nor over 10 s. */
    public static HttpFetcher forTimeout(Duration timeout, String userAgent, String accept) {
        return new HttpFetcher(timeout.compareTo(MAX_CONNECT) < 0 ? timeout : MAX_CONNECT, userAgent, accept);
    }

    /**
     * GETs {@code uri}, following redirects, and returns the final response with its body still to
     * read; the caller closes it. Statuses other than redirects are returned as they are.
     */
    public FetchResponse get(URI uri, FetchLimits limits, Redactor redactor) throws IOException {
        URI current = uri;
        for (int hop = 0; ; hop++) {
            FetchResponse response = once(current, limits, redactor, HttpRequest.Builder::GET);
            if (!REDIRECTS.contains(response.status())) {
                return response;
            }
            response.close();
            String shown = redactor.uri(current);
            String location = response.header("Location");
            if (location == null) {
                throw new FetchException("HTTP " + response.status() + " from " + shown + " without a Location to go to");
            }
            if (hop == MAX_REDIRECTS) {
                throw new FetchException("more than " + MAX_REDIRECTS + " redirects from " + redactor.uri(uri));
            }
            URI next = Links.parse(location);
            next = next == null ? null : current.resolve(next);
            if (next == null || !isHttp(next)) {
                throw new FetchException(shown + " redirects to " + redactor.text(Links.abbreviate(location))
                        + ", which is no http(s) URL");
            }
            current = next;
        }
    }

    /**
     * POSTs {@code body} to {@code uri} with {@code headers} (a SOAP call to a router), and returns
     * the response with its body still to read, whatever its status; redirects are not followed.
     */
    public FetchResponse post(URI uri, Map<String, String> headers, byte[] body, FetchLimits limits, Redactor redactor)
            throws IOException {
        return once(uri, limits, redactor, b -> {
            headers.forEach(b::header);
            b.POST(HttpRequest.BodyPublishers.ofByteArray(body));
        });
    }

    /** An http or https URL with a host; false for {@code null}. */
    public static boolean isHttp(URI uri) {
        String scheme = Links.scheme(uri);
        return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
    }

    private FetchResponse once(URI uri, FetchLimits limits, Redactor redactor, Consumer<HttpRequest.Builder> method)
            throws IOException {
        String shown = redactor.uri(uri);
        Deadline deadline = limits.deadline();
        if (deadline.expired()) {
            throw new FetchTimeoutException("no time left to ask " + shown + " (its " + deadline.describe()
                    + " are up)");
        }
        HttpRequest request;
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(uri);
            method.accept(builder);
            request = builder
                    .timeout(Duration.ofNanos(deadline.remainingNanos()))
                    .header("User-Agent", userAgent)
                    .header("Accept", accept)
                    .build();
        } catch (IllegalArgumentException e) {
            throw new FetchException("cannot ask " + shown + ": " + redactor.text(e.getMessage()));
        }
        CompletableFuture<HttpResponse<Flow.Publisher<List<ByteBuffer>>>> future =
                client.sendAsync(request, BodyHandlers.ofPublisher());
        HttpResponse<Flow.Publisher<List<ByteBuffer>>> response = awaitHeaders(future, shown, limits);
        BoundedBody body = new BoundedBody(shown, limits);
        response.body().subscribe(body);
        FetchResponse fetched = new FetchResponse(response, shown, body);
        long announced = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        if (announced > limits.maxBytes() && !REDIRECTS.contains(response.statusCode())) {
            fetched.close();
            throw new FetchException("the answer from " + shown + " has " + Sizes.of(announced) + ", more than the "
                    + Sizes.of(limits.maxBytes()) + " allowed" + limits.tooLargeAdvice());
        }
        return fetched;
    }

    /** Waits for the status line and headers, looking at the cancel flag between short waits. */
    private static HttpResponse<Flow.Publisher<List<ByteBuffer>>> awaitHeaders(
            CompletableFuture<HttpResponse<Flow.Publisher<List<ByteBuffer>>>> future, String shown, FetchLimits limits)
            throws IOException {
        Deadline deadline = limits.deadline();
        try {
            while (true) {
                if (limits.cancelled().getAsBoolean()) {
                    throw abandon(future, new InterruptedIOException("cancelled while asking " + shown));
                }
                long remaining = deadline.remainingNanos();
                if (remaining <= 0) {
                    throw abandon(future, new FetchTimeoutException("no answer from " + shown + " within "
                            + deadline.describe()));
                }
                try {
                    return future.get(Math.min(remaining, SLICE_NANOS), TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    // Look at the flags again.
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw abandon(future, new InterruptedIOException("interrupted while asking " + shown));
        } catch (ExecutionException | CancellationException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw describe(cause, shown, deadline);
        }
    }

    /**
     * Gives up on a request. If its response still comes, the body is cancelled at once so the
     * connection does not wait for a reader that is gone.
     */
    private static IOException abandon(CompletableFuture<HttpResponse<Flow.Publisher<List<ByteBuffer>>>> future,
            IOException why) {
        future.cancel(true);
        future.thenAccept(response -> response.body().subscribe(new Flow.Subscriber<List<ByteBuffer>>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.cancel();
            }

            @Override
            public void onNext(List<ByteBuffer> item) {
            }

            @Override
            public void onError(Throwable throwable) {
            }

            @Override
            public void onComplete() {
            }
        }));
        return why;
    }

    /**
     * One line for what went wrong on the wire. The JDK wraps its causes in layers, often without
     * messages (a refused connection is a ConnectException around a ClosedChannelException), so
     * the whole chain is looked through for a cause with a meaning.
     */
    static IOException describe(Throwable error, String shown, Deadline deadline) {
        Throwable told = null;
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            IOException known = known(cause, shown, deadline);
            if (known != null) {
                return known;
            }
            if (told == null && cause.getMessage() != null && !(cause instanceof ExecutionException)
                    && !(cause instanceof java.util.concurrent.CompletionException)) {
                told = cause;
            }
        }
        String message = told == null ? error.getClass().getSimpleName() : oneLine(told.getMessage());
        return new FetchException("fetching " + shown + " failed: " + message);
    }

    private static IOException known(Throwable cause, String shown, Deadline deadline) {
        if (cause instanceof HttpConnectTimeoutException) {
            return new FetchTimeoutException("could not connect to " + shown + " within " + deadline.describe());
        }
        if (cause instanceof HttpTimeoutException) {
            return new FetchTimeoutException("no answer from " + shown + " within " + deadline.describe());
        }
        if (cause instanceof ConnectException) {
            return new FetchException("cannot connect to " + shown + ": connection refused");
        }
        if (cause instanceof UnknownHostException || cause instanceof UnresolvedAddressException) {
            return new FetchException("cannot connect to " + shown + ": unknown host");
        }
        if (cause instanceof SSLException) {
            return new FetchException("TLS with " + shown + " failed: " + oneLine(cause.getMessage()));
        }
        if (cause instanceof CancellationException) {
            return new InterruptedIOException("cancelled while asking " + shown);
        }
        return null;
    }

    /** {@code text} on one line of at most 300 characters, for a message. */
    public static String oneLine(String text) {
        String line = text == null ? "" : text.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
        return line.length() <= 300 ? line : line.substring(0, 297) + "...";
    }
}
