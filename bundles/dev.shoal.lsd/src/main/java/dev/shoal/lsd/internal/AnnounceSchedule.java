package dev.shoal.lsd.internal;

import dev.shoal.metainfo.InfoHash;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * When each torrent is announced next. A torrent is announced shortly after it registers (after
 * {@code settle}, so that torrents starting together share one message), then every
 * {@code interval}; never twice within {@link #MIN_GAP_NANOS} (BEP 14: no more than an announce a
 * minute), even when it goes and comes back. Each announce is sent again {@link #RESEND_GAPS_NANOS}
 * later, as libtorrent's {@code lsd::announce_impl} does (3 sends, 2 s then 4 s apart): multicast
 * has no acknowledgement and a datagram lost on a busy or sleeping Wi-Fi link would otherwise cost
 * the peer a whole interval. The repeats belong to the announce they repeat, so they neither move
 * the next announce nor count against the minute; a torrent that goes takes its repeats with it.
 * Keyed by 20-byte hash and port, counted, so that two lookups of one torrent announce it once.
 * Thread-safe; times are {@link System#nanoTime()}.
 */
final class AnnounceSchedule {

    /** BEP 14's minute. */
    static final long MIN_GAP_NANOS = 60_000_000_000L;
    /** After an announce, its repeats: the first this long after it, each next this long after the one before. */
    static final long[] RESEND_GAPS_NANOS = {2_000_000_000L, 4_000_000_000L};

    private record Key(InfoHash hash, int port) {
    }

    private static final class Entry {
        int lookups;
        /** The next announce. */
        long due;
        /** The next repeat of the last announce, when {@link #resendsSent} is below the gaps' count. */
        long resendDue;
        int resendsSent = RESEND_GAPS_NANOS.length;

        boolean resending() {
            return resendsSent < RESEND_GAPS_NANOS.length;
        }
    }

    private final long settleNanos;
    private long intervalNanos;
    private final Map<Key, Entry> entries = new LinkedHashMap<>();
    /** When each key was last announced, kept for a minute after it goes, to hold the gap. */
    private final Map<Key, Long> lastSent = new HashMap<>();

    AnnounceSchedule(long settleNanos, long intervalNanos) {
        this.settleNanos = settleNanos;
        setInterval(intervalNanos);
    }

    synchronized void setInterval(long intervalNanos) {
        this.intervalNanos = Math.max(MIN_GAP_NANOS, intervalNanos);
    }

    synchronized void add(InfoHash hash, int port, long now) {
        Key key = new Key(hash, port);
        Entry entry = entries.computeIfAbsent(key, k -> {
            Entry fresh = new Entry();
            fresh.due = soonest(k, now);
            return fresh;
        });
        entry.lookups++;
    }

    /** Settled, and a minute after the key's last announce. */
    private long soonest(Key key, long now) {
        Long sent = lastSent.get(key);
        return sent == null ? now + settleNanos : Math.max(now + settleNanos, sent + MIN_GAP_NANOS);
    }

    synchronized void remove(InfoHash hash, int port) {
        Key key = new Key(hash, port);
        Entry entry = entries.get(key);
        if (entry != null && --entry.lookups == 0) {
            entries.remove(key);
        }
    }

    /**
     * A network came up: every torrent is due as soon as it may be, {@code settle} from now or a
     * minute after its last announce, whichever is later (the minute holds on every network: each
     * announce goes out on all of them).
     */
    synchronized void hurry(long now) {
        entries.forEach((key, entry) -> {
            long soonest = soonest(key, now);
            if (soonest - entry.due < 0) {
                entry.due = soonest;
            }
        });
    }

    /** The earliest time an announce or a repeat is due, or {@link Long#MAX_VALUE} when nothing is registered. */
    synchronized long nextDue() {
        Long next = null;
        for (Entry entry : entries.values()) {
            if (next == null || entry.due - next < 0) {
                next = entry.due;
            }
            if (entry.resending() && entry.resendDue - next < 0) {
                next = entry.resendDue;
            }
        }
        return next == null ? Long.MAX_VALUE : next;
    }

    /**
     * The torrents to send at {@code now}, by port (a message names one port), in the order they
     * registered: those due an announce, next due an interval from now, and those due a repeat of
     * their last one. A torrent due both is sent once, as a fresh announce with repeats of its own.
     */
    synchronized Map<Integer, List<InfoHash>> takeDue(long now) {
        lastSent.values().removeIf(sent -> now - sent >= MIN_GAP_NANOS);
        Map<Integer, List<InfoHash>> due = new TreeMap<>();
        entries.forEach((key, entry) -> {
            if (entry.due - now <= 0) {
                entry.due = now + intervalNanos;
                entry.resendsSent = 0;
                entry.resendDue = now + RESEND_GAPS_NANOS[0];
                lastSent.put(key, now);
            } else if (entry.resending() && entry.resendDue - now <= 0) {
                entry.resendsSent++;
                if (entry.resending()) {
                    entry.resendDue = now + RESEND_GAPS_NANOS[entry.resendsSent];
                }
            } else {
                return;
            }
            due.computeIfAbsent(key.port(), port -> new ArrayList<>()).add(key.hash());
        });
        return due;
    }

    synchronized int size() {
        return entries.size();
    }
}
