package dev.shoal.support.http;

import dev.shoal.support.text.Sizes;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * A response body read as a stream that cannot run away: it asks the HTTP client for one batch of
 * buffers at a time (so at most two are held, however fast the server sends), stops at
 * {@code maxBytes}, at the {@link Deadline}, when the caller cancels or the thread is interrupted,
 * and in each case cancels the transfer, which closes the connection. The JDK's own
 * {@code ofInputStream()} can do none of the three: its reads block with no timeout.
 */
final class BoundedBody extends InputStream implements Flow.Subscriber<List<ByteBuffer>> {

    /** How often a waiting read looks at the cancel flag when no interrupt comes. */
    private static final long SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private static final Object END = new Object();

    private final String shown;
    private final FetchLimits limits;
    private final BlockingQueue<Object> signals = new LinkedBlockingQueue<>();
    private final AtomicReference<Flow.Subscription> subscription = new AtomicReference<>();
    private volatile boolean closed;

    /** Touched by the reading thread only. */
    private Iterator<ByteBuffer> batch = List.<ByteBuffer>of().iterator();
    private ByteBuffer buffer;
    private long received;
    private boolean ended;
    private IOException failure;

    BoundedBody(String shown, FetchLimits limits) {
        this.shown = shown;
        this.limits = limits;
    }

    /** Why reading stopped early, if it did: a parser that wraps the exception loses it, this keeps it. */
    IOException failure() {
        return failure;
    }

    long received() {
        return received;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        if (!subscription.compareAndSet(null, s) || closed) {
            s.cancel();
            return;
        }
        s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
        signals.add(item);
    }

    @Override
    public void onError(Throwable error) {
        signals.add(error);
    }

    @Override
    public void onComplete() {
        signals.add(END);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
        if (failure != null) {
            throw failure;
        }
        if (length == 0) {
            return 0;
        }
        while (buffer == null || !buffer.hasRemaining()) {
            if (ended || !advance()) {
                return -1;
            }
        }
        int n = Math.min(length, buffer.remaining());
        buffer.get(bytes, offset, n);
        return n;
    }

    @Override
    public void close() {
        closed = true;
        Flow.Subscription s = subscription.get();
        if (s != null && !ended) {
            s.cancel();
        }
    }

    /** Moves to the next buffer; false at the end of the body. */
    @SuppressWarnings("unchecked")
    private boolean advance() throws IOException {
        if (batch.hasNext()) {
            buffer = batch.next();
            return true;
        }
        Object signal = await();
        if (signal == END) {
            ended = true;
            return false;
        }
        if (signal instanceof Throwable error) {
            throw fail(HttpFetcher.describe(error, shown, limits.deadline()));
        }
        List<ByteBuffer> next = (List<ByteBuffer>) signal;
        for (ByteBuffer b : next) {
            received += b.remaining();
        }
        if (received > limits.maxBytes()) {
            throw fail(new FetchException("the answer from " + shown + " is larger than " + Sizes.of(limits.maxBytes())
                    + "; stopped reading there" + limits.tooLargeAdvice()));
        }
        batch = next.iterator();
        subscription.get().request(1);
        buffer = batch.hasNext() ? batch.next() : null;
        return true;
    }

    private Object await() throws IOException {
        BooleanSupplier cancelled = limits.cancelled();
        while (true) {
            if (cancelled.getAsBoolean()) {
                throw fail(new InterruptedIOException("cancelled while reading " + shown));
            }
            long remaining = limits.deadline().remainingNanos();
            if (remaining <= 0) {
                throw fail(new FetchTimeoutException("the answer from " + shown + " was not complete within "
                        + limits.deadline().describe()));
            }
            try {
                Object signal = signals.poll(Math.min(remaining, SLICE_NANOS), TimeUnit.NANOSECONDS);
                if (signal != null) {
                    return signal;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw fail(new InterruptedIOException("interrupted while reading " + shown));
            }
        }
    }

    private IOException fail(IOException e) {
        failure = e;
        close();
        return e;
    }
}
