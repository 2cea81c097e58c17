package dev.shoal.engine.internal;

import dev.shoal.engine.api.EngineException;
import dev.shoal.engine.api.FileStatus;
import dev.shoal.metainfo.FileEntry;
import dev.shoal.metainfo.Metainfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A torrent's layout: its metainfo with the file paths renamed ({@code torrent-rename-path}). The info
 * dictionary, hashes and file order stay those of the torrent file, so the layout is the same torrent
 * to the swarm and the trackers; only the storage places its files by the new paths.
 */
final class Layouts {

    private Layouts() {
    }

    /**
     * {@code layout} with the file or folder at {@code path} named {@code newName}.
     *
     * @throws EngineException when no file or folder has that path, the name is not one plain path
     *                         component, or another file or folder of the torrent has the new path
     */
    static Metainfo renamed(Metainfo layout, String path, String newName) throws EngineException {
        if (newName == null || newName.isEmpty() || newName.equals(".") || newName.equals("..")
                || newName.indexOf('/') >= 0 || newName.indexOf('\\') >= 0 || newName.chars().anyMatch(c -> c < 32)) {
            throw new EngineException("the new name must be one plain file or folder name, not '" + newName + "'");
        }
        List<String> prefix = path == null ? List.of() : Arrays.asList(path.split("/", -1));
        if (prefix.isEmpty() || prefix.stream().anyMatch(String::isEmpty)) {
            throw new EngineException("not a path in the torrent: '" + path + "'");
        }
        List<String> replaced = new ArrayList<>(prefix);
        replaced.set(replaced.size() - 1, newName);
        boolean found = false;
        List<List<String>> paths = new ArrayList<>();
        for (FileEntry file : layout.files()) {
            if (startsWith(file.path(), replaced) && !replaced.equals(prefix)) {
                throw new EngineException("cannot rename '" + path + "': '" + String.join("/", replaced)
                        + "' is in the torrent already");
            }
            if (startsWith(file.path(), prefix)) {
                found = true;
                List<String> renamed = new ArrayList<>(file.path());
                renamed.set(prefix.size() - 1, newName);
                paths.add(renamed);
            } else {
                paths.add(file.path());
            }
        }
        if (!found) {
            throw new EngineException("no file or folder '" + path + "' in " + layout.name());
        }
        return withPaths(layout, paths);
    }

    /** {@code metainfo} with these paths, one per file; its name follows the first file's first component. */
    static Metainfo withPaths(Metainfo metainfo, List<List<String>> paths) {
        if (paths.size() != metainfo.files().size()) {
            throw new IllegalArgumentException("the torrent has " + metainfo.files().size() + " files, not "
                    + paths.size());
        }
        List<FileEntry> files = new ArrayList<>(paths.size());
        for (int i = 0; i < paths.size(); i++) {
            FileEntry f = metainfo.files().get(i);
            files.add(new FileEntry(paths.get(i), f.length(), f.offset(), f.attributes(), f.symlinkTarget(),
                    f.piecesRoot()));
        }
        Metainfo m = metainfo;
        return new Metainfo(paths.get(0).get(0), m.version(), m.pieceLength(), m.pieceCount(), m.totalLength(), files,
                m.singleFile(), m.trackers(), m.webSeeds(), m.isPrivate(), m.creationDate(), m.comment(),
                m.createdBy(), m.source(), m.infoHashV1(), m.infoHashV2(), m.pieces(), m.rawInfo(), m.warnings());
    }

    /** The paths of {@code layout} when they differ from the torrent file's; empty when none was renamed. */
    static List<List<String>> renamedPaths(Metainfo original, Metainfo layout) {
        List<List<String>> paths = layout.files().stream().map(FileEntry::path).toList();
        return paths.equals(original.files().stream().map(FileEntry::path).toList()) ? List.of() : paths;
    }

    /** The torrent's layout after a restart: its kept paths, or the torrent file's when they do not fit. */
    static Optional<Metainfo> restore(Metainfo original, List<List<String>> paths) {
        if (paths.isEmpty() || paths.size() != original.files().size()) {
            return Optional.empty();
        }
        for (int i = 0; i < paths.size(); i++) {
            List<String> kept = paths.get(i);
            if (kept.size() != original.files().get(i).path().size() || kept.stream().anyMatch(c -> c.isEmpty()
                    || c.equals("..") || c.equals(".") || c.indexOf('/') >= 0 || c.indexOf('\\') >= 0)) {
                return Optional.empty();
            }
        }
        return Optional.of(withPaths(original, paths));
    }

    /** The files' statuses with their paths as {@code layout} has them (padding files are not among them). */
    static List<FileStatus> named(List<FileStatus> files, Metainfo layout) {
        List<FileEntry> named = layout.files().stream().filter(file -> !file.isPadding()).toList();
        return files.stream().map(f -> new FileStatus(f.index(), named.get(f.index()).relativePath(), f.size(),
                f.verifiedBytes(), f.priority())).toList();
    }

    private static boolean startsWith(List<String> path, List<String> prefix) {
        return path.size() >= prefix.size() && path.subList(0, prefix.size()).equals(prefix);
    }
}
