package dev.shoal.engine.internal;

import dev.shoal.engine.api.AddTorrent;
import dev.shoal.engine.api.EngineException;
import dev.shoal.engine.api.Torrent;
import dev.shoal.metainfo.InfoHash;
import dev.shoal.metainfo.Metainfo;
import dev.shoal.storage.api.StorageException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How torrents join the engine's table: restored from the store at start, or added by a caller (its
 * torrent file and first record kept, started at once when the queue has a slot). Magnet links join
 * through {@link Magnets}. Engine thread only.
 */
final class Arrivals {

    /** Logged as the engine's own doings, as before this part had a class of its own. */
    private static final Logger LOG = LoggerFactory.getLogger(EngineCore.class);

    private final EngineContext context;
    private final SessionStore store;
    private final Magnets magnets;

    Arrivals(EngineContext context, SessionStore store, Magnets magnets) {
        this.context = context;
        this.store = store;
        this.magnets = magnets;
    }

    /**
     * Brings back the torrents kept in the store, each in its state; those that ran wait for the queue,
     * which starts as many as it allows. Nothing is hashed: a torrent started opens its storage, whose
     * resume data vouches for what is on disk.
     */
    void restore() {
        long started = System.nanoTime();
        SessionStore.Loaded loaded = store.load();
        TorrentTable table = context.table();
        table.nextIdAtLeast(loaded.nextId());
        for (SessionStore.Restored restored : loaded.torrents()) {
            if (restored.metainfo().isEmpty()) {
                magnets.restore(restored.record());
                continue;
            }
            TorrentRuntime torrent = new TorrentRuntime(restored.metainfo().get(), restored.record(), false, context);
            table.add(torrent);
            context.listeners().added(torrent.facade());
        }
        context.writer().saveSession(table.session());
        context.queue().balance();
        if (!loaded.torrents().isEmpty()) {
            LOG.info("restored {} torrents from {} in {} ms", loaded.torrents().size(), store.directory(),
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    Torrent add(AddTorrent request) throws EngineException {
        Metainfo metainfo = request.metainfo();
        InfoHash infoHash = metainfo.infoHash();
        TorrentTable table = context.table();
        if (table.contains(infoHash) || magnets.get(infoHash).isPresent()) {
            throw new EngineException("already added: " + metainfo.name());
        }
        byte[] torrentFile = Additions.keepable(metainfo);
        boolean startNow = !request.paused() && context.queue().slotForNew();
        TorrentRuntime torrent = new TorrentRuntime(metainfo, Additions.record(table.newId(), request), startNow,
                context);
        try {
            torrent.added(Map.of());
        } catch (StorageException e) {
            throw new EngineException(e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            // The storage refuses what it cannot hold, such as a v2-only torrent.
            throw new EngineException(Lifecycle.oneLine(e.getMessage()), e);
        }
        table.add(torrent);
        context.writer().add(torrent.view().record(), torrentFile);
        context.writer().saveSession(table.session());
        LOG.info("added {} ({}) as {}", metainfo.name(), infoHash.hex(), torrent.id());
        context.listeners().added(torrent.facade());
        if (!startNow && !request.paused()) {
            context.queue().changed();
        }
        return torrent.facade();
    }
}
