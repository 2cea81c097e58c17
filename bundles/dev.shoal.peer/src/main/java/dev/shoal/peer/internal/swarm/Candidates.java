package dev.shoal.peer.internal.swarm;

import dev.shoal.peer.api.PeerInfo;
import java.net.InetSocketAddress;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Addresses a swarm may dial: bounded, without the banned ones, and without those tried recently
 * (a peer that refused us a moment ago will likely refuse again; trackers keep handing it out).
 * Each address keeps the source it was first heard from (a tracker's peer that PEX names again
 * stays the tracker's), remembered for the waiting ones and for as many again as can wait, four
 * times over, the oldest forgotten first. Not thread-safe: the swarm's lock guards it.
 */
final class Candidates {

    private final int capacity;
    private final long retryMillis;
    private final Set<InetSocketAddress> waiting = new LinkedHashSet<>();
    private final Map<InetSocketAddress, Long> lastTried = new HashMap<>();
    private final Set<InetSocketAddress> banned = new HashSet<>();
    /** The first source of each address heard, oldest first. */
    private final Map<InetSocketAddress, String> sources = new LinkedHashMap<>();

    Candidates(int capacity, long retryMillis) {
        this.capacity = capacity;
        this.retryMillis = retryMillis;
    }

    /**
     * Adds what is new, allowed and fits, heard from {@code source}; {@code busy} are addresses
     * connected or being dialled.
     */
    void offer(Collection<InetSocketAddress> addresses, String source, Set<InetSocketAddress> busy, long nowMillis) {
        for (InetSocketAddress address : addresses) {
            if (waiting.size() >= capacity) {
                break;
            }
            if (banned.contains(address)) {
                continue;
            }
            sources.putIfAbsent(address, source);
            Long tried = lastTried.get(address);
            if (!busy.contains(address) && (tried == null || nowMillis - tried >= retryMillis)) {
                waiting.add(address);
            }
        }
        forgetOldSources();
    }

    /** Where {@code address} was first heard from, or {@link PeerInfo#UNKNOWN} when forgotten. */
    String source(InetSocketAddress address) {
        return sources.getOrDefault(address, PeerInfo.UNKNOWN);
    }

    /** Over the bound, forgets the oldest sources of addresses not waiting, down to half of it. */
    private void forgetOldSources() {
        if (sources.size() <= capacity * 4) {
            return;
        }
        for (Iterator<InetSocketAddress> it = sources.keySet().iterator();
                it.hasNext() && sources.size() > capacity * 2; ) {
            if (!waiting.contains(it.next())) {
                it.remove();
            }
        }
    }

    /**
     * The first waiting address {@code take} accepts (it may take a dial slot for it), or null; it
     * counts as tried from now. Those it passes over keep their place.
     */
    InetSocketAddress next(long nowMillis, Predicate<InetSocketAddress> take) {
        InetSocketAddress address = null;
        for (Iterator<InetSocketAddress> it = waiting.iterator(); it.hasNext() && address == null; ) {
            InetSocketAddress next = it.next();
            if (take.test(next)) {
                it.remove();
                address = next;
            }
        }
        if (address == null) {
            return null;
        }
        lastTried.put(address, nowMillis);
        if (lastTried.size() > capacity * 4) {
            lastTried.values().removeIf(at -> nowMillis - at >= retryMillis);
        }
        return address;
    }

    void ban(InetSocketAddress address) {
        banned.add(address);
        waiting.remove(address);
        sources.remove(address);
    }

    boolean isBanned(InetSocketAddress address) {
        return banned.contains(address);
    }

    int size() {
        return waiting.size();
    }

    int bannedCount() {
        return banned.size();
    }
}
