package dev.shoal.tracker.http.internal;

import dev.shoal.tracker.api.TrackerException;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body up to a limit and gives up beyond it, so a hostile or broken tracker
 * cannot make us buffer without end.
 *
 * <p>Not dev.shoal.support.http, which fetches everything else in Shoal: that fetcher blocks its
 * caller's thread until the answer is read, which suits a search or a torrent file on a worker
 * thread. An announce is an asynchronous exchange (the announcer has every tracker of every torrent
 * in flight at once, without a thread each) on this bundle's own configured client and time
 * limits, and its failures are {@link TrackerException} kinds the announcer's backoff reads, with
 * a tracker's failure reason taken even from a 4xx answer. What it has in common with the shared
 * fetcher, a body cut at a limit, is this small class.
 */
final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {

    private final int maxBytes;
    private final boolean declaredTooLarge;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private Flow.Subscription subscription;

    private BoundedBody(int maxBytes, boolean declaredTooLarge) {
        this.maxBytes = maxBytes;
        this.declaredTooLarge = declaredTooLarge;
    }

    static HttpResponse.BodyHandler<byte[]> handler(int maxBytes) {
        return info -> {
            long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
            return new BoundedBody(maxBytes, declared > maxBytes);
        };
    }

    static TrackerException tooLarge(int maxBytes) {
        return new TrackerException(TrackerException.Kind.MALFORMED_RESPONSE,
                "tracker answer is larger than the limit of " + maxBytes + " bytes");
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        if (declaredTooLarge) {
            // Content-Length already says too much: do not read a byte of it.
            subscription.cancel();
            result.completeExceptionally(tooLarge(maxBytes));
            return;
        }
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer buffer : buffers) {
            if (bytes.size() + buffer.remaining() > maxBytes) {
                subscription.cancel();
                result.completeExceptionally(tooLarge(maxBytes));
                return;
            }
            byte[] chunk = new byte[buffer.remaining()];
            buffer.get(chunk);
            bytes.writeBytes(chunk);
        }
    }

    @Override
    public void onError(Throwable throwable) {
        result.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
        result.complete(bytes.toByteArray());
    }
}
