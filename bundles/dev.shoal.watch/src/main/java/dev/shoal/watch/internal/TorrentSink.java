package dev.shoal.watch.internal;

import dev.shoal.engine.api.EngineException;
import dev.shoal.metainfo.MagnetLink;
import dev.shoal.metainfo.Metainfo;

/** Where a watch folder's torrents go: in the component, the engine with its defaults. */
interface TorrentSink {

    /**
     * Adds the torrent, started or {@code paused}.
     *
     * @throws EngineException a refusal (e.g. already added), its message the one-line reason
     */
    void add(Metainfo metainfo, boolean paused) throws EngineException;

    /**
     * Adds the magnet link's torrent, its metadata to be fetched from peers, started or {@code paused}.
     *
     * @throws EngineException a refusal (e.g. already added, no v1 info-hash), its message the one-line reason
     */
    void add(MagnetLink magnet, boolean paused) throws EngineException;
}
