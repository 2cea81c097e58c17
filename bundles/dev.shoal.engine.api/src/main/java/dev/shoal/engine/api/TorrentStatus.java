package dev.shoal.engine.api;

import dev.shoal.metainfo.InfoHash;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A torrent at one moment, for display. Byte counts are payload since the torrent was added.
 *
 * @param infoHash       the torrent
 * @param name           its name
 * @param state          where it is
 * @param error          why it is in {@link TorrentState#ERROR}, one line
 * @param size           bytes in the torrent
 * @param verifiedBytes  bytes in verified pieces (of the pieces; the last may be short)
 * @param pieces         pieces in the torrent
 * @param verifiedPieces pieces verified
 * @param checkedPieces  while {@link TorrentState#CHECKING}: pieces hashed so far
 * @param downloaded     bytes received
 * @param uploaded       bytes sent
 * @param wasted         bytes received for nothing (duplicates, failed hashes)
 * @param downloadRate   bytes/s received now
 * @param uploadRate     bytes/s sent now
 * @param eta            time to complete at the current rate (while downloading), or to the seed
 *                       goal (while seeding); empty when unknown
 * @param peers          peers connected
 * @param seeds          of those, complete ones
 * @param seedingTime    time spent seeding
 * @param trackers       the trackers, in tier order
 * @param metadata       for a torrent added from a magnet link whose metadata is not known yet (in
 *                       {@link TorrentState#METADATA}, or paused or failed before it came): how far
 *                       the fetch of the info dictionary came; empty once it is known (since 2.0)
 */
public record TorrentStatus(InfoHash infoHash, String name, TorrentState state, Optional<String> error, long size,
        long verifiedBytes, int pieces, int verifiedPieces, int checkedPieces, long downloaded, long uploaded,
        long wasted, long downloadRate, long uploadRate, Optional<Duration> eta, int peers, int seeds,
        Duration seedingTime, List<TrackerInfo> trackers, Optional<MetadataStatus> metadata) {

    public TorrentStatus {
        trackers = List.copyOf(trackers);
        Objects.requireNonNull(metadata, "metadata");
    }

    /** A torrent whose metadata is known. */
    public TorrentStatus(InfoHash infoHash, String name, TorrentState state, Optional<String> error, long size,
            long verifiedBytes, int pieces, int verifiedPieces, int checkedPieces, long downloaded, long uploaded,
            long wasted, long downloadRate, long uploadRate, Optional<Duration> eta, int peers, int seeds,
            Duration seedingTime, List<TrackerInfo> trackers) {
        this(infoHash, name, state, error, size, verifiedBytes, pieces, verifiedPieces, checkedPieces, downloaded,
                uploaded, wasted, downloadRate, uploadRate, eta, peers, seeds, seedingTime, trackers, Optional.empty());
    }

    /** Verified share of the torrent, 0..1. */
    public double progress() {
        if (metadata.isPresent()) {
            return 0.0;
        }
        return size == 0 ? 1.0 : (double) verifiedBytes / size;
    }

    /** Uploaded over size (the usual share ratio of a torrent). */
    public double ratio() {
        return size == 0 ? 0.0 : (double) uploaded / size;
    }

    /** Every piece verified; never before the metadata is known. */
    public boolean complete() {
        return metadata.isEmpty() && verifiedPieces == pieces;
    }
}
