package dev.shoal.engine.internal;

import dev.shoal.engine.api.AddMagnet;
import dev.shoal.engine.api.AddTorrent;
import dev.shoal.engine.api.EngineException;
import dev.shoal.engine.api.TorrentState;
import dev.shoal.metainfo.InvalidTorrentException;
import dev.shoal.metainfo.Metainfo;
import dev.shoal.storage.api.PieceSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** What a torrent being added becomes in the store: its torrent file, checked to read back the same, and its first record. */
final class Additions {

    private Additions() {
    }

    /**
     * The torrent file to keep. It must read back as the same torrent with the same files, or the
     * torrent would come back after a restart as another one, or with its files elsewhere.
     */
    static byte[] keepable(Metainfo metainfo) throws EngineException {
        byte[] bytes;
        Metainfo back;
        try {
            bytes = metainfo.toBytes();
            back = Metainfo.parse(bytes, SessionStore.PARSE);
        } catch (InvalidTorrentException | RuntimeException e) {
            throw new EngineException("cannot keep " + metainfo.name() + " across restarts: its torrent file does"
                    + " not read back: " + Lifecycle.oneLine(e.getMessage()), e);
        }
        if (!back.infoHash().equals(metainfo.infoHash()) || !back.files().equals(metainfo.files())) {
            throw new EngineException("cannot keep " + metainfo.name() + " across restarts: its torrent file reads"
                    + " back as another torrent");
        }
        return bytes;
    }

    /** A new torrent's record: nothing moved yet, every file wanted. */
    static TorrentRecord record(int id, AddTorrent request) {
        Metainfo metainfo = request.metainfo();
        FileTable files = new FileTable(metainfo);
        return new TorrentRecord(id, metainfo.infoHash(), request.downloadDirectory().toAbsolutePath().normalize(),
                request.paused() ? TorrentState.PAUSED : TorrentState.QUEUED, Optional.empty(), request.seedGoal(),
                request.rateLimits(), Arrays.asList(files.normal()), PieceSet.empty(metainfo.pieceCount()),
                Transfer.Counts.ZERO, Duration.ZERO, Instant.now(), Optional.empty());
    }

    /** A magnet's record while its metadata is fetched: no pieces, no files yet. */
    static TorrentRecord record(int id, AddMagnet request) {
        return new TorrentRecord(id, request.magnet().infoHash(),
                request.downloadDirectory().toAbsolutePath().normalize(),
                request.paused() ? TorrentState.PAUSED : TorrentState.QUEUED, Optional.empty(), request.seedGoal(),
                request.rateLimits(), List.of(), PieceSet.empty(0), Transfer.Counts.ZERO, Duration.ZERO, Instant.now(),
                Optional.of(request.magnet()));
    }

    /**
     * A magnet's record once its metadata came: the same id, directory, goal, limits and age, every
     * file wanted, nothing verified; it wants to run.
     */
    static TorrentRecord afterMetadata(TorrentRecord magnet, Metainfo metainfo) {
        FileTable files = new FileTable(metainfo);
        return new TorrentRecord(magnet.id(), magnet.infoHash(), magnet.downloadDirectory(), TorrentState.QUEUED,
                Optional.empty(), magnet.seedGoal(), magnet.rateLimits(), Arrays.asList(files.normal()),
                PieceSet.empty(metainfo.pieceCount()), magnet.transfer(), magnet.seeding(), magnet.added(),
                Optional.empty());
    }
}
