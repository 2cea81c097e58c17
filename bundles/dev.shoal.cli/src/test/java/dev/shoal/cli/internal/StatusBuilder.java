package dev.shoal.cli.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.shoal.engine.api.TorrentState;
import dev.shoal.engine.api.TorrentStatus;
import dev.shoal.engine.api.TrackerInfo;
import dev.shoal.metainfo.InfoHash;

/** Status snapshots for tests: a 281 MiB torrent of 1124 pieces, downloading, nothing yet. */
final class StatusBuilder {

    static final long MIB = 1L << 20;

    private TorrentState state = TorrentState.DOWNLOADING;
    private String error;
    private long size = 281 * MIB;
    private long verified;
    private int pieces = 1124;
    private int verifiedPieces;
    private int checkedPieces;
    private long downloaded;
    private long uploaded;
    private long downRate;
    private long upRate;
    private Duration eta;
    private int peers;
    private int seeds;
    private Duration seedingTime = Duration.ZERO;
    private final List<TrackerInfo> trackers = new ArrayList<>();

    static StatusBuilder status() {
        return new StatusBuilder();
    }

    StatusBuilder state(TorrentState value) {
        state = value;
        return this;
    }

    StatusBuilder error(String value) {
        state = TorrentState.ERROR;
        error = value;
        return this;
    }

    StatusBuilder size(long value) {
        size = value;
        return this;
    }

    StatusBuilder verified(long bytes) {
        verified = bytes;
        verifiedPieces = (int) (pieces * bytes / size);
        return this;
    }

    StatusBuilder checked(int value) {
        state = TorrentState.CHECKING;
        checkedPieces = value;
        return this;
    }

    StatusBuilder downloaded(long value) {
        downloaded = value;
        return this;
    }

    StatusBuilder uploaded(long value) {
        uploaded = value;
        return this;
    }

    StatusBuilder rates(long down, long up) {
        downRate = down;
        upRate = up;
        return this;
    }

    StatusBuilder eta(Duration value) {
        eta = value;
        return this;
    }

    StatusBuilder peers(int all, int complete) {
        peers = all;
        seeds = complete;
        return this;
    }

    StatusBuilder seedingTime(Duration value) {
        seedingTime = value;
        return this;
    }

    StatusBuilder tracker(String url, boolean working, String message) {
        trackers.add(new TrackerInfo(url, working, Optional.ofNullable(message), 0));
        return this;
    }

    TorrentStatus build() {
        return new TorrentStatus(InfoHash.fromHex("c12fe1c06bba254a9dc9f519b335aa7c1367a88a"), "data.bin", state,
                Optional.ofNullable(error), size, verified, pieces, verifiedPieces, checkedPieces, downloaded,
                uploaded, 0, downRate, upRate, Optional.ofNullable(eta), peers, seeds, seedingTime, trackers);
    }
}
