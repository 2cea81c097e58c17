package dev.shoal.rpc.internal;

import dev.shoal.engine.api.FilePriority;
import dev.shoal.engine.api.FileStatus;
import dev.shoal.engine.api.Torrent;
import java.util.List;
import java.util.Optional;

/**
 * {@code files-wanted}, {@code files-unwanted}, {@code priority-high} and {@code priority-normal}
 * as the engine's one priority per file: unwanted is {@link FilePriority#SKIP}; a wanted file is
 * normal or high. An empty list means every file, as in Transmission. A priority given to a file
 * left unwanted is not kept (the engine has no priority for a skipped file).
 */
final class FileChoices {

    private final Optional<List<Integer>> wanted;
    private final Optional<List<Integer>> unwanted;
    private final Optional<List<Integer>> high;
    private final Optional<List<Integer>> normal;

    private FileChoices(Optional<List<Integer>> wanted, Optional<List<Integer>> unwanted,
            Optional<List<Integer>> high, Optional<List<Integer>> normal) {
        this.wanted = wanted;
        this.unwanted = unwanted;
        this.high = high;
        this.normal = normal;
    }

    static FileChoices read(Arguments arguments) throws RpcException {
        return new FileChoices(arguments.indices("files-wanted"), arguments.indices("files-unwanted"),
                arguments.indices("priority-high"), arguments.indices("priority-normal"));
    }

    boolean any() {
        return wanted.isPresent() || unwanted.isPresent() || high.isPresent() || normal.isPresent();
    }

    /** Refuses indices the torrent does not have, and any choice before its files are known. */
    void check(Torrent torrent) throws RpcException {
        if (!any()) {
            return;
        }
        int count = torrent.files().size();
        if (count == 0) {
            throw new RpcException("torrent " + torrent.id() + " has no files to choose from yet (its metadata is"
                    + " still being fetched)");
        }
        for (Optional<List<Integer>> list : List.of(wanted, unwanted, high, normal)) {
            for (int index : list.orElse(List.of())) {
                if (index >= count) {
                    throw new RpcException("torrent " + torrent.id() + " has no file " + index + " (it has " + count
                            + ")");
                }
            }
        }
    }

    void apply(Torrent torrent) {
        if (!any()) {
            return;
        }
        List<FileStatus> files = torrent.files();
        FilePriority[] chosen = files.stream().map(FileStatus::priority).toArray(FilePriority[]::new);
        set(chosen, wanted, p -> p == FilePriority.SKIP ? FilePriority.NORMAL : p);
        set(chosen, unwanted, p -> FilePriority.SKIP);
        set(chosen, high, p -> p == FilePriority.SKIP ? p : FilePriority.HIGH);
        set(chosen, normal, p -> p == FilePriority.SKIP ? p : FilePriority.NORMAL);
        for (int i = 0; i < chosen.length; i++) {
            if (chosen[i] != files.get(i).priority()) {
                torrent.setFilePriority(i, chosen[i]);
            }
        }
    }

    private static void set(FilePriority[] chosen, Optional<List<Integer>> indices,
            java.util.function.UnaryOperator<FilePriority> change) {
        if (indices.isEmpty()) {
            return;
        }
        if (indices.get().isEmpty()) {
            for (int i = 0; i < chosen.length; i++) {
                chosen[i] = change.apply(chosen[i]);
            }
            return;
        }
        for (int index : indices.get()) {
            chosen[index] = change.apply(chosen[index]);
        }
    }
}
