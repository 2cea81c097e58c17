package dev.shoal.engine.internal;

import dev.shoal.engine.api.AddMagnet;
import dev.shoal.engine.api.EngineException;
import dev.shoal.engine.api.Torrent;
import dev.shoal.engine.api.TorrentState;
import dev.shoal.metainfo.InfoHash;
import dev.shoal.metainfo.Metainfo;
import dev.shoal.storage.api.StorageException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The torrents added from magnet links whose metadata is not known yet, after the engine's other
 * torrents in its list; they take no queue slot. When one's metadata comes, its torrent file is kept in
 * the store and a {@link TorrentRuntime} takes its place, with the same id and record, at the end of
 * the queue. Changed on the engine thread; read from any.
 */
final class Magnets implements MagnetFacade.Owner {

    private static final Logger LOG = LoggerFactory.getLogger(Magnets.class);

    private final EngineContext context;
    private final List<MagnetRuntime> magnets = new CopyOnWriteArrayList<>();

    Magnets(EngineContext context) {
        this.context = context;
    }

    /** Engine thread. */
    Torrent add(AddMagnet request) throws EngineException {
        if (request.magnet().infoHashV1().isEmpty()) {
            throw new EngineException("a magnet link without a v1 info-hash (urn:btih) cannot be fetched yet");
        }
        InfoHash infoHash = request.magnet().infoHash();
        if (context.table().contains(infoHash) || get(infoHash).isPresent()) {
            throw new EngineException("already added: " + infoHash.hex());
        }
        TorrentRecord record = Additions.record(context.table().newId(), request);
        MagnetRuntime magnet = restore(record);
        context.writer().save(record);
        LOG.info("added the magnet link {} ({}) as {}", magnet.name(), infoHash.hex(), magnet.id());
        return magnet.facade();
    }

    /** A magnet kept from before a restart, or just added: it fetches unless paused or failed. Engine thread. */
    MagnetRuntime restore(TorrentRecord record) {
        MagnetRuntime magnet = new MagnetRuntime(record, context, this::promote, this);
        magnets.add(magnet);
        context.listeners().added(magnet.facade());
        magnet.start();
        return magnet;
    }

    List<MagnetRuntime> all() {
        return List.copyOf(magnets);
    }

    Optional<MagnetRuntime> get(InfoHash infoHash) {
        return magnets.stream().filter(magnet -> magnet.infoHash().equals(infoHash)).findFirst();
    }

    /** By its short id, or a unique info-hash prefix of at least {@link TorrentTable#MIN_PREFIX} digits. */
    Optional<MagnetRuntime> find(String name) {
        String text = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        List<MagnetRuntime> matches = magnets.stream().filter(magnet -> text.equals(Integer.toString(magnet.id()))
                || (text.length() >= TorrentTable.MIN_PREFIX && magnet.infoHash().hex().startsWith(text))).toList();
        return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
    }

    @Override
    public int position(MagnetRuntime magnet) {
        int index = magnets.indexOf(magnet);
        return index < 0 ? 0 : context.table().inOrder().size() + index + 1;
    }

    @Override
    public void remove(MagnetRuntime magnet) {
        if (magnets.remove(magnet)) {
            magnet.shutdown();
            context.writer().delete(magnet.infoHash());
            context.listeners().removed(magnet.facade());
            LOG.info("removed {}", magnet.name());
        }
    }

    boolean isEmpty() {
        return magnets.isEmpty();
    }

    /** Engine thread. */
    void tick() {
        magnets.forEach(MagnetRuntime::tick);
    }

    void persist() {
        magnets.forEach(MagnetRuntime::persist);
    }

    void servicesChanged() {
        magnets.forEach(MagnetRuntime::servicesChanged);
    }

    /** The engine stops: each keeps its record and lets go of its peers and trackers. */
    void stop() {
        for (MagnetRuntime magnet : magnets) {
            magnet.persist();
            magnet.shutdown();
        }
    }

    /**
     * The metadata came: the torrent file is kept, then the torrent goes on as one added from it, the
     * same id and settings, started when the queue has a slot. Engine thread.
     */
    private void promote(MagnetRuntime magnet, MetadataTorrent fetched) {
        if (!magnets.remove(magnet)) {
            return;
        }
        Metainfo metainfo = fetched.metainfo();
        TorrentRecord record = Additions.afterMetadata(magnet.record(), metainfo);
        boolean startNow = context.queue().slotForNew();
        TorrentRuntime torrent = new TorrentRuntime(metainfo, record, startNow, context);
        try {
            torrent.added(magnet.knownPeers());
            context.table().add(torrent);
            context.writer().add(torrent.view().record(), fetched.file());
            context.writer().saveSession(context.table().session());
        } catch (StorageException | IllegalArgumentException e) {
            LOG.warn("{}: cannot go on from its metadata: {}", magnet.name(), e.getMessage());
            torrent.shutdown();
            magnets.add(magnet);
            magnet.failedAfterMetadata("cannot go on from its metadata: " + Lifecycle.oneLine(e.getMessage()));
            return;
        }
        magnet.facade().became(torrent.facade());
        TorrentState now = torrent.view().status().state();
        context.listeners().stateChanged(torrent.facade(), TorrentState.METADATA, torrent.view().status());
        LOG.info("{}: now a torrent of {} pieces, {}", metainfo.name(), metainfo.pieceCount(), now);
        context.queue().changed();
    }
}
