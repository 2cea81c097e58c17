package dev.shoal.engine.internal;

import dev.shoal.engine.api.RateLimits;
import dev.shoal.engine.api.SeedGoal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The engine's settings as a value, so it runs without OSGi too.
 *
 * @param resumeDirectory    where each torrent's fast-resume file is kept ({@code <info-hash>.resume})
 * @param torrentsDirectory  where the engine keeps its torrents across restarts (see {@link SessionStore})
 * @param globalLimits       limits over every torrent together
 * @param tick               how often seed goals and the queue are checked
 * @param stopWait           how long stopping waits for the trackers to hear {@code stopped}
 * @param saveInterval       how often the torrents' counters are saved while they change
 * @param additions          what a torrent added without more gets: download directory and seed goal
 * @param maxActiveDownloads most torrents downloading at once; 0 for no limit
 * @param maxActiveSeeds     most torrents seeding at once; 0 for no limit
 * @param metadataTimeout    how long a magnet link's metadata is fetched before the torrent fails;
 *                           zero for no limit
 * @param idleLimit          how long a torrent following the global idle limit seeds without uploading
 *                           before it stops; empty for no limit
 */
public record EngineSettings(Path resumeDirectory, Path torrentsDirectory, RateLimits globalLimits, Duration tick,
        Duration stopWait, Duration saveInterval, AddDefaults additions, int maxActiveDownloads, int maxActiveSeeds,
        Duration metadataTimeout, Optional<Duration> idleLimit) {

    /** The framework property naming Shoal's data directory. */
    public static final String DATA_DIR_PROPERTY = "shoal.data.dir";
    /**
     * Set by the launcher for one-shot commands ({@code shoal get}): where the engine keeps its
     * torrents instead of the configured torrents directory, so such a run neither restores nor
     * records the daemon's torrents.
     */
    public static final String SESSION_DIR_PROPERTY = "shoal.engine.session.dir";

    /** What {@code Engine.defaults} fills in. */
    public record AddDefaults(Path downloadDirectory, SeedGoal seedGoal) {

        public AddDefaults {
            Objects.requireNonNull(downloadDirectory, "downloadDirectory");
            Objects.requireNonNull(seedGoal, "seedGoal");
        }
    }

    public EngineSettings {
        Objects.requireNonNull(resumeDirectory, "resumeDirectory");
        Objects.requireNonNull(torrentsDirectory, "torrentsDirectory");
        Objects.requireNonNull(globalLimits, "globalLimits");
        Objects.requireNonNull(additions, "additions");
        if (tick.isNegative() || tick.isZero() || stopWait.isNegative() || saveInterval.isNegative()
                || saveInterval.isZero()) {
            throw new IllegalArgumentException("the tick and the save interval must be positive and the stop wait"
                    + " not negative");
        }
        if (metadataTimeout.isNegative()) {
            throw new IllegalArgumentException("the metadata timeout must not be negative");
        }
        Objects.requireNonNull(idleLimit, "idleLimit");
        if (maxActiveDownloads < 0 || maxActiveSeeds < 0) {
            throw new IllegalArgumentException("the most active torrents must not be negative");
        }
    }

    /**
     * No limits, a tick a second, 5 s for {@code stopped}, counters saved every 30 s, the torrents kept
     * beside the resume directory ({@code ../torrents}), 5 downloads and 10 seeds at once, downloads
     * to {@code <user.home>/Downloads} seeding to ratio 1.
     */
    public static EngineSettings defaults(Path resumeDirectory) {
        return new EngineSettings(resumeDirectory, resumeDirectory.toAbsolutePath().resolveSibling("torrents"),
                RateLimits.UNLIMITED, Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(30),
                new AddDefaults(defaultDownloadDirectory(), SeedGoal.DEFAULT), 5, 10, Duration.ZERO, Optional.empty());
    }

    public EngineSettings withGlobalLimits(RateLimits value) {
        return new EngineSettings(resumeDirectory, torrentsDirectory, value, tick, stopWait, saveInterval, additions,
                maxActiveDownloads, maxActiveSeeds, metadataTimeout, idleLimit);
    }

    public EngineSettings withTick(Duration value) {
        return new EngineSettings(resumeDirectory, torrentsDirectory, globalLimits, value, stopWait, saveInterval,
                additions, maxActiveDownloads, maxActiveSeeds, metadataTimeout, idleLimit);
    }

    public EngineSettings withTorrentsDirectory(Path value) {
        return new EngineSettings(resumeDirectory, value, globalLimits, tick, stopWait, saveInterval, additions,
                maxActiveDownloads, maxActiveSeeds, metadataTimeout, idleLimit);
    }

    public EngineSettings withSaveInterval(Duration value) {
        return new EngineSettings(resumeDirectory, torrentsDirectory, globalLimits, tick, stopWait, value, additions,
                maxActiveDownloads, maxActiveSeeds, metadataTimeout, idleLimit);
    }

    public EngineSettings withAdditions(AddDefaults value) {
        return new EngineSettings(resumeDirectory, torrentsDirectory, globalLimits, tick, stopWait, saveInterval,
                value, maxActiveDownloads, maxActiveSeeds, metadataTimeout, idleLimit);
    }

    public EngineSettings withQueueLimits(int downloads, int seeds) {
        return new EngineSettings(resumeDirectory, torrentsDirectory, globalLimits, tick, stopWait, saveInterval,
                additions, downloads, seeds, metadataTimeout, idleLimit);
    }

    public EngineSettings withMetadataTimeout(Duration value) {
        return new EngineSettings(resumeDirectory, torrentsDirectory, globalLimits, tick, stopWait, saveInterval,
                additions, maxActiveDownloads, maxActiveSeeds, value, idleLimit);
    }

    public EngineSettings withIdleLimit(Optional<Duration> value) {
        return new EngineSettings(resumeDirectory, torrentsDirectory, globalLimits, tick, stopWait, saveInterval,
                additions, maxActiveDownloads, maxActiveSeeds, metadataTimeout, value);
    }

    /** {@code <user.home>/Downloads}. */
    static Path defaultDownloadDirectory() {
        return Path.of(System.getProperty("user.home"), "Downloads");
    }

    /**
     * The configured resume directory, or {@code <data dir>/resume}; the data directory is the
     * framework's {@value #DATA_DIR_PROPERTY}, else {@code <java.io.tmpdir>/shoal}.
     *
     * @param configured the configuration's value; blank for the default
     * @param dataDir    the framework property, or null when unset
     */
    static Path resumeDirectory(String configured, String dataDir) {
        return underDataDir(configured, dataDir, "resume");
    }

    /** {@code settings}, with the torrents kept in {@code sessionDir} when the launcher set one. */
    static EngineSettings oneShotSession(EngineSettings settings, String sessionDir) {
        return sessionDir == null || sessionDir.isBlank() ? settings
                : settings.withTorrentsDirectory(Path.of(sessionDir.strip()));
    }

    /** The configured torrents directory, or {@code <data dir>/torrents}; as {@link #resumeDirectory}. */
    static Path torrentsDirectory(String configured, String dataDir) {
        return underDataDir(configured, dataDir, "torrents");
    }

    private static Path underDataDir(String configured, String dataDir, String name) {
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured.strip());
        }
        Path base = dataDir != null && !dataDir.isBlank() ? Path.of(dataDir.strip())
                : Path.of(System.getProperty("java.io.tmpdir"), "shoal");
        return base.resolve(name);
    }
}
