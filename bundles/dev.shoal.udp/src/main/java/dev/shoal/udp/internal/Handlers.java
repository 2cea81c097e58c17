package dev.shoal.udp.internal;

import dev.shoal.udp.api.DatagramHandler;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link DatagramHandler}s in their {@link DatagramHandler#ORDER}, and the dispatch of one
 * datagram through them until one claims it. Changes copy the array, so the receive thread reads
 * it without a lock: handlers come and go far less often than datagrams.
 */
public final class Handlers {

    private static final Logger LOG = LoggerFactory.getLogger(Handlers.class);
    private static final Comparator<Entry> ORDERED = Comparator.comparingInt(Entry::order)
            .thenComparingLong(Entry::tieBreak);

    /** One handler, where it is asked, and what it did. */
    private record Entry(DatagramHandler handler, int order, long tieBreak, String name, LongAdder claimed,
            LongAdder failures, AtomicBoolean failureLogged) {
    }

    private volatile Entry[] entries = new Entry[0];
    private final LongAdder received = new LongAdder();
    private final LongAdder unclaimed = new LongAdder();
    /** Orders handlers of equal order by arrival when no service id says otherwise. */
    private final AtomicLong arrivals = new AtomicLong();

    /** Adds {@code handler} (again: moved) at {@code order}; ties are asked in {@code tieBreak} order. */
    public synchronized void add(DatagramHandler handler, int order, long tieBreak, String name) {
        Entry[] without = without(handler);
        Entry[] with = Arrays.copyOf(without, without.length + 1);
        with[without.length] = new Entry(handler, order, tieBreak, name, new LongAdder(), new LongAdder(),
                new AtomicBoolean());
        Arrays.sort(with, ORDERED);
        entries = with;
    }

    /** For use without OSGi: ties are asked in the order they were added. */
    public void add(DatagramHandler handler, int order) {
        add(handler, order, arrivals.incrementAndGet(), handler.getClass().getSimpleName());
    }

    public synchronized void remove(DatagramHandler handler) {
        entries = without(handler);
    }

    private Entry[] without(DatagramHandler handler) {
        return Arrays.stream(entries).filter(entry -> entry.handler() != handler).toArray(Entry[]::new);
    }

    /**
     * Offers the first {@code length} bytes of {@code view} to each handler in order until one claims
     * them. Each handler sees them from position 0, whatever the one before it read.
     */
    void dispatch(InetSocketAddress from, ByteBuffer view, int length) {
        received.increment();
        for (Entry entry : entries) {
            view.clear().limit(length);
            if (offer(entry, from, view)) {
                entry.claimed().increment();
                return;
            }
        }
        unclaimed.increment();
    }

    private static boolean offer(Entry entry, InetSocketAddress from, ByteBuffer view) {
        try {
            return entry.handler().handle(from, view);
        } catch (RuntimeException | LinkageError e) {
            // LinkageError: a handler's bundle updated under it. Either way the next handler still gets
            // its turn, and a handler failing on every datagram is logged once, then only counted.
            entry.failures().increment();
            if (entry.failureLogged().compareAndSet(false, true)) {
                LOG.warn("UDP handler {} failed on a datagram from {} (further failures are only counted): {}",
                        entry.name(), from, e.toString(), e);
            }
            return false;
        }
    }

    /** What was received, claimed per handler (in order), and left unclaimed. */
    DispatchCounts counts() {
        Map<String, Long> claimed = new LinkedHashMap<>();
        long failures = 0;
        for (Entry entry : entries) {
            claimed.merge(entry.name() + "@" + entry.order(), entry.claimed().sum(), Long::sum);
            failures += entry.failures().sum();
        }
        return new DispatchCounts(received.sum(), claimed, unclaimed.sum(), failures);
    }

    /**
     * @param claimedByHandler per handler now registered, "name@order", in the order they are asked
     * @param handlerFailures  handler calls that threw, by the handlers now registered
     */
    record DispatchCounts(long received, Map<String, Long> claimedByHandler, long unclaimed, long handlerFailures) {
    }
}
