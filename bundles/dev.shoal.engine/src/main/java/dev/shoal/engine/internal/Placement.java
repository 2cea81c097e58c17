package dev.shoal.engine.internal;

import dev.shoal.metainfo.Metainfo;
import java.nio.file.Path;

/**
 * Where a torrent's files are: its download directory and its layout, the metainfo with the paths
 * renamed files and folders have now (the info dictionary and hashes as in the torrent file). Read from
 * any thread; replaced on the engine thread after a move or a rename.
 */
final class Placement {

    /** One consistent reading. */
    record Now(Metainfo layout, Path directory) {
    }

    private volatile Now now;

    Placement(Metainfo layout, Path directory) {
        this.now = new Now(layout, directory);
    }

    Now now() {
        return now;
    }

    Metainfo layout() {
        return now.layout();
    }

    Path directory() {
        return now.directory();
    }

    void set(Now value) {
        now = value;
    }
}
