package dev.shoal.engine.internal;

import dev.shoal.peer.api.SwarmService;
import dev.shoal.storage.api.StorageService;
import dev.shoal.tracker.api.Announcer;
import java.util.Optional;

/**
 * The storage, announcer and swarm services the engine uses now. Each may be missing for a while, as
 * its bundle is swapped: set on DS's binding thread, read on the engine thread, which follows every
 * change ({@link EngineCore#servicesChanged}). A run notes which service it opened its parts from, so
 * it can tell when they belong to one that left.
 */
final class Services {

    /** One service in use, or none. */
    static final class Current<T> {

        private volatile T service;

        Optional<T> get() {
            return Optional.ofNullable(service);
        }

        /** True when {@code other} is the service in use now (null: none is). */
        boolean is(T other) {
            return service == other;
        }

        void bind(T value) {
            service = value;
        }

        /** Forgets {@code gone} unless another took its place already (DS binds a greedy replacement first). */
        synchronized void unbind(T gone) {
            if (service == gone) {
                service = null;
            }
        }
    }

    final Current<StorageService> storage = new Current<>();
    final Current<Announcer> announcer = new Current<>();
    final Current<SwarmService> swarms = new Current<>();

    Services() {
    }

    /** For use without OSGi: every service there from the start. */
    Services(StorageService storage, Announcer announcer, SwarmService swarms) {
        this.storage.bind(storage);
        this.announcer.bind(announcer);
        this.swarms.bind(swarms);
    }

    /** The port peers reach us on, or 0 without a peer wire. */
    int listenPort() {
        return swarms.get().map(SwarmService::listenPort).orElse(0);
    }
}
