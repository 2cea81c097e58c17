package dev.shoal.watch.internal;

import dev.shoal.engine.api.EngineException;
import dev.shoal.metainfo.Metainfo;

/** Where a watch folder's torrents go: in the component, the engine with its defaults. */
@FunctionalInterface
interface TorrentSink {

    /**
     * Adds the torrent, started or {@code paused}.
     *
     * @throws EngineException a refusal (e.g. already added), its message the one-line reason
     */
    void add(Metainfo metainfo, boolean paused) throws EngineException;
}
