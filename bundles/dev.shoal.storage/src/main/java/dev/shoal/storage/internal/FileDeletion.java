package dev.shoal.storage.internal;

import dev.shoal.metainfo.FileEntry;
import dev.shoal.metainfo.Metainfo;
import dev.shoal.storage.api.StorageException;
import dev.shoal.storage.internal.layout.IoErrors;
import dev.shoal.storage.internal.layout.SafePaths;
import dev.shoal.storage.internal.resume.WriteJournal;
import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * Deletes a closed torrent's files, then its folders left empty, then its resume file and journal. Paths go
 * through the same {@link SafePaths} as writing does, so deleting can reach no further than writing
 * could: a path leaving the download directory, a symlinked folder pointing elsewhere and a file that
 * is a symlink are all left alone and reported.
 */
final class FileDeletion {

    private FileDeletion() {
    }

    static void delete(Metainfo torrent, Path downloadDirectory, Path resumeFile) throws StorageException {
        List<StorageException> failures = new ArrayList<>();
        if (Files.isDirectory(downloadDirectory)) {
            deleteFiles(torrent, new SafePaths(downloadDirectory), failures);
        }
        if (resumeFile != null) {
            deleteFile(resumeFile, failures);
            deleteFile(WriteJournal.beside(resumeFile), failures);
        }
        if (!failures.isEmpty()) {
            StorageException first = failures.get(0);
            String more = failures.size() == 1 ? "" : " (and " + (failures.size() - 1) + " more)";
            throw new StorageException(first.kind(), first.file().orElse(null), first.getMessage() + more, first);
        }
    }

    private static void deleteFiles(Metainfo torrent, SafePaths paths, List<StorageException> failures) {
        TreeSet<Path> folders = deepestFirst();
        for (FileEntry file : torrent.files()) {
            if (file.isPadding()) {
                continue;
            }
            try {
                Path path = paths.resolve(file);
                addFolders(paths, path, folders);
                if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
                    paths.checkOnDisk(path);
                    deleteFile(path, failures);
                }
            } catch (StorageException e) {
                failures.add(e);
            }
        }
        for (Path folder : folders) {
            deleteIfEmptyFolder(folder, failures);
        }
    }

    /** An empty set of folders that iterates deepest first, so a folder comes after the folders inside it. */
    static TreeSet<Path> deepestFirst() {
        return new TreeSet<>(Comparator.comparingInt(Path::getNameCount).reversed()
                .thenComparing(Comparator.naturalOrder()));
    }

    /** Adds the folders between {@code file} and the root of {@code paths}. */
    static void addFolders(SafePaths paths, Path file, TreeSet<Path> folders) {
        for (Path folder = file.getParent(); !folder.equals(paths.root()); folder = folder.getParent()) {
            folders.add(folder);
        }
    }

    private static void deleteFile(Path file, List<StorageException> failures) {
        try {
            Files.deleteIfExists(file);
        } catch (DirectoryNotEmptyException e) {
            failures.add(new StorageException(StorageException.Kind.IO, file, "cannot delete " + file
                    + ": a folder that is not empty is there", e));
        } catch (IOException e) {
            failures.add(IoErrors.map(e, file, "deleting"));
        }
    }

    /** A folder of the torrent goes only when empty and really a folder (a symlink to one is left). */
    static void deleteIfEmptyFolder(Path folder, List<StorageException> failures) {
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            Files.delete(folder);
        } catch (DirectoryNotEmptyException | NoSuchFileException e) {
            // Something else lives there (or it went already): it stays.
        } catch (IOException e) {
            failures.add(IoErrors.map(e, folder, "deleting the folder"));
        }
    }
}
