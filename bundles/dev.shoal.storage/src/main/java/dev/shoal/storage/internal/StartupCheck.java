package dev.shoal.storage.internal;

import dev.shoal.metainfo.Metainfo;
import dev.shoal.storage.api.CheckProgress;
import dev.shoal.storage.api.CheckResult;
import dev.shoal.storage.api.PieceSet;
import dev.shoal.storage.api.StorageException;
import dev.shoal.storage.api.StorageOptions;
import dev.shoal.storage.internal.io.PieceIo;
import dev.shoal.storage.internal.resume.ResumeFile;
import java.time.Duration;
import java.util.BitSet;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds out which pieces and blocks are on disk: at start-up, from the resume data and the journal of
 * what was written after it, as long as every file whose stamp changed since was written by us, else
 * by hashing every piece that may be there; and the same full hashing on a requested recheck. After
 * an unclean stop only the pieces whose last blocks the journal records are hashed: the blocks of the
 * others are trusted as written (each piece is hashed when it completes). In the lane only.
 */
final class StartupCheck {

    private static final Logger LOG = LoggerFactory.getLogger(StartupCheck.class);

    private final Metainfo torrent;
    private final StorageOptions options;
    private final PieceIo io;
    private final ResumeKeeper resume;
    private final PieceCompletion completion;
    private final VerifiedPieces verified;

    StartupCheck(Metainfo torrent, StorageOptions options, PieceIo io, ResumeKeeper resume,
            PieceCompletion completion, VerifiedPieces verified) {
        this.torrent = torrent;
        this.options = options;
        this.io = io;
        this.resume = resume;
        this.completion = completion;
        this.verified = verified;
    }

    /** Creates the empty files, trusts or rechecks, preallocates if asked, and saves what it found. */
    CheckResult run() throws StorageException {
        long started = System.nanoTime();
        io.createEmptyFiles();
        ResumeFile.Loaded loaded = resume.load();
        CheckResult.Reason reason;
        JournalReplay.Outcome trusted = null;
        if (loaded.data().isPresent()) {
            trusted = resume.trusted(loaded.data().get()).orElse(null);
            reason = trusted != null ? CheckResult.Reason.RESUMED : CheckResult.Reason.RESUME_MISMATCH;
        } else {
            reason = loaded.problem().isPresent() ? CheckResult.Reason.RESUME_CORRUPT
                    : CheckResult.Reason.NO_RESUME_DATA;
        }
        loaded.problem().ifPresent(problem -> LOG.warn("unusable resume data, rechecking: {}", problem));
        CheckResult result;
        if (trusted != null) {
            result = trust(trusted, started);
        } else if (reason == CheckResult.Reason.NO_RESUME_DATA && !io.anyFileHasData()) {
            // A new torrent, nothing of it on disk yet (a magnet's, say): nothing to hash. Its
            // empty result is still saved, as a check's is.
            resume.changed();
            result = new CheckResult(reason, verified.snapshot(), 0, elapsedSince(started));
        } else {
            result = fullCheck(reason, CheckProgress.NONE, started);
            LOG.info("{}: checked every piece that may be on disk ({}): {} hashed, {} verified", torrent.name(),
                    reason, result.piecesHashed(), result.verified().count());
        }
        if (options.allocation() == StorageOptions.Allocation.PREALLOCATE) {
            // After the check: extending a file changes its stamp, which must not spoil the comparison.
            io.preallocate();
            resume.changed();
        }
        resume.saveIfDirty(verified.snapshot());
        resume.startJournal();
        return result;
    }

    /**
     * Takes the resume data and the journal at their word, but for the pieces the journal shows all
     * blocks of: those are hashed (they may have been verified since the save, or failed).
     */
    private CheckResult trust(JournalReplay.Outcome trusted, long started) throws StorageException {
        verified.replace(trusted.verified());
        int hashed = 0;
        for (Map.Entry<Integer, BitSet> entry : trusted.unfinished().entrySet()) {
            int piece = entry.getKey();
            if (entry.getValue().cardinality() < BlockTracker.blocks(torrent.pieceSize(piece))) {
                completion.restore(piece, entry.getValue());
            } else {
                hashed++;
                if (completion.matches(piece)) {
                    verified.set(piece, true);
                }
            }
        }
        if (trusted.events() == 0 && hashed == 0) {
            return new CheckResult(CheckResult.Reason.RESUMED, verified.snapshot(), hashed, elapsedSince(started));
        }
        LOG.info("{}: resumed after an unclean stop: {} events journaled since the last save, {} pieces hashed",
                torrent.name(), trusted.events(), hashed);
        resume.changed();
        return new CheckResult(CheckResult.Reason.RECOVERED, verified.snapshot(), hashed, elapsedSince(started));
    }

    /** Hashes every piece that may be on disk, reading it back: the disk is what it judges. */
    CheckResult fullCheck(CheckResult.Reason reason, CheckProgress progress, long started) throws StorageException {
        completion.rechecking();
        BitSet found = new BitSet(torrent.pieceCount());
        int hashed = 0;
        for (int piece = 0; piece < torrent.pieceCount(); piece++) {
            if (io.mayBePresent(piece)) {
                hashed++;
                if (completion.matches(piece)) {
                    found.set(piece);
                }
            }
            progress.progress(piece + 1, torrent.pieceCount());
        }
        // What a recheck finds may still sit in the page cache of a process that died: make it durable.
        io.forceFilesOf(found);
        verified.replace(PieceSet.of(found, torrent.pieceCount()));
        resume.changed();
        return new CheckResult(reason, verified.snapshot(), hashed, elapsedSince(started));
    }

    private static Duration elapsedSince(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
