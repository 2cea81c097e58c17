package dev.shoal.engine.internal;

import dev.shoal.engine.api.FilePriority;
import dev.shoal.engine.api.FileStatus;
import dev.shoal.peer.api.PiecePriorities;
import dev.shoal.storage.api.PieceSet;
import java.util.List;

/** A torrent's file priorities and the pieces they want, as one immutable value. */
final class FileChoice {

    private final FileTable table;
    private final List<FilePriority> priorities;
    private final PiecePriorities wanted;

    FileChoice(FileTable table, List<FilePriority> priorities) {
        if (priorities.size() != table.size()) {
            throw new IllegalArgumentException(priorities.size() + " priorities for " + table.size() + " files");
        }
        this.table = table;
        this.priorities = List.copyOf(priorities);
        this.wanted = table.piecePriorities(this.priorities.toArray(FilePriority[]::new));
    }

    int size() {
        return priorities.size();
    }

    List<FilePriority> priorities() {
        return priorities;
    }

    /** The same with the file at {@code index} at {@code priority}. */
    FileChoice with(int index, FilePriority priority) {
        FilePriority[] changed = priorities.toArray(FilePriority[]::new);
        changed[index] = priority;
        return new FileChoice(table, List.of(changed));
    }

    PiecePriorities wanted() {
        return wanted;
    }

    /** Every wanted piece is in {@code verified}. */
    boolean complete(PieceSet verified) {
        return FileTable.complete(verified, wanted);
    }

    List<FileStatus> statuses(PieceSet verified) {
        return table.statuses(verified, priorities.toArray(FilePriority[]::new));
    }
}
