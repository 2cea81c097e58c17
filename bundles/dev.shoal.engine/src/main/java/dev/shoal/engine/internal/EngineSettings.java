package dev.shoal.engine.internal;

import dev.shoal.engine.api.RateLimits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * The engine's settings as a value, so it runs without OSGi too.
 *
 * @param resumeDirectory where each torrent's fast-resume file is kept ({@code <info-hash>.resume})
 * @param globalLimits    limits over every torrent together
 * @param tick            how often seed goals are checked
 * @param stopWait        how long stopping waits for the trackers to hear {@code stopped}
 */
public record EngineSettings(Path resumeDirectory, RateLimits globalLimits, Duration tick, Duration stopWait) {

    /** The framework property naming Shoal's data directory. */
    public static final String DATA_DIR_PROPERTY = "shoal.data.dir";

    public EngineSettings {
        Objects.requireNonNull(resumeDirectory, "resumeDirectory");
        Objects.requireNonNull(globalLimits, "globalLimits");
        if (tick.isNegative() || tick.isZero() || stopWait.isNegative()) {
            throw new IllegalArgumentException("the tick must be positive and the stop wait not negative");
        }
    }

    /** No limits, a tick a second, 5 s for {@code stopped}. */
    public static EngineSettings defaults(Path resumeDirectory) {
        return new EngineSettings(resumeDirectory, RateLimits.UNLIMITED, Duration.ofSeconds(1),
                Duration.ofSeconds(5));
    }

    public EngineSettings withGlobalLimits(RateLimits value) {
        return new EngineSettings(resumeDirectory, value, tick, stopWait);
    }

    public EngineSettings withTick(Duration value) {
        return new EngineSettings(resumeDirectory, globalLimits, value, stopWait);
    }

    /**
     * The configured resume directory, or {@code <data dir>/resume}; the data directory is the
     * framework's {@value #DATA_DIR_PROPERTY}, else {@code <java.io.tmpdir>/shoal}.
     *
     * @param configured the configuration's value; blank for the default
     * @param dataDir    the framework property, or null when unset
     */
    static Path resumeDirectory(String configured, String dataDir) {
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured.strip());
        }
        Path base = dataDir != null && !dataDir.isBlank() ? Path.of(dataDir.strip())
                : Path.of(System.getProperty("java.io.tmpdir"), "shoal");
        return base.resolve("resume");
    }
}
