package dev.shoal.peer.internal.swarm;

import java.util.function.Supplier;

/**
 * The one lock of a torrent's swarm: its roster, its pieces, the picker, the downloader and the
 * uploader change only while it is held. MINA's I/O threads, the disk thread and the timer each take
 * it briefly and never block while holding it (sending only queues). Handed to each part of the
 * swarm that a callback reaches, so none needs the swarm itself to lock.
 */
final class SwarmLock {

    void run(Runnable work) {
        synchronized (this) {
            work.run();
        }
    }

    <T> T get(Supplier<T> work) {
        synchronized (this) {
            return work.get();
        }
    }
}
