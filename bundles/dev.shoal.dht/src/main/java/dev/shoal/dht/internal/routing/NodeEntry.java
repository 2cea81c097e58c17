package dev.shoal.dht.internal.routing;

import java.net.InetSocketAddress;

/**
 * A node in the routing table and what we know of its liveness. BEP 5: good when it answered us
 * within 15 minutes, or answered us once and has queried us within 15 minutes; questionable after
 * 15 minutes of silence; bad when it failed several queries in a row.
 */
public final class NodeEntry {

    public static final long GOOD_FOR_MILLIS = 15 * 60_000L;
    /** Queries in a row left unanswered that make a node bad. */
    public static final int FAILURES_BAD = 2;

    public enum State { GOOD, QUESTIONABLE, BAD }

    private final NodeId id;
    private final InetSocketAddress address;
    private final boolean verified;
    private long lastResponse = -1;
    private long lastQueryFromIt = -1;
    private long lastPinged = -1;
    private int failures;

    public NodeEntry(NodeId id, InetSocketAddress address) {
        this.id = id;
        this.address = address;
        this.verified = SecureIds.verify(id, address.getAddress());
    }

    public NodeId id() {
        return id;
    }

    public InetSocketAddress address() {
        return address;
    }

    /** Whether its id satisfies BEP 42 for its address (always for local addresses). */
    public boolean verified() {
        return verified;
    }

    public boolean confirmed() {
        return lastResponse >= 0;
    }

    public long lastResponse() {
        return lastResponse;
    }

    public long lastPinged() {
        return lastPinged;
    }

    public int failures() {
        return failures;
    }

    public State state(long now) {
        if (failures >= FAILURES_BAD) {
            return State.BAD;
        }
        boolean answered = lastResponse >= 0 && now - lastResponse < GOOD_FOR_MILLIS;
        boolean queried = lastResponse >= 0 && lastQueryFromIt >= 0 && now - lastQueryFromIt < GOOD_FOR_MILLIS;
        return answered || queried ? State.GOOD : State.QUESTIONABLE;
    }

    public void responded(long now) {
        lastResponse = now;
        failures = 0;
    }

    public void queriedUs(long now) {
        lastQueryFromIt = now;
    }

    public void pinged(long now) {
        lastPinged = now;
    }

    public void failed() {
        failures++;
    }

    /** Takes what {@code newer} (the same node heard of again) learnt. */
    void merge(NodeEntry newer) {
        lastResponse = Math.max(lastResponse, newer.lastResponse);
        lastQueryFromIt = Math.max(lastQueryFromIt, newer.lastQueryFromIt);
        if (newer.lastResponse >= 0) {
            failures = 0;
        }
    }

    @Override
    public String toString() {
        return id + "@" + address;
    }
}
