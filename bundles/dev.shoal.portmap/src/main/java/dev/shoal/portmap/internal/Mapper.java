package dev.shoal.portmap.internal;

import dev.shoal.portmap.api.ExternalAddress;
import dev.shoal.portmap.api.Mapping;
import dev.shoal.portmap.api.PortMapStatus;
import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.logging.Logger;

/**
 * Keeps our ports mapped on every router found: looks at the gateways and the ports wanted every
 * {@code refreshSeconds} (a new gateway, a VPN coming up or a port changed takes effect then), runs
 * each {@link MappingJob} when due, and removes every granted mapping at {@link #stop}. Each
 * {@link #tick} says when the next one is due, so its caller sleeps till then. Only one thread
 * calls it; {@link #status()} may be read from any.
 */
final class Mapper {

    private static final Logger LOG = Logger.getLogger(Mapper.class.getName());

    /** Finds the gateways; an I/O failure means none for now. */
    interface GatewayFinder {
        List<Gateway> find(Set<String> interfaces) throws IOException;
    }

    /** The routers to ask toward one gateway, as the settings choose them. */
    interface RouterMaker {
        List<Router> make(Gateway gateway, Settings settings);
    }

    /** A port we want mapped. */
    record Port(Transport transport, int port) {
    }

    private final GatewayFinder finder;
    private final RouterMaker routersFor;
    private final LongSupplier clock;
    private Settings settings;
    private List<Gateway> gateways = List.of();
    private List<Router> routers = List.of();
    private final List<MappingJob> jobs = new ArrayList<>();
    private long nextRefresh;
    private Set<Port> lastWanted = Set.of();
    private volatile PortMapStatus status = PortMapStatus.OFF;

    Mapper(Settings settings, GatewayFinder finder, RouterMaker routersFor, LongSupplier clock) {
        this.settings = settings;
        this.finder = finder;
        this.routersFor = routersFor;
        this.clock = clock;
        // Until the first routers answer (SSDP alone waits seconds), on is on: not "off" to whoever asks.
        this.status = settings.enabled() ? new PortMapStatus(true, List.of(), List.of(), Optional.empty())
                : PortMapStatus.OFF;
    }

    /** New settings: looked at on the next {@link #tick}; off removes every mapping now. */
    void reconfigure(Settings changed) {
        if (!changed.equals(settings)) {
            settings = changed;
            nextRefresh = 0;
            if (!changed.enabled()) {
                stop();
            }
        }
    }

    /**
     * Maps what is due; {@code wanted} are the ports to keep mapped now. Returns when something is
     * due next (epoch millis: a renewal, a retry or the next look at the gateways), so the caller can
     * sleep until then; {@link Long#MAX_VALUE} while mapping is off.
     */
    long tick(Set<Port> wanted) {
        if (!settings.enabled()) {
            status = PortMapStatus.OFF;
            return Long.MAX_VALUE;
        }
        long now = clock.getAsLong();
        if (now >= nextRefresh || !wanted.equals(lastWanted)) {
            refresh(wanted, now);
            // Shown before the routers are asked: one may take seconds (SSDP), and mapping is on meanwhile.
            publish();
        }
        long next = nextRefresh;
        for (MappingJob job : jobs) {
            if (job.due(now)) {
                job.run(settings.leaseSeconds(), now);
                publish();
                now = clock.getAsLong();
            }
            next = Math.min(next, job.dueMillis());
        }
        return next;
    }

    /** Removes every mapping a router granted and shows mapping off; failures are logged, the rest still removed. */
    void stop() {
        removeAll();
        status = PortMapStatus.OFF;
    }

    /**
     * Removes every mapping a router granted, forgetting the routers; the status stays as it was
     * (mapping is still on when the gateways changed), failures are logged, the rest still removed.
     */
    private void removeAll() {
        for (MappingJob job : jobs) {
            remove(job);
        }
        jobs.clear();
        routers = List.of();
        gateways = List.of();
        lastWanted = Set.of();
    }

    PortMapStatus status() {
        return status;
    }

    /** The jobs, for tests that count renewals. */
    List<MappingJob> jobs() {
        return List.copyOf(jobs);
    }

    private void refresh(Set<Port> wanted, long now) {
        nextRefresh = now + settings.refreshSeconds() * 1000;
        List<Gateway> found;
        try {
            found = finder.find(settings.interfaces());
        } catch (IOException e) {
            LOG.warning("port mapping: gateways not read: " + e.getMessage());
            found = List.of();
        }
        if (!found.equals(gateways)) {
            removeAll();
            gateways = found;
            List<Router> made = new ArrayList<>();
            for (Gateway g : found) {
                made.addAll(routersFor.make(g, settings));
            }
            routers = made;
        }
        for (Iterator<MappingJob> it = jobs.iterator(); it.hasNext();) {
            MappingJob job = it.next();
            if (!wanted.contains(new Port(job.transport, job.port))) {
                remove(job);
                it.remove();
            }
        }
        for (Router router : routers) {
            for (Port p : wanted) {
                if (jobs.stream().noneMatch(j -> j.router == router && j.transport == p.transport() && j.port == p.port())) {
                    jobs.add(new MappingJob(router, p.transport(), p.port()));
                }
            }
        }
        lastWanted = Set.copyOf(wanted);
    }

    private static void remove(MappingJob job) {
        try {
            job.remove();
        } catch (IOException | RuntimeException e) {
            LOG.warning("port mapping: " + job.transport + " " + job.port + " not removed from " + job.router.describe()
                    + ": " + e.getMessage());
        }
    }

    private void publish() {
        List<Mapping> mappings = new ArrayList<>();
        ExternalAddress external = null;
        for (MappingJob job : jobs) {
            mappings.add(job.snapshot());
            InetAddress a = job.externalAddress();
            if (external == null && a != null && PublicAddress.is(a)) {
                external = new ExternalAddress(a, job.router.method() + " " + job.router.describe());
            }
        }
        List<String> shown = gateways.stream().map(Gateway::describe).toList();
        status = new PortMapStatus(true, shown, mappings, Optional.ofNullable(external));
    }
}
