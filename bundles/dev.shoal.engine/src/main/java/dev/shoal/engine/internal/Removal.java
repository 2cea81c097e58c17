package dev.shoal.engine.internal;

import dev.shoal.engine.api.EngineException;
import dev.shoal.metainfo.Metainfo;
import dev.shoal.storage.api.StorageException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Deleting a removed torrent's files, once it has stopped: on the closer, since it waits for the disk. */
final class Removal {

    private static final Logger LOG = LoggerFactory.getLogger(Removal.class);

    private Removal() {
    }

    /**
     * After {@code stopped}, deletes the torrent's files and resume data with the storage service
     * there now; fails with an {@link EngineException} naming what could not be deleted.
     */
    static CompletableFuture<Void> deleteFiles(CompletableFuture<Void> stopped, Placement placement,
            EngineContext context) {
        return stopped.thenRunAsync(() -> {
            // Read once stopped: a move under way when it was removed is over by then.
            Metainfo metainfo = placement.layout();
            Path downloadDirectory = placement.directory();
            Path resumeFile = TorrentRun.resumeFile(context, metainfo);
            try {
                context.services().storage.get()
                        .orElseThrow(() -> new StorageException(StorageException.Kind.IO, "no storage service is running"))
                        .delete(metainfo, downloadDirectory, resumeFile);
                LOG.info("{}: its files are deleted", metainfo.name());
            } catch (StorageException e) {
                LOG.warn("{}: deleting its files: {}", metainfo.name(), e.getMessage());
                throw new CompletionException(new EngineException("cannot delete every file of " + metainfo.name()
                        + ": " + e.getMessage(), e));
            }
        }, context.closer());
    }
}
