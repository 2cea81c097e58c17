package dev.shoal.engine.api;

import dev.shoal.metainfo.Metainfo;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What to add.
 *
 * @param metainfo          the torrent
 * @param downloadDirectory where its files are (or go)
 * @param seedGoal          when to stop seeding
 * @param rateLimits        the torrent's own limits
 * @param paused            add it without starting it
 */
public record AddTorrent(Metainfo metainfo, Path downloadDirectory, SeedGoal seedGoal, RateLimits rateLimits,
        boolean paused) {

    public AddTorrent {
        Objects.requireNonNull(metainfo, "metainfo");
        Objects.requireNonNull(downloadDirectory, "downloadDirectory");
        Objects.requireNonNull(seedGoal, "seedGoal");
        Objects.requireNonNull(rateLimits, "rateLimits");
    }

    /** Started at once, seeding to ratio 1.0, no limits of its own. */
    public static AddTorrent of(Metainfo metainfo, Path downloadDirectory) {
        return new AddTorrent(metainfo, downloadDirectory, SeedGoal.DEFAULT, RateLimits.UNLIMITED, false);
    }

    public AddTorrent withDownloadDirectory(Path value) {
        return new AddTorrent(metainfo, value, seedGoal, rateLimits, paused);
    }

    public AddTorrent withSeedGoal(SeedGoal value) {
        return new AddTorrent(metainfo, downloadDirectory, value, rateLimits, paused);
    }

    public AddTorrent withRateLimits(RateLimits value) {
        return new AddTorrent(metainfo, downloadDirectory, seedGoal, value, paused);
    }

    public AddTorrent withPaused(boolean value) {
        return new AddTorrent(metainfo, downloadDirectory, seedGoal, rateLimits, value);
    }
}
