package dev.shoal.engine.internal;

import dev.shoal.engine.api.EngineException;
import dev.shoal.engine.api.QueueMove;
import dev.shoal.engine.internal.RecordCodec.Session;
import dev.shoal.metainfo.InfoHash;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntBinaryOperator;
import java.util.stream.Collectors;

/**
 * The engine's torrents in queue order, by info-hash, and the short ids they get. Changed on the
 * engine thread; read from any (every method takes the table's lock, none calls out while holding it).
 */
final class TorrentTable {

    /** Fewest hex digits a prefix needs, so that a short number is never taken for a hash. */
    static final int MIN_PREFIX = 4;
    /** How many of the torrents an ambiguous prefix matches are named in the message. */
    private static final int NAMED = 5;

    private final List<TorrentRuntime> order = new ArrayList<>();
    private final Map<InfoHash, TorrentRuntime> byHash = new HashMap<>();
    private int nextId = 1;

    /** The next id to give: never below {@code value}, so removed torrents' ids are not given again soon. */
    synchronized void nextIdAtLeast(int value) {
        nextId = Math.max(nextId, value);
    }

    synchronized int newId() {
        int id = nextId;
        // Past the largest int, ids start again at 1 (skipping those in use): two billion adds away.
        do {
            nextId = nextId == Integer.MAX_VALUE ? 1 : nextId + 1;
        } while (idInUse(nextId));
        return id;
    }

    synchronized boolean contains(InfoHash infoHash) {
        return byHash.containsKey(infoHash);
    }

    synchronized void add(TorrentRuntime torrent) {
        if (byHash.putIfAbsent(torrent.infoHash(), torrent) == null) {
            order.add(torrent);
        }
    }

    synchronized boolean remove(TorrentRuntime torrent) {
        if (byHash.remove(torrent.infoHash(), torrent)) {
            order.remove(torrent);
            return true;
        }
        return false;
    }

    synchronized List<TorrentRuntime> inOrder() {
        return new ArrayList<>(order);
    }

    synchronized Optional<TorrentRuntime> get(InfoHash infoHash) {
        return Optional.ofNullable(byHash.get(infoHash));
    }

    /** From 1; 0 once removed. */
    synchronized int position(TorrentRuntime torrent) {
        return order.indexOf(torrent) + 1;
    }

    /** Where {@code move} takes a torrent: its index from its index now and the queue's length. */
    static IntBinaryOperator target(QueueMove move) {
        return switch (move) {
            case TOP -> (from, size) -> 0;
            case UP -> (from, size) -> Math.max(0, from - 1);
            case DOWN -> (from, size) -> Math.min(size - 1, from + 1);
            case BOTTOM -> (from, size) -> size - 1;
        };
    }

    /**
     * Moves a torrent in the queue to the index {@code move} gives (from its index and the queue's
     * length); false when it did not move (already there, or removed).
     */
    synchronized boolean move(TorrentRuntime torrent, IntBinaryOperator move) {
        int from = order.indexOf(torrent);
        if (from < 0) {
            return false;
        }
        int to = Math.max(0, Math.min(order.size() - 1, move.applyAsInt(from, order.size())));
        if (to == from) {
            return false;
        }
        order.add(to, order.remove(from));
        return true;
    }

    synchronized Session session() {
        return new Session(nextId, order.stream().map(TorrentRuntime::infoHash).toList());
    }

    /**
     * A torrent as a person names it: its short id, else a unique prefix of its info-hash in hex (at
     * least {@value #MIN_PREFIX} digits, any case).
     */
    TorrentRuntime find(String name) throws EngineException {
        String text = name == null ? "" : name.strip();
        if (text.isEmpty()) {
            throw new EngineException("name a torrent by its id or its info-hash");
        }
        List<TorrentRuntime> torrents = inOrder();
        if (text.chars().allMatch(c -> c >= '0' && c <= '9') && text.length() <= 9) {
            int id = Integer.parseInt(text);
            for (TorrentRuntime torrent : torrents) {
                if (torrent.id() == id) {
                    return torrent;
                }
            }
            if (text.length() < MIN_PREFIX) {
                throw new EngineException("no torrent " + text);
            }
        }
        String prefix = text.toLowerCase(Locale.ROOT);
        if (prefix.length() < MIN_PREFIX || !prefix.chars().allMatch(c -> Character.digit(c, 16) >= 0 && c < 128)) {
            throw new EngineException("not a torrent id or an info-hash (at least " + MIN_PREFIX + " hex digits): "
                    + shorten(text));
        }
        List<TorrentRuntime> matches = torrents.stream().filter(t -> t.infoHash().hex().startsWith(prefix)).toList();
        if (matches.isEmpty()) {
            throw new EngineException("no torrent " + shorten(text));
        }
        if (matches.size() > 1) {
            String named = matches.stream().limit(NAMED).map(t -> t.id() + " " + t.metainfo().name())
                    .collect(Collectors.joining(", "));
            throw new EngineException(shorten(text) + " matches " + matches.size() + " torrents: " + named
                    + (matches.size() > NAMED ? ", …" : ""));
        }
        return matches.get(0);
    }

    private boolean idInUse(int id) {
        for (TorrentRuntime torrent : order) {
            if (torrent.id() == id) {
                return true;
            }
        }
        return false;
    }

    private static String shorten(String text) {
        String line = Lifecycle.oneLine(text);
        return line.length() <= 64 ? line : line.substring(0, 64) + "…";
    }
}
