package dev.shoal.shell.internal.fetch;

import dev.shoal.shell.internal.args.ShellException;
import dev.shoal.shell.internal.text.Quantities;
import dev.shoal.shell.internal.text.Spans;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fetches a torrent file over HTTP(S): redirects followed, at most {@code limit} bytes (a larger
 * Content-Length is refused before the body is read), and the whole exchange within
 * {@code deadline} — a server that trickles bytes is cut off as surely as a silent one.
 */
public final class UrlFetch {

    public static final Duration DEADLINE = Duration.ofSeconds(60);

    private final int limit;
    private final Duration deadline;
    private final String userAgent;

    public UrlFetch(String userAgent) {
        this(TorrentSource.MAX_BYTES, DEADLINE, userAgent);
    }

    public UrlFetch(int limit, Duration deadline, String userAgent) {
        this.limit = limit;
        this.deadline = deadline;
        this.userAgent = userAgent;
    }

    public byte[] fetch(String url) throws InterruptedException {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new ShellException(url + ": not a valid URL");
        }
        if (uri.getHost() == null) {
            throw new ShellException(url + ": not a valid URL (no host)");
        }
        long start = System.nanoTime();
        HttpClient client = HttpClient.newBuilder().connectTimeout(deadline)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(deadline).header("User-Agent", userAgent).GET().build();
        CompletableFuture<HttpResponse<InputStream>> exchange =
                client.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream());
        HttpResponse<InputStream> response;
        try {
            response = exchange.get(deadline.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new ShellException(url + ": no answer within " + Spans.human(deadline));
        } catch (ExecutionException e) {
            throw failure(url, e.getCause());
        } catch (InterruptedException e) {
            exchange.cancel(true);
            throw e;
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new ShellException(url + ": HTTP " + response.statusCode());
            }
            if (response.headers().firstValueAsLong("Content-Length").orElse(-1) > limit) {
                throw tooLarge(url);
            }
            return readBounded(url, body, deadline.toNanos() - (System.nanoTime() - start));
        } catch (IOException e) {
            throw failure(url, e);
        }
    }

    /** Reads the body, closing it (which ends a blocked read) once the deadline passes. */
    private byte[] readBounded(String url, InputStream body, long nanosLeft) throws IOException {
        CompletableFuture<Void> timer = new CompletableFuture<>();
        timer.completeOnTimeout(null, Math.max(0, nanosLeft), TimeUnit.NANOSECONDS)
                .thenRun(() -> closeQuietly(body));
        try {
            byte[] bytes = body.readNBytes(limit + 1);
            if (timer.isDone()) {
                throw new ShellException(url + ": not all of it came within " + Spans.human(deadline));
            }
            if (bytes.length > limit) {
                throw tooLarge(url);
            }
            return bytes;
        } catch (IOException e) {
            if (timer.isDone()) {
                throw new ShellException(url + ": not all of it came within " + Spans.human(deadline));
            }
            throw e;
        } finally {
            timer.cancel(false);
        }
    }

    private ShellException tooLarge(String url) {
        return new ShellException(url + ": larger than " + Quantities.size(limit) + ", not a torrent file");
    }

    private ShellException failure(String url, Throwable cause) {
        if (cause instanceof HttpConnectTimeoutException) {
            return new ShellException(url + ": could not connect within " + Spans.human(deadline));
        }
        if (cause instanceof HttpTimeoutException) {
            return new ShellException(url + ": no answer within " + Spans.human(deadline));
        }
        String message = cause.getClass().getSimpleName();
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof java.nio.channels.UnresolvedAddressException || t instanceof java.net.UnknownHostException) {
                return new ShellException(url + ": unknown host " + URI.create(url).getHost());
            }
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
        }
        return new ShellException(url + ": " + message);
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // Closing is only to end a read that outlived the deadline.
        }
    }
}
