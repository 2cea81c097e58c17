package dev.shoal.search.internal;

import dev.shoal.search.api.ProviderInfo;
import dev.shoal.search.api.SearchProvider;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A registered provider: what it said about itself when it came (asked once, so a plugin's id()
 * cannot change under the service or throw later), the calls of it now running, and how many
 * abandoned calls of it have not returned yet.
 */
final class Registered {

    private final SearchProvider provider;
    private final ProviderInfo info;
    /** Calls started and not yet finished; a provider that goes away cancels them. */
    private final Set<ProviderCall> running = ConcurrentHashMap.newKeySet();
    /** Calls timed out or cancelled whose thread is still inside the provider. */
    private final AtomicInteger busy = new AtomicInteger();

    Registered(SearchProvider provider, ProviderInfo info) {
        this.provider = provider;
        this.info = info;
    }

    SearchProvider provider() {
        return provider;
    }

    ProviderInfo info() {
        return info;
    }

    String id() {
        return info.id();
    }

    String name() {
        return info.name();
    }

    void started(ProviderCall call) {
        running.add(call);
    }

    void finished(ProviderCall call) {
        running.remove(call);
    }

    List<ProviderCall> running() {
        return List.copyOf(running);
    }

    int busy() {
        return busy.get();
    }

    void abandoned() {
        busy.incrementAndGet();
    }

    void abandonedReturned() {
        busy.decrementAndGet();
    }
}
