package dev.shoal.peer.internal.swarm;

import java.util.concurrent.atomic.AtomicInteger;

/** The connections all swarms may hold together: a counting limit, never blocking. */
final class ConnectionSlots {

    /** Changes live with the setting; connections over a lowered limit stay until they close. */
    private volatile int limit;
    private final AtomicInteger used = new AtomicInteger();

    ConnectionSlots(int limit) {
        this.limit = limit;
    }

    void setLimit(int value) {
        limit = value;
    }

    boolean tryAcquire() {
        while (true) {
            int now = used.get();
            if (now >= limit) {
                return false;
            }
            if (used.compareAndSet(now, now + 1)) {
                return true;
            }
        }
    }

    void release() {
        used.decrementAndGet();
    }

    boolean full() {
        return used.get() >= limit;
    }

    int used() {
        return used.get();
    }
}
