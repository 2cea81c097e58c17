package dev.shoal.storage.internal;

import dev.shoal.metainfo.Metainfo;
import dev.shoal.storage.api.PieceSet;
import dev.shoal.storage.api.TorrentStorage;
import dev.shoal.storage.internal.layout.FileLayout;
import dev.shoal.storage.internal.layout.Span;
import dev.shoal.storage.internal.resume.ResumeData;
import dev.shoal.storage.internal.resume.WriteJournal;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

/**
 * What the files hold after an unclean stop: the resume data's pieces and blocks, with the journal of
 * what was written after that save played over them. The files the journal wrote to are the ones whose
 * stamps may differ from the saved ones without anybody else having touched them. Pure: no I/O.
 */
final class JournalReplay {

    /**
     * @param verified   the saved verified pieces, less those that failed their hash since
     * @param unfinished the written blocks of the other pieces, some of them perhaps complete now
     * @param written    the files the journal wrote to
     * @param events     how many journal entries were played
     */
    record Outcome(PieceSet verified, Map<Integer, BitSet> unfinished, BitSet written, int events) {
    }

    private final Metainfo torrent;
    private final FileLayout layout;

    JournalReplay(Metainfo torrent, FileLayout layout) {
        this.torrent = torrent;
        this.layout = layout;
    }

    /**
     * Plays {@code entries} over {@code data}. Saved blocks that do not fit their piece are dropped; the
     * journal is played up to its first entry that does not fit the torrent, which ends it: what
     * follows is not a record of Shoal's.
     */
    Outcome play(ResumeData data, List<WriteJournal.Entry> entries) {
        BitSet verified = data.verified().toBitSet();
        Map<Integer, BitSet> unfinished = data.unfinished();
        unfinished.values().removeIf(blocks -> blocks.isEmpty());
        unfinished.entrySet().removeIf(entry -> entry.getValue().length() > blockCount(entry.getKey()));
        BitSet written = new BitSet(torrent.files().size());
        int events = 0;
        for (WriteJournal.Entry entry : entries) {
            int piece = entry.piece();
            if (piece < 0 || piece >= torrent.pieceCount() || entry.block() >= blockCount(piece)) {
                break;
            }
            events++;
            if (entry.failed()) {
                verified.clear(piece);
                unfinished.remove(piece);
            } else if (!verified.get(piece)) {
                unfinished.computeIfAbsent(piece, p -> new BitSet()).set(entry.block());
                markFiles(piece, entry.block(), written);
            }
        }
        return new Outcome(PieceSet.of(verified, torrent.pieceCount()), unfinished, written, events);
    }

    int blockCount(int piece) {
        return BlockTracker.blocks(torrent.pieceSize(piece));
    }

    private void markFiles(int piece, int block, BitSet files) {
        int offset = block * TorrentStorage.BLOCK_LENGTH;
        int length = Math.min(TorrentStorage.BLOCK_LENGTH, torrent.pieceSize(piece) - offset);
        for (Span span : layout.spans(layout.pieceStart(piece) + offset, length)) {
            if (!span.padding()) {
                files.set(span.file());
            }
        }
    }
}
