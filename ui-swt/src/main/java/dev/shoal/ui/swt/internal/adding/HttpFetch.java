package dev.shoal.ui.swt.internal.adding;

import dev.shoal.ui.swt.internal.Units;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fetches a torrent file over HTTP(S): at most {@link #MAX_REDIRECTS} redirects (followed here, so
 * the limit is ours and an https-to-http step is allowed only as browsers allow it), at most
 * {@code limit} bytes (a larger Content-Length is refused before reading), and the whole exchange
 * within the timeout: a server that trickles bytes is cut off as surely as a silent one.
 */
final class HttpFetch {

    static final int MAX_REDIRECTS = 5;

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private final int limit;
    private final Duration timeout;
    private final HttpClient client;

    HttpFetch(int limit, Duration timeout) {
        this.limit = limit;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    byte[] fetch(String url) throws SourceException, InterruptedException {
        URI uri = uri(url, url);
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int redirects = 0;; redirects++) {
            HttpResponse<InputStream> response = send(url, uri, deadline);
            try (InputStream body = response.body()) {
                int status = response.statusCode();
                if (REDIRECTS.contains(status)) {
                    if (redirects == MAX_REDIRECTS) {
                        throw new SourceException(url + ": more than " + MAX_REDIRECTS + " redirects");
                    }
                    String location = response.headers().firstValue("Location")
                            .orElseThrow(() -> new SourceException(url + ": HTTP " + status + " without a Location"));
                    uri = uri(url, uri.resolve(location.strip()).toString());
                    continue;
                }
                if (status / 100 != 2) {
                    throw new SourceException(url + ": HTTP " + status);
                }
                if (response.headers().firstValueAsLong("Content-Length").orElse(-1) > limit) {
                    throw tooLarge(url);
                }
                return readBounded(url, body, deadline - System.nanoTime());
            } catch (IOException e) {
                throw failure(url, e);
            } catch (IllegalArgumentException e) {
                throw new SourceException(url + ": redirected to a bad URL");
            }
        }
    }

    /** {@code text} as an http(s) URI with a host; {@code url} is what the user gave, for the message. */
    private static URI uri(String url, String text) throws SourceException {
        URI uri;
        try {
            uri = URI.create(text);
        } catch (IllegalArgumentException e) {
            throw new SourceException(url + ": not a valid URL" + (url.equals(text) ? "" : " (redirected to " + text + ")"));
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new SourceException(url + ": redirected to " + text + ", not an http(s) URL");
        }
        if (uri.getHost() == null) {
            throw new SourceException(url + ": not a valid URL (no host)");
        }
        return uri;
    }

    private HttpResponse<InputStream> send(String url, URI uri, long deadline)
            throws SourceException, InterruptedException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw noAnswer(url);
        }
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofNanos(left))
                .header("User-Agent", "Shoal").GET().build();
        CompletableFuture<HttpResponse<InputStream>> exchange =
                client.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream());
        try {
            return exchange.get(left, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw noAnswer(url);
        } catch (ExecutionException e) {
            throw failure(url, e.getCause());
        } catch (InterruptedException e) {
            exchange.cancel(true);
            throw e;
        }
    }

    /** Reads the body, closing it (which ends a blocked read) once the deadline passes. */
    private byte[] readBounded(String url, InputStream body, long nanosLeft) throws IOException, SourceException {
        CompletableFuture<Void> timer = new CompletableFuture<>();
        timer.completeOnTimeout(null, Math.max(0, nanosLeft), TimeUnit.NANOSECONDS).thenRun(() -> closeQuietly(body));
        try {
            byte[] bytes = body.readNBytes(limit + 1);
            if (timer.isDone()) {
                throw notAll(url);
            }
            if (bytes.length > limit) {
                throw tooLarge(url);
            }
            return bytes;
        } catch (IOException e) {
            if (timer.isDone()) {
                throw notAll(url);
            }
            throw e;
        } finally {
            timer.cancel(false);
        }
    }

    private SourceException noAnswer(String url) {
        return new SourceException(url + ": no answer within " + span(timeout));
    }

    private SourceException notAll(String url) {
        return new SourceException(url + ": not all of it came within " + span(timeout));
    }

    private SourceException tooLarge(String url) {
        return new SourceException(url + ": larger than " + Units.bytes(limit) + ", not a torrent file");
    }

    private SourceException failure(String url, Throwable cause) {
        if (cause instanceof HttpConnectTimeoutException) {
            return new SourceException(url + ": could not connect within " + span(timeout));
        }
        if (cause instanceof HttpTimeoutException) {
            return noAnswer(url);
        }
        String message = cause.getClass().getSimpleName();
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
                return new SourceException(url + ": unknown host " + URI.create(url).getHost());
            }
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
        }
        return new SourceException(url + ": " + message);
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // Closing is only to end a read that outlived the deadline.
        }
    }

    /** 30 s, 250 ms: a deadline as the message says it. */
    private static String span(Duration span) {
        long millis = span.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }
}
