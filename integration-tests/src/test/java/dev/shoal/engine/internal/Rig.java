package dev.shoal.engine.internal;

import dev.shoal.engine.api.AddTorrent;
import dev.shoal.engine.api.EngineException;
import dev.shoal.engine.api.SeedGoal;
import dev.shoal.engine.api.Torrent;
import dev.shoal.engine.api.TorrentState;
import dev.shoal.metainfo.Metainfo;
import dev.shoal.peer.internal.swarm.SwarmComponent;
import dev.shoal.peer.internal.swarm.SwarmSettings;
import dev.shoal.storage.api.PieceListener;
import dev.shoal.storage.api.StorageException;
import dev.shoal.storage.api.StorageOptions;
import dev.shoal.storage.api.StorageService;
import dev.shoal.storage.api.TorrentStorage;
import dev.shoal.storage.internal.DiskPool;
import dev.shoal.storage.internal.DiskStorage;
import dev.shoal.storage.internal.StorageComponent;
import dev.shoal.storage.internal.io.ChannelOpener;
import dev.shoal.tracker.api.TrackerClient;
import dev.shoal.tracker.http.internal.HttpSettings;
import dev.shoal.tracker.http.internal.HttpTrackerClient;
import dev.shoal.tracker.internal.component.AnnouncerComponent;
import dev.shoal.tracker.internal.session.Timing;
import dev.shoal.tracker.udp.internal.UdpSettings;
import dev.shoal.tracker.udp.internal.UdpTrackerClient;
import dev.shoal.udp.api.DatagramHandler;
import dev.shoal.udp.internal.SharedSocket;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;

/**
 * An engine over the real storage, the real announcer with the real HTTP and UDP tracker clients, and
 * the real swarm service on 127.0.0.1, built by hand as OSGi would, with a listener on its whiteboard.
 * Announces are paced for tests: short retries; time-outs that a loaded machine does not run into (a
 * 'stopped' announce must reach the tracker before a pause or deactivate is done with it).
 */
final class Rig implements AutoCloseable {

    static final Timing TIMING = new Timing(Duration.ofSeconds(30), Duration.ofMillis(200), Duration.ofSeconds(1),
            0.25, Duration.ofSeconds(10), Duration.ofSeconds(10), 50);

    final Path resumeDirectory;
    final Path torrentsDirectory;
    final AnnouncerComponent announcer;
    final UdpTrackerClient udp;
    private final SharedSocket udpPort;
    final HttpTrackerClient http;
    final SwarmComponent service;
    final RecordingSwarms swarms;
    final EngineComponent engine;
    final Events events = new Events();

    /** An engine keeping its resume data in {@code temp/resume}, over the real storage. */
    static Rig in(Path temp) throws IOException {
        return new Rig(temp.resolve("resume"), storage());
    }

    /** An engine in {@code temp} whose settings {@code change} adjusts (queue limits, save interval). */
    static Rig in(Path temp, UnaryOperator<EngineSettings> change) throws IOException {
        return new Rig(temp.resolve("resume"), storage(), change);
    }

    /**
     * An engine over the real swarm service, listening on 127.0.0.1 at a free port, keeping its torrents
     * beside the resume directory in {@code <resume directory>-torrents}.
     */
    Rig(Path resumeDirectory, StorageService storage) throws IOException {
        this(resumeDirectory, storage, UnaryOperator.identity());
    }

    Rig(Path resumeDirectory, StorageService storage, UnaryOperator<EngineSettings> change) throws IOException {
        this(resumeDirectory, storage, new SwarmComponent(SwarmSettings.defaults().withListen("127.0.0.1", 0)),
                change);
    }

    private Rig(Path resumeDirectory, StorageService storage, SwarmComponent swarms,
            UnaryOperator<EngineSettings> change) throws IOException {
        this.resumeDirectory = resumeDirectory;
        this.torrentsDirectory = resumeDirectory.resolveSibling(resumeDirectory.getFileName() + "-torrents");
        this.service = swarms;
        this.announcer = new AnnouncerComponent(TIMING, new Random());
        this.udp = new UdpTrackerClient(new UdpSettings(Duration.ofMillis(500), 3, Duration.ofMinutes(1)));
        this.udpPort = SharedSocket.open(0);
        udpPort.handlers().add(udp, DatagramHandler.ORDER_TRACKER);
        udp.bindPort(udpPort);
        this.http = new HttpTrackerClient(new HttpSettings(Duration.ofSeconds(2), Duration.ofSeconds(10),
                2 << 20, "ShoalTest"));
        announcer.addClient(http, Map.of(TrackerClient.SCHEMES, new String[] {"http", "https"}, "service.id", 1L));
        announcer.addClient(udp, Map.of(TrackerClient.SCHEMES, "udp", "service.id", 2L));
        this.swarms = new RecordingSwarms(swarms);
        this.engine = new EngineComponent(change.apply(EngineSettings.defaults(resumeDirectory)
                .withTorrentsDirectory(torrentsDirectory).withTick(Duration.ofMillis(200))), storage, announcer,
                this.swarms);
        engine.addListener(events);
    }

    Path resumeFile(Metainfo torrent) {
        return resumeDirectory.resolve(torrent.infoHash().hex() + ".resume");
    }

    /** Waits until no swarm is open and the torrent's resume data is saved: its run is closed. */
    void awaitClosed(Metainfo torrent) {
        Events.Await.until(() -> swarms.open.get() == 0 && Files.exists(resumeFile(torrent)),
                Duration.ofSeconds(30), () -> "the swarm closed and the resume data saved");
    }

    /** The disk threads every rig's torrents share, as the storage component's do. */
    private static final DiskPool DISKS = new DiskPool(DiskPool.defaultSize());

    /** The real storage component, for deleting torrents' files as in production. */
    private static final StorageComponent DELETER = new StorageComponent(new StorageComponent.Config() {
        @Override
        public Class<? extends java.lang.annotation.Annotation> annotationType() {
            return StorageComponent.Config.class;
        }

        @Override
        public StorageOptions.Allocation allocation() {
            return StorageOptions.DEFAULT.allocation();
        }

        @Override
        public long queueBytes() {
            return StorageOptions.DEFAULT.queueBytes();
        }

        @Override
        public int resumeIntervalSeconds() {
            return (int) StorageOptions.DEFAULT.resumeInterval().toSeconds();
        }

        @Override
        public int openFileLimit() {
            return StorageOptions.DEFAULT.openFileLimit();
        }

        @Override
        public int diskThreads() {
            return 0;
        }
    });

    /** The real storage service: sparse files, resume saved at close. */
    static StorageService storage() {
        return storage(StorageOptions.DEFAULT, ChannelOpener.DEFAULT);
    }

    /** The real storage over files opened by {@code opener} (a real device such as /dev/full). */
    static StorageService storage(StorageOptions defaults, ChannelOpener opener) {
        return new StorageService() {
            @Override
            public TorrentStorage open(Metainfo torrent, Path downloadDirectory, Path resumeFile,
                    PieceListener listener) throws StorageException {
                return open(torrent, downloadDirectory, resumeFile, defaults, listener);
            }

            @Override
            public TorrentStorage open(Metainfo torrent, Path downloadDirectory, Path resumeFile,
                    StorageOptions options, PieceListener listener) throws StorageException {
                return DiskStorage.open(torrent, downloadDirectory, resumeFile, options, listener, opener, DISKS);
            }

            @Override
            public void delete(Metainfo torrent, Path downloadDirectory, Path resumeFile) throws StorageException {
                DELETER.delete(torrent, downloadDirectory, resumeFile);
            }

            @Override
            public void move(Metainfo torrent, Path downloadDirectory, Metainfo target, Path targetDirectory)
                    throws StorageException {
                DELETER.move(torrent, downloadDirectory, target, targetDirectory);
            }
        };
    }

    /** Every file named {@code name} is opened for writing on /dev/full: every write fails with ENOSPC. */
    static ChannelOpener fullDiskFor(String name) {
        return (path, create) -> create && path.getFileName().toString().equals(name)
                ? FileChannel.open(Path.of("/dev/full"), StandardOpenOption.WRITE, StandardOpenOption.READ)
                : ChannelOpener.DEFAULT.open(path, create);
    }

    /** Adds a torrent whose files are complete, to seed until stopped, and waits until it seeds. */
    Torrent seed(Metainfo metainfo, Path downloads) throws EngineException {
        Torrent torrent = engine.add(AddTorrent.of(metainfo, downloads).withSeedGoal(SeedGoal.FOREVER));
        awaitState(torrent, TorrentState.SEEDING, Duration.ofSeconds(30));
        return torrent;
    }

    static void awaitState(Torrent torrent, TorrentState state, Duration limit) {
        Events.Await.until(() -> torrent.status().state() == state, limit,
                () -> torrent.status().name() + " is not " + state + " but " + torrent.status());
    }

    @Override
    public void close() throws IOException {
        try {
            engine.deactivate();
            announcer.deactivate();
            udp.close();
            udpPort.close();
        } finally {
            service.close();
        }
    }
}
