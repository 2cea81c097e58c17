package dev.shoal.dht.internal.rpc;

import dev.shoal.dht.internal.routing.SecureIds;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Who may have their queries answered (libtorrent's dos_blocker, with a token bucket): each source
 * gets {@code burst} queries, refilled at {@code perSecond}; one that overdraws is ignored
 * altogether for {@code blockMillis}, so a flood costs us one map lookup per datagram. A source is an
 * IP, or an IP and port for local addresses, where many honest nodes share one IP. At most
 * {@code maxSources} sources are remembered (least recently heard forgotten first), and a global
 * bucket bounds the answers to everyone together. Not thread-safe.
 */
public final class QueryLimiter {

    public record Settings(double burst, double perSecond, long blockMillis, int maxSources,
            double globalBurst, double globalPerSecond) {

        public static final Settings DEFAULT = new Settings(20, 5, 5 * 60_000L, 512, 500, 250);
    }

    private static final class Bucket {
        double tokens;
        long refilledAt;
        long blockedUntil;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
            this.blockedUntil = Long.MIN_VALUE;
        }

        boolean take(double burst, double perSecond, long now) {
            tokens = Math.min(burst, tokens + (now - refilledAt) * perSecond / 1000.0);
            refilledAt = now;
            if (tokens < 1) {
                return false;
            }
            tokens--;
            return true;
        }
    }

    private final Settings settings;
    private final Map<Object, Bucket> sources;
    private final Bucket global;
    private long dropped;

    public QueryLimiter(Settings settings, long now) {
        this.settings = settings;
        this.sources = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Bucket> eldest) {
                return size() > settings.maxSources();
            }
        };
        this.global = new Bucket(settings.globalBurst(), now);
    }

    /** Whether anything from {@code from} is to be read at all (false while it is blocked). */
    public boolean admits(InetSocketAddress from, long now) {
        Bucket b = sources.get(key(from));
        if (b != null && now < b.blockedUntil) {
            dropped++;
            return false;
        }
        return true;
    }

    /** Counts one query from {@code from}: true to answer it, false to drop it (and maybe block). */
    public boolean answer(InetSocketAddress from, long now) {
        Bucket b = sources.computeIfAbsent(key(from), k -> new Bucket(settings.burst(), now));
        if (!b.take(settings.burst(), settings.perSecond(), now)) {
            b.blockedUntil = now + settings.blockMillis();
            dropped++;
            return false;
        }
        if (!global.take(settings.globalBurst(), settings.globalPerSecond(), now)) {
            dropped++;
            return false;
        }
        return true;
    }

    /** How many sources are remembered (bounded by {@code maxSources}). */
    public int sources() {
        return sources.size();
    }

    public long dropped() {
        return dropped;
    }

    private static Object key(InetSocketAddress from) {
        return SecureIds.isLocal(from.getAddress()) ? from : from.getAddress();
    }
}
