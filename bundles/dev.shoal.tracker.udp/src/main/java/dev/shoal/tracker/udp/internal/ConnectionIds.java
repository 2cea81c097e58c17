package dev.shoal.tracker.udp.internal;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Connection ids per tracker address. BEP 15 lets a client use one for a minute after it was
 * received, which saves a round trip per announce.
 */
final class ConnectionIds {

    private record Entry(long connectionId, long receivedNanos) {
    }

    private final Map<InetSocketAddress, Entry> entries = new ConcurrentHashMap<>();
    private final LongSupplier nanoClock;

    ConnectionIds(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    OptionalLong valid(InetSocketAddress tracker, Duration lifetime) {
        Entry entry = entries.get(tracker);
        if (entry == null || nanoClock.getAsLong() - entry.receivedNanos() >= lifetime.toNanos()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(entry.connectionId());
    }

    void remember(InetSocketAddress tracker, long connectionId) {
        entries.put(tracker, new Entry(connectionId, nanoClock.getAsLong()));
    }

    /** After a failure the id may be what the tracker rejected: get a fresh one next time. */
    void forget(InetSocketAddress tracker) {
        entries.remove(tracker);
    }
}
