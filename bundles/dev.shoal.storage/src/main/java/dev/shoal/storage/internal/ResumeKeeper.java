package dev.shoal.storage.internal;

import dev.shoal.metainfo.Metainfo;
import dev.shoal.storage.api.PieceSet;
import dev.shoal.storage.api.StorageException;
import dev.shoal.storage.internal.io.PieceIo;
import dev.shoal.storage.internal.layout.IoErrors;
import dev.shoal.storage.internal.resume.FileStamp;
import dev.shoal.storage.internal.resume.ResumeData;
import dev.shoal.storage.internal.resume.ResumeFile;
import dev.shoal.storage.internal.resume.WriteJournal;
import java.io.IOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saves and judges fast-resume data, and keeps the {@link WriteJournal} of what was written since.
 * In the torrent's lane only: a save happens between writes, so the stamps it records describe the files
 * exactly as they are, and the pieces and blocks it records were forced to disk just before. A block
 * is journaled once its bytes are handed to the file system, so the journal never claims a block a
 * killed process did not write. A later write changes a stamp: the journal explains the files it
 * wrote to; a file changed without it costs a recheck, never a wrongly trusted piece.
 */
final class ResumeKeeper {

    private static final Logger LOG = LoggerFactory.getLogger(ResumeKeeper.class);

    private final Metainfo torrent;
    private final PieceIo io;
    private final ResumeFile file;
    private final WriteJournal journal;
    private final JournalReplay replay;
    private final Supplier<Map<Integer, BitSet>> unfinished;
    private final long minGapNanos;
    private long lastSave;
    private long generation;
    private boolean dirty;
    /** The journal failed to take an event: it records nothing more until the next save starts it anew. */
    private boolean journalBroken = true;
    private volatile long saves;

    ResumeKeeper(Metainfo torrent, PieceIo io, ResumeFile file, Supplier<Map<Integer, BitSet>> unfinished,
            long minGapNanos) {
        this.torrent = torrent;
        this.io = io;
        this.file = file;
        this.journal = new WriteJournal(WriteJournal.beside(file.path()));
        this.replay = new JournalReplay(torrent, io.layout());
        this.unfinished = unfinished;
        this.minGapNanos = minGapNanos;
        this.lastSave = System.nanoTime() - minGapNanos;
    }

    ResumeFile.Loaded load() {
        return file.load();
    }

    /**
     * What the files hold by {@code data} and the journal written after it, when {@code data} is this
     * torrent's and every file whose stamp changed since was written by us (as the journal says).
     */
    Optional<JournalReplay.Outcome> trusted(ResumeData data) throws StorageException {
        if (!data.fits(torrent.infoHash().bytes(), torrent.pieceCount(), torrent.files().size())) {
            return Optional.empty();
        }
        generation = data.generation();
        List<WriteJournal.Entry> entries = List.of();
        try {
            entries = journal.read(generation);
        } catch (IOException e) {
            LOG.warn("{}: unusable write journal, trusting the resume data alone: {}", torrent.name(),
                    e.getMessage());
        }
        JournalReplay.Outcome outcome = replay.play(data, entries);
        List<FileStamp> now = stamps();
        for (int i = 0; i < now.size(); i++) {
            if (!now.get(i).equals(data.files().get(i)) && !outcome.written().get(i)) {
                return Optional.empty();
            }
        }
        return Optional.of(outcome);
    }

    void changed() {
        dirty = true;
    }

    /** Journals a block just handed to the file system. */
    void written(int piece, int block) {
        record(() -> journal.written(piece, block));
    }

    /** Journals a piece that failed its hash. */
    void failed(int piece) {
        record(() -> journal.failed(piece));
    }

    /** Saves when something changed and the last save is at least the interval ago. */
    void saveIfDue(PieceSet verified) throws StorageException {
        if (dirty && System.nanoTime() - lastSave >= minGapNanos) {
            save(verified);
        }
    }

    void saveIfDirty(PieceSet verified) throws StorageException {
        if (dirty) {
            save(verified);
        }
    }

    void save(PieceSet verified) throws StorageException {
        Map<Integer, BitSet> blocks = unfinished.get();
        // What the resume data claims must be on the device before the claim is, or a machine crash
        // could leave a resume file trusting pieces whose data never left the page cache.
        BitSet claimed = verified.toBitSet();
        blocks.keySet().forEach(claimed::set);
        io.forceFilesOf(claimed);
        file.save(new ResumeData(torrent.infoHash().bytes(), verified, blocks, stamps(), generation + 1));
        generation++;
        journalBroken = true;
        startJournal();
        dirty = false;
        lastSave = System.nanoTime();
        saves++;
    }

    /**
     * Starts the journal anew for the resume data on disk (just saved, or trusted by the start-up check
     * with nothing to add), so that what is written from now on is recorded against it.
     */
    void startJournal() {
        try {
            journal.restart(generation);
            journalBroken = false;
        } catch (IOException e) {
            LOG.warn("{}: cannot start the write journal {}; a crash now costs a recheck: {}", torrent.name(),
                    journal.path(), e.getMessage());
        }
    }

    long saves() {
        return saves;
    }

    void close() {
        try {
            journal.close();
        } catch (IOException e) {
            LOG.debug("closing the write journal", e);
        }
    }

    private interface JournalWrite {
        void run() throws IOException;
    }

    private void record(JournalWrite write) {
        if (journalBroken) {
            return;
        }
        try {
            write.run();
        } catch (IOException e) {
            // Not a reason to stop the download: a crash before the next save then costs a recheck.
            journalBroken = true;
            LOG.warn("{}: the write journal {} failed; a crash before the next resume save costs a recheck: {}",
                    torrent.name(), journal.path(), e.getMessage());
        }
    }

    private List<FileStamp> stamps() throws StorageException {
        List<FileStamp> stamps = new ArrayList<>(torrent.files().size());
        for (int i = 0; i < torrent.files().size(); i++) {
            if (torrent.files().get(i).isPadding()) {
                stamps.add(FileStamp.ABSENT);
                continue;
            }
            try {
                stamps.add(FileStamp.of(io.path(i)));
            } catch (IOException e) {
                throw IoErrors.map(e, io.path(i), "reading the size and time of");
            }
        }
        return stamps;
    }
}
