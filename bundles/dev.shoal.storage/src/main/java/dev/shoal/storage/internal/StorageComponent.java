package dev.shoal.storage.internal;

import dev.shoal.metainfo.Metainfo;
import dev.shoal.storage.api.PieceListener;
import dev.shoal.storage.api.StorageException;
import dev.shoal.storage.api.StorageOptions;
import dev.shoal.storage.api.StorageService;
import dev.shoal.storage.api.TorrentStorage;
import dev.shoal.storage.internal.io.ChannelOpener;
import java.nio.file.Path;
import java.time.Duration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The {@link StorageService}. Its configuration gives the options of torrents opened without their
 * own; a change applies to torrents opened afterwards. Every open torrent's disk work runs on one
 * bounded {@link DiskPool} it owns, each torrent in a serial lane of its own.
 */
@Component(service = StorageService.class, configurationPid = StorageComponent.PID)
@Designate(ocd = StorageComponent.Config.class)
public final class StorageComponent implements StorageService {

    public static final String PID = "dev.shoal.storage";

    @ObjectClassDefinition(name = "Shoal storage", description = "How torrents' files are written and resumed.")
    public @interface Config {

        @AttributeDefinition(name = "Allocation",
                description = "SPARSE: files grow as pieces arrive. PREALLOCATE: zeros are written up front so"
                        + " the space is really reserved.")
        StorageOptions.Allocation allocation() default StorageOptions.Allocation.SPARSE;

        @AttributeDefinition(name = "Write queue bytes",
                description = "Most block bytes waiting for the disk per torrent; writes beyond it wait.",
                min = "16384")
        long queueBytes() default 16L << 20;

        @AttributeDefinition(name = "Resume interval (seconds)",
                description = "How often fast-resume data is saved while something changed.", min = "1")
        int resumeIntervalSeconds() default 30;

        @AttributeDefinition(name = "Open files per torrent",
                description = "Most files kept open at once per torrent; the least recently used are closed.",
                min = "1")
        int openFileLimit() default 64;

        @AttributeDefinition(name = "Disk threads",
                description = "Threads reading, writing and hashing for every torrent together; 0 for one per"
                        + " processor (at least 2). Changes live.", min = "0")
        int diskThreads() default 0;
    }

    private final DiskPool pool;
    private volatile StorageOptions defaults;

    @Activate
    public StorageComponent(Config config) {
        this.defaults = optionsOf(config);
        this.pool = new DiskPool(threadsOf(config));
    }

    @Modified
    void modified(Config config) {
        this.defaults = optionsOf(config);
        pool.resize(threadsOf(config));
    }

    /**
     * Deactivated, the pool is not shut down: the engine closes its torrents' storages as the service
     * leaves, on its own threads and maybe after this returns, and each close still saves through its
     * lane. The pool's threads end on their own once idle.
     */
    @Deactivate
    void deactivate() {
        pool.closeWhenIdle();
    }

    @Override
    public TorrentStorage open(Metainfo torrent, Path downloadDirectory, Path resumeFile, PieceListener listener)
            throws StorageException {
        return open(torrent, downloadDirectory, resumeFile, defaults, listener);
    }

    @Override
    public TorrentStorage open(Metainfo torrent, Path downloadDirectory, Path resumeFile, StorageOptions options,
            PieceListener listener) throws StorageException {
        return DiskStorage.open(torrent, downloadDirectory, resumeFile, options, listener, ChannelOpener.DEFAULT, pool);
    }

    @Override
    public void delete(Metainfo torrent, Path downloadDirectory, Path resumeFile) throws StorageException {
        FileDeletion.delete(torrent, downloadDirectory, resumeFile);
    }

    @Override
    public void move(Metainfo torrent, Path downloadDirectory, Metainfo target, Path targetDirectory)
            throws StorageException {
        FileMove.move(torrent, downloadDirectory, target, targetDirectory);
    }

    private static int threadsOf(Config config) {
        return config.diskThreads() > 0 ? config.diskThreads() : DiskPool.defaultSize();
    }

    static StorageOptions optionsOf(Config config) {
        return new StorageOptions(config.allocation(), config.queueBytes(),
                Duration.ofSeconds(config.resumeIntervalSeconds()), config.openFileLimit());
    }
}
