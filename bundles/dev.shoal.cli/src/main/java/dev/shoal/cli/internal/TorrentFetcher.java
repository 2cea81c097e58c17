package dev.shoal.cli.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import dev.shoal.bencode.DecoderLimits;

/**
 * Fetches a torrent file over HTTP(S) with the JDK's client: redirects followed, 30 s to connect
 * and 30 s at most without a byte (headers or body), bodies over the decoder's input limit refused
 * before they fill memory, and anything but 200 an error naming the status.
 */
final class TorrentFetcher {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final int limit;
    private final Duration timeout;
    private final String userAgent;

    TorrentFetcher(String userAgent) {
        this(DecoderLimits.DEFAULT.maxInputBytes(), TIMEOUT, userAgent);
    }

    TorrentFetcher(int limit, Duration timeout, String userAgent) {
        this.limit = limit;
        this.timeout = timeout;
        this.userAgent = userAgent;
    }

    static boolean isUrl(String target) {
        String t = target.toLowerCase(Locale.ROOT);
        return t.startsWith("http://") || t.startsWith("https://");
    }

    byte[] fetch(String url) throws CommandFailure, InterruptedException {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(url + ": not a valid URL");
        }
        if (uri.getHost() == null) {
            throw new CommandFailure(url + ": not a valid URL (no host)");
        }
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header("User-Agent", userAgent).GET().build();
        AtomicReference<LimitedBody> body = new AtomicReference<>();
        CompletableFuture<HttpResponse<byte[]>> response = client.sendAsync(request, info -> {
            if (info.statusCode() != 200) {
                return HttpResponse.BodySubscribers.replacing(null);
            }
            long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
            LimitedBody subscriber = new LimitedBody(limit, declared > limit);
            body.set(subscriber);
            return subscriber;
        });
        long lastActivity = System.nanoTime();
        long seenBytes = -1;
        while (true) {
            try {
                HttpResponse<byte[]> answer = response.get(200, TimeUnit.MILLISECONDS);
                if (answer.statusCode() != 200) {
                    throw new CommandFailure(url + ": HTTP " + answer.statusCode());
                }
                return answer.body();
            } catch (TimeoutException e) {
                // Still coming: fail only when nothing arrived for the whole timeout.
                LimitedBody subscriber = body.get();
                long received = subscriber == null ? -1 : subscriber.received();
                if (received != seenBytes) {
                    seenBytes = received;
                    lastActivity = System.nanoTime();
                } else if (System.nanoTime() - lastActivity > timeout.toNanos()) {
                    response.cancel(true);
                    throw new CommandFailure(url + ": no data for " + Durations.human(timeout) + ", giving up");
                }
            } catch (ExecutionException e) {
                throw failure(url, e.getCause());
            } catch (InterruptedException e) {
                response.cancel(true);
                throw e;
            }
        }
    }

    private CommandFailure failure(String url, Throwable cause) {
        if (cause instanceof TooLarge) {
            return new CommandFailure(url + ": larger than " + Sizes.human(limit) + ", too large to be a torrent file");
        }
        if (cause instanceof HttpConnectTimeoutException) {
            return new CommandFailure(url + ": could not connect within " + Durations.human(timeout));
        }
        if (cause instanceof HttpTimeoutException) {
            return new CommandFailure(url + ": no answer within " + Durations.human(timeout));
        }
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
                return new CommandFailure(url + ": unknown host " + URI.create(url).getHost());
            }
        }
        if (cause instanceof ConnectException) {
            return new CommandFailure(url + ": cannot connect (" + deepestMessage(cause) + ")");
        }
        return new CommandFailure(url + ": " + deepestMessage(cause));
    }

    /** The most specific message of a chain; the class name when none says anything. */
    private static String deepestMessage(Throwable error) {
        String message = error.getClass().getSimpleName();
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
        }
        return message;
    }

    private static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;
    }

    /** Collects the body up to the limit and fails past it, without reading the rest. */
    private static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {

        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final int limit;
        private final boolean refuse;
        private volatile long received;
        private Flow.Subscription subscription;

        LimitedBody(int limit, boolean refuse) {
            this.limit = limit;
            this.refuse = refuse;
        }

        long received() {
            return received;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (refuse) {
                s.cancel();
                result.completeExceptionally(new TooLarge());
            } else {
                s.request(Long.MAX_VALUE);
            }
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            for (ByteBuffer item : items) {
                if (result.isDone()) {
                    return;
                }
                if ((long) bytes.size() + item.remaining() > limit) {
                    subscription.cancel();
                    result.completeExceptionally(new TooLarge());
                    return;
                }
                byte[] chunk = new byte[item.remaining()];
                item.get(chunk);
                bytes.write(chunk, 0, chunk.length);
                received = bytes.size();
            }
        }

        @Override
        public void onError(Throwable error) {
            result.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toByteArray());
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }
    }
}
