package dev.shoal.engine.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The rechecks asked of one torrent: who waits for the next check to end, and whether the next
 * opening of its storage must be followed by a full recheck. Engine thread only.
 */
final class RecheckRequests {

    private final List<CompletableFuture<Void>> waiters = new ArrayList<>();
    private boolean wanted;

    void waitFor(CompletableFuture<Void> done) {
        waiters.add(done);
    }

    /** The next check opening the storage is followed by a full recheck. */
    void want() {
        wanted = true;
    }

    void set(boolean value) {
        wanted = value;
    }

    /** Whether a recheck is wanted; asking forgets it, as the caller now does it (or finds it done). */
    boolean take() {
        boolean was = wanted;
        wanted = false;
        return was;
    }

    /** The check ended: its waiters hear, with {@code failure} when it did not end well (null when it did). */
    void release(Throwable failure) {
        List<CompletableFuture<Void>> waiting = List.copyOf(waiters);
        waiters.clear();
        for (CompletableFuture<Void> waiter : waiting) {
            if (failure == null) {
                waiter.complete(null);
            } else {
                waiter.completeExceptionally(failure);
            }
        }
    }
}
