package dev.shoal.engine.api;

import dev.shoal.metainfo.InfoHash;
import dev.shoal.metainfo.Metainfo;
import java.nio.file.Path;
import java.util.concurrent.CompletionStage;
import org.osgi.annotation.versioning.ProviderType;

/** One torrent the engine holds. Every method returns at once and is safe from any thread. */
@ProviderType
public interface Torrent {

    InfoHash infoHash();

    Metainfo metainfo();

    Path downloadDirectory();

    /** Where it is now; a fresh snapshot on every call. */
    TorrentStatus status();

    /** Disconnects its peers and stops announcing; the data and what is verified stay. */
    void pause();

    /** Starts a paused, finished or failed torrent again (a failed one is checked first). */
    void resume();

    /** Hashes every piece on disk again; the torrent downloads what fails. */
    CompletionStage<Void> recheck();

    void setSeedGoal(SeedGoal goal);

    void setRateLimits(RateLimits limits);

    /**
     * Stops the torrent and forgets it; the downloaded files stay on disk. Completes when the
     * trackers were told (or gave up) and the files are closed.
     */
    CompletionStage<Void> remove();
}
