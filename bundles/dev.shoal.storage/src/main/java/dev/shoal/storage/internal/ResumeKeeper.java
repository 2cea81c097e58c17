package dev.shoal.storage.internal;

import dev.shoal.metainfo.Metainfo;
import dev.shoal.storage.api.PieceSet;
import dev.shoal.storage.api.StorageException;
import dev.shoal.storage.internal.io.PieceIo;
import dev.shoal.storage.internal.layout.IoErrors;
import dev.shoal.storage.internal.resume.FileStamp;
import dev.shoal.storage.internal.resume.ResumeData;
import dev.shoal.storage.internal.resume.ResumeFile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Saves and judges fast-resume data. Disk thread only: a save happens between writes, so the stamps
 * it records describe the files exactly as they are, and the bitfield holds only pieces whose files
 * were forced to disk just before. A later write changes a stamp, which costs a recheck after a crash, never a
 * wrongly trusted piece.
 */
final class ResumeKeeper {

    private final Metainfo torrent;
    private final PieceIo io;
    private final ResumeFile file;
    private final long minGapNanos;
    private long lastSave;
    private boolean dirty;
    private volatile long saves;

    ResumeKeeper(Metainfo torrent, PieceIo io, ResumeFile file, long minGapNanos) {
        this.torrent = torrent;
        this.io = io;
        this.file = file;
        this.minGapNanos = minGapNanos;
        this.lastSave = System.nanoTime() - minGapNanos;
    }

    ResumeFile.Loaded load() {
        return file.load();
    }

    /** The trusted bitfield when {@code data} is this torrent's and every file's stamp still matches. */
    Optional<PieceSet> trusted(ResumeData data) throws StorageException {
        if (!data.fits(torrent.infoHash().bytes(), torrent.pieceCount(), torrent.files().size())) {
            return Optional.empty();
        }
        return stamps().equals(data.files()) ? Optional.of(data.verified()) : Optional.empty();
    }

    void changed() {
        dirty = true;
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
        // What the bitfield claims must be on the device before the claim is, or a machine crash
        // could leave a resume file trusting pieces whose data never left the page cache.
        io.forceFilesOf(verified.toBitSet());
        file.save(new ResumeData(torrent.infoHash().bytes(), verified, stamps()));
        dirty = false;
        lastSave = System.nanoTime();
        saves++;
    }

    long saves() {
        return saves;
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
