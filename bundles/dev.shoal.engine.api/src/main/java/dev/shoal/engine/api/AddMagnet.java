package dev.shoal.engine.api;

import dev.shoal.metainfo.MagnetLink;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A magnet link to add: the torrent's metadata is fetched from peers first.
 *
 * @param magnet            the link (a v1 info-hash is needed; {@code x.pe} and {@code tr} give peers)
 * @param downloadDirectory where its files go
 * @param seedGoal          when to stop seeding
 * @param rateLimits        the torrent's own limits
 * @param paused            add it without starting it (not even the metadata is fetched)
 * @since 2.0
 */
public record AddMagnet(MagnetLink magnet, Path downloadDirectory, SeedGoal seedGoal, RateLimits rateLimits,
        boolean paused) {

    public AddMagnet {
        Objects.requireNonNull(magnet, "magnet");
        Objects.requireNonNull(downloadDirectory, "downloadDirectory");
        Objects.requireNonNull(seedGoal, "seedGoal");
        Objects.requireNonNull(rateLimits, "rateLimits");
    }

    /** Started at once, seeding to ratio 1.0, no limits of its own. */
    public static AddMagnet of(MagnetLink magnet, Path downloadDirectory) {
        return new AddMagnet(magnet, downloadDirectory, SeedGoal.DEFAULT, RateLimits.UNLIMITED, false);
    }

    public AddMagnet withDownloadDirectory(Path value) {
        return new AddMagnet(magnet, value, seedGoal, rateLimits, paused);
    }

    public AddMagnet withSeedGoal(SeedGoal value) {
        return new AddMagnet(magnet, downloadDirectory, value, rateLimits, paused);
    }

    public AddMagnet withRateLimits(RateLimits value) {
        return new AddMagnet(magnet, downloadDirectory, seedGoal, value, paused);
    }

    public AddMagnet withPaused(boolean value) {
        return new AddMagnet(magnet, downloadDirectory, seedGoal, rateLimits, value);
    }
}
