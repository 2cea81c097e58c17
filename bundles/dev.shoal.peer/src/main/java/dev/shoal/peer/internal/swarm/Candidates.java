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
 * times over, the oldest forgotten first.
 * A peer that dropped us while we still had something to trade comes back by itself after a backoff
 * ({@link #redialLater}): without it, a peer that will not dial us (behind NAT, or Transmission 3.00,
 * which restarts a magnet's torrent once it has the metadata and never dials a loopback peer) would
 * wait for the next announce, minutes away. As libtorrent's peer list (a fail count lengthening the
 * wait), but with a short first wait (a restarting peer is back in seconds) and a bounded number of
 * tries in a row. Not thread-safe: the swarm's lock guards it.
 */
final class Candidates {

    private final int capacity;
    private final long retryMillis;
    private final Set<InetSocketAddress> waiting = new LinkedHashSet<>();
    private final Map<InetSocketAddress, Long> lastTried = new HashMap<>();
    private final Set<InetSocketAddress> banned = new HashSet<>();
    /** The first source of each address heard, oldest first. */
    private final Map<InetSocketAddress, String> sources = new LinkedHashMap<>();
    /** Peers that dropped us: how many times in a row, and when to dial them again (bounded by capacity). */
    private final Map<InetSocketAddress, Redial> redials = new HashMap<>();

    /** The first wait before dialling a peer that dropped us; each drop in a row doubles it. */
    static final long FIRST_REDIAL_MILLIS = 5_000;
    /** Drops in a row after which a peer is left to the trackers again: waits of 5, 10, 20, 40 and 80 s. */
    static final int MAX_REDIALS = 5;

    private static final class Redial {
        int drops;
        /** When it is due; Long.MAX_VALUE once it was put back among the waiting. */
        long dueMillis;
    }

    Candidates(int capacity, long retryMillis) {
        this.capacity = capacity;
        this.retryMillis = retryMillis;
    }

    /**
     * The peer at {@code address} dropped us (or a dial to it failed while it was being redialled):
     * it comes back after a wait twice as long as the last, unless it dropped us {@link #MAX_REDIALS}
     * times in a row. False when it will not.
     */
    boolean redialLater(InetSocketAddress address, long nowMillis) {
        Redial redial = redials.get(address);
        if (redial == null) {
            if (redials.size() >= capacity) {
                // Room from peers given up on: what a tracker hands out again starts afresh.
                redials.values().removeIf(gone -> gone.drops >= MAX_REDIALS && gone.dueMillis == Long.MAX_VALUE);
            }
            if (redials.size() >= capacity || banned.contains(address)) {
                return false;
            }
            redial = new Redial();
            redials.put(address, redial);
        }
        if (redial.drops >= MAX_REDIALS) {
            return false;
        }
        redial.dueMillis = nowMillis + (FIRST_REDIAL_MILLIS << redial.drops);
        redial.drops++;
        return true;
    }

    /** True while {@code address} is being redialled (so a failed dial to it counts as another drop). */
    boolean redialling(InetSocketAddress address) {
        Redial redial = redials.get(address);
        return redial != null && redial.drops < MAX_REDIALS;
    }

    /** A connection to {@code address} worked for a good while: a later drop starts the backoff afresh. */
    void connectionLasted(InetSocketAddress address) {
        redials.remove(address);
    }

    /** Whether a peer waits to be dialled again after its backoff. */
    boolean redialsPending() {
        for (Redial redial : redials.values()) {
            if (redial.dueMillis != Long.MAX_VALUE) {
                return true;
            }
        }
        return false;
    }

    /** Puts the peers whose wait is over back among the waiting, but those {@code busy}. */
    void wake(Set<InetSocketAddress> busy, long nowMillis) {
        for (Map.Entry<InetSocketAddress, Redial> entry : redials.entrySet()) {
            Redial redial = entry.getValue();
            if (redial.dueMillis <= nowMillis && waiting.size() < capacity && !busy.contains(entry.getKey())) {
                redial.dueMillis = Long.MAX_VALUE;
                waiting.add(entry.getKey());
            }
        }
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
        redials.remove(address);
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
