package dev.shoal.ui.swt.internal.model;

import dev.shoal.engine.api.FileStatus;
import dev.shoal.engine.api.PeerStatus;
import dev.shoal.engine.api.Torrent;
import dev.shoal.engine.api.TorrentStatus;
import java.util.BitSet;
import java.util.List;

/**
 * The selected torrent at one moment, for the details tabs; taken off the display thread.
 *
 * @param torrent  the engine's handle, for actions (file priorities) sent back through the work executor
 * @param verified its verified pieces, a private copy (do not change)
 * @param history  its own down and up rates since it was selected
 */
public record Details(int id, Torrent torrent, TorrentStatus status, BitSet verified, List<FileStatus> files,
        List<PeerStatus> peers, String savePath, RateSeries history) {

    public Details {
        files = List.copyOf(files);
        peers = List.copyOf(peers);
    }
}
