package dev.shoal.portmap.internal;

import dev.shoal.portmap.api.Mapping;
import java.io.IOException;
import java.net.InetAddress;

/**
 * One port kept mapped on one router: asked at once, renewed at half its lease (RFC 6886 §3.3
 * does the same), asked again after a failure with a backoff from {@value #FIRST_RETRY_S} s
 * doubling to {@value #MAX_RETRY_S} s. A permanent grant is checked every {@value #PERMANENT_CHECK_S} s,
 * as routers forget them on reboot. Only the mapper's thread touches it.
 */
final class MappingJob {

    static final long FIRST_RETRY_S = 30;
    static final long MAX_RETRY_S = 1800;
    static final long PERMANENT_CHECK_S = 1800;
    /** No lease is renewed more often than this, whatever short lease a router grants. */
    static final long MIN_RENEW_S = 1;

    final Router router;
    final Transport transport;
    final int port;
    private String state = Mapping.PENDING;
    private int externalPort;
    private long leaseSeconds;
    private long dueMillis;
    private long retrySeconds = FIRST_RETRY_S;
    private String note = "";
    private InetAddress externalAddress;
    private int grants;

    MappingJob(Router router, Transport transport, int port) {
        this.router = router;
        this.transport = transport;
        this.port = port;
    }

    boolean due(long now) {
        return now >= dueMillis;
    }

    /** When it is asked next (epoch millis); 0 before the first ask. */
    long dueMillis() {
        return dueMillis;
    }

    /** Asks the router now; {@code leaseSeconds} is what we would like. */
    void run(long leaseWanted, long now) {
        try {
            Grant grant = router.map(transport, port, leaseWanted);
            state = Mapping.MAPPED;
            externalPort = grant.externalPort();
            leaseSeconds = grant.leaseSeconds();
            externalAddress = grant.externalAddress();
            note = grant.note();
            retrySeconds = FIRST_RETRY_S;
            long renew = leaseSeconds == 0 ? PERMANENT_CHECK_S : Math.max(MIN_RENEW_S, leaseSeconds / 2);
            dueMillis = now + renew * 1000;
            grants++;
        } catch (IOException | RuntimeException e) {
            // A failed renewal leaves the old mapping to its lease; it is shown failed with the reason.
            state = Mapping.FAILED;
            note = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            dueMillis = now + retrySeconds * 1000;
            retrySeconds = Math.min(MAX_RETRY_S, retrySeconds * 2);
        }
    }

    /** Removes the mapping if the router granted it; a failure is only logged by the caller. */
    void remove() throws IOException {
        if (grants > 0) {
            grants = 0;
            state = Mapping.PENDING;
            router.unmap(transport, port);
        }
    }

    boolean mapped() {
        return state.equals(Mapping.MAPPED);
    }

    InetAddress externalAddress() {
        return mapped() ? externalAddress : null;
    }

    /** How many times the router granted it (the first mapping and each renewal). */
    int grants() {
        return grants;
    }

    Mapping snapshot() {
        return new Mapping(router.method(), transport.name(), router.describe(), port, mapped() ? externalPort : 0,
                state, leaseSeconds, dueMillis, note);
    }
}
