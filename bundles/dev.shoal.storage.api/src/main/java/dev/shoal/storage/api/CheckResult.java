package dev.shoal.storage.api;

import java.time.Duration;
import java.util.Objects;

/**
 * What a startup check or a recheck found.
 *
 * @param reason       why pieces were (or were not) hashed
 * @param verified     the verified pieces afterwards
 * @param piecesHashed how many pieces were read and hashed; 0 when resume data was trusted as it was
 * @param elapsed      how long the check took
 */
public record CheckResult(Reason reason, PieceSet verified, int piecesHashed, Duration elapsed) {

    /** Why the check ended as it did. */
    public enum Reason {
        /** The resume data matched every file: its bitfield was trusted, nothing hashed. */
        RESUMED,
        /**
         * The last stop was unclean (a killed process): the resume data and the journal of the blocks
         * written after its last save were trusted, and only the pieces that journal shows complete
         * were hashed.
         *
         * @since 1.2
         */
        RECOVERED,
        /** There was no resume file: every piece on disk was hashed. */
        NO_RESUME_DATA,
        /** The resume file could not be read or decoded: full recheck. */
        RESUME_CORRUPT,
        /** The resume file is for another torrent, or a file's size or mtime changed: full recheck. */
        RESUME_MISMATCH,
        /** {@link TorrentStorage#recheck(CheckProgress)} was called. */
        REQUESTED
    }

    public CheckResult {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(verified, "verified");
        Objects.requireNonNull(elapsed, "elapsed");
        if (piecesHashed < 0) {
            throw new IllegalArgumentException("piecesHashed must not be negative");
        }
    }

    /** True unless the resume data was trusted ({@link Reason#RESUMED} or {@link Reason#RECOVERED}). */
    public boolean rechecked() {
        return reason != Reason.RESUMED && reason != Reason.RECOVERED;
    }
}
