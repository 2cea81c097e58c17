package dev.shoal.engine.internal;

import dev.shoal.engine.api.SeedGoal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The engine's configuration read into {@link EngineSettings}; what cannot be read is said once and left at its default. */
final class Configured {

    private static final Logger LOG = LoggerFactory.getLogger(Configured.class);

    private Configured() {
    }

    static EngineSettings settings(EngineComponent.Config config, String dataDir) {
        Path downloads = config.downloadDirectory() == null || config.downloadDirectory().isBlank()
                ? EngineSettings.defaultDownloadDirectory() : Path.of(config.downloadDirectory().strip());
        return EngineSettings.defaults(EngineSettings.resumeDirectory(config.resumeDirectory(), dataDir))
                .withTorrentsDirectory(EngineSettings.torrentsDirectory(config.torrentsDirectory(), dataDir))
                .withGlobalLimits(config.altLimitsEnabled()
                        ? Limits.ofKiB(config.altDownloadLimitKiB(), config.altUploadLimitKiB())
                        : Limits.ofKiB(config.downloadLimitKiB(), config.uploadLimitKiB()))
                .withAdditions(new EngineSettings.AddDefaults(downloads,
                        seedGoal(config.seedRatio(), config.seedTimeMinutes())))
                .withQueueLimits(Math.max(0, config.maxActiveDownloads()), Math.max(0, config.maxActiveSeeds()))
                .withMetadataTimeout(Duration.ofSeconds(Math.max(0, config.metadataTimeoutSeconds())))
                .withIdleLimit(config.seedIdleMinutes() > 0 ? Optional.of(Duration.ofMinutes(config.seedIdleMinutes()))
                        : Optional.empty());
    }

    /** A ratio as text (empty or negative: none) and minutes (0 or less: none). */
    static SeedGoal seedGoal(String ratio, long minutes) {
        OptionalDouble parsed = OptionalDouble.empty();
        String text = ratio == null ? "" : ratio.strip();
        if (!text.isEmpty()) {
            try {
                double value = Double.parseDouble(text);
                if (Double.isNaN(value) || Double.isInfinite(value)) {
                    throw new NumberFormatException(text);
                }
                parsed = value < 0 ? OptionalDouble.empty() : OptionalDouble.of(value);
            } catch (NumberFormatException e) {
                LOG.warn("seedRatio '{}' is not a number; using {}", text, SeedGoal.DEFAULT.ratio().getAsDouble());
                parsed = SeedGoal.DEFAULT.ratio();
            }
        }
        return new SeedGoal(parsed, minutes > 0 ? Optional.of(Duration.ofMinutes(minutes)) : Optional.empty());
    }
}
