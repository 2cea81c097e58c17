package dev.shoal.storage.internal;

import dev.shoal.metainfo.FileEntry;
import dev.shoal.metainfo.Metainfo;
import dev.shoal.storage.api.StorageException;
import dev.shoal.storage.api.StorageException.Kind;
import dev.shoal.storage.internal.layout.IoErrors;
import dev.shoal.storage.internal.layout.SafePaths;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * Moves a closed torrent's files to other places: another download directory, other names, or both.
 * A file is renamed where source and target share a file system; elsewhere it is copied beside its
 * target, compared byte for byte, renamed into place, and only then deleted at the source. Every path
 * goes through {@link SafePaths} on both sides, so nothing is read or written outside the two
 * directories. A failure moves back what was moved already and names the file: the data stays where
 * it was. Files not on disk (not downloaded yet) are skipped: they are created at their new place.
 */
final class FileMove {

    /** The suffix of a copy under way across file systems, beside its target. */
    static final String PART_SUFFIX = ".shoal-move";
    private static final int BUFFER = 1 << 20;

    private record Step(Path source, Path target) {
    }

    private FileMove() {
    }

    static void move(Metainfo from, Path fromDirectory, Metainfo to, Path toDirectory) throws StorageException {
        if (!sameShape(from, to)) {
            throw new StorageException(Kind.IO, "cannot move " + from.name() + ": the new layout has other files");
        }
        try {
            Files.createDirectories(toDirectory);
        } catch (IOException e) {
            throw IoErrors.map(e, toDirectory, "creating the folder");
        }
        if (!Files.isDirectory(fromDirectory)) {
            return;
        }
        SafePaths sources = new SafePaths(fromDirectory);
        SafePaths targets = new SafePaths(toDirectory);
        List<Step> steps = plan(from, sources, to, targets);
        List<Step> done = new ArrayList<>();
        TreeSet<Path> created = FileDeletion.deepestFirst();
        try {
            for (Step step : steps) {
                targets.checkOnDisk(step.target());
                FileDeletion.addFolders(targets, step.target(), created);
                createParent(step.target());
                targets.checkOnDisk(step.target());
                moveFile(step.source(), step.target());
                done.add(step);
            }
        } catch (StorageException e) {
            throw rollBack(done, created, e);
        }
        TreeSet<Path> emptied = FileDeletion.deepestFirst();
        for (Step step : steps) {
            FileDeletion.addFolders(sources, step.source(), emptied);
        }
        emptied.removeAll(created);
        List<StorageException> ignored = new ArrayList<>();
        emptied.forEach(folder -> FileDeletion.deleteIfEmptyFolder(folder, ignored));
    }

    /** What moves: each file on disk whose place changes; refused when a target is taken already. */
    private static List<Step> plan(Metainfo from, SafePaths sources, Metainfo to, SafePaths targets)
            throws StorageException {
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < from.files().size(); i++) {
            FileEntry file = from.files().get(i);
            if (file.isPadding()) {
                continue;
            }
            Path source = sources.resolve(file);
            Path target = targets.resolve(to.files().get(i));
            if (source.equals(target) || !Files.exists(source, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            sources.checkOnDisk(source);
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                throw new StorageException(Kind.IO, target, "cannot move " + sources.display(source) + " to "
                        + target + ": something is there already", null);
            }
            steps.add(new Step(source, target));
        }
        return steps;
    }

    private static void createParent(Path target) throws StorageException {
        try {
            Files.createDirectories(target.getParent());
        } catch (IOException e) {
            throw IoErrors.map(e, target.getParent(), "creating the folder");
        }
    }

    /** Renames on one file system; copies, compares and deletes across two. */
    private static void moveFile(Path source, Path target) throws StorageException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
            return;
        } catch (AtomicMoveNotSupportedException e) {
            // Another file system: copied below.
        } catch (IOException e) {
            throw IoErrors.map(e, source, "moving");
        }
        Path part = target.resolveSibling(target.getFileName() + PART_SUFFIX);
        try {
            Files.copy(source, part, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
            // The copy may keep the time to the microsecond only; the resume data compares it to the nanosecond.
            Files.setLastModifiedTime(part, Files.getLastModifiedTime(source));
            if (!sameBytes(source, part)) {
                throw new StorageException(Kind.IO, target, "the copy of " + source + " at " + target
                        + " differs from it", null);
            }
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteQuietly(part);
            throw IoErrors.map(e, target, "copying to");
        }
        try {
            Files.delete(source);
        } catch (IOException e) {
            deleteQuietly(target);
            throw IoErrors.map(e, source, "deleting the moved");
        }
    }

    private static boolean sameBytes(Path a, Path b) throws IOException {
        if (Files.size(a) != Files.size(b)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(a); InputStream copy = Files.newInputStream(b)) {
            byte[] one = new byte[BUFFER];
            byte[] two = new byte[BUFFER];
            while (true) {
                int n = in.readNBytes(one, 0, BUFFER);
                int m = copy.readNBytes(two, 0, BUFFER);
                if (n != m || !Arrays.equals(one, 0, n, two, 0, m)) {
                    return false;
                }
                if (n < BUFFER) {
                    return true;
                }
            }
        }
    }

    /** Moves back what moved, newest first, and removes the folders made for it; the first failure is thrown. */
    private static StorageException rollBack(List<Step> done, TreeSet<Path> created, StorageException failure) {
        int stranded = 0;
        for (int i = done.size() - 1; i >= 0; i--) {
            try {
                moveFile(done.get(i).target(), done.get(i).source());
            } catch (StorageException e) {
                stranded++;
            }
        }
        List<StorageException> ignored = new ArrayList<>();
        created.forEach(folder -> FileDeletion.deleteIfEmptyFolder(folder, ignored));
        String outcome = stranded == 0 ? "; nothing was moved"
                : "; " + stranded + " moved files could not be moved back";
        return new StorageException(failure.kind(), failure.file().orElse(null), failure.getMessage() + outcome,
                failure);
    }

    private static boolean sameShape(Metainfo from, Metainfo to) {
        if (from.files().size() != to.files().size()) {
            return false;
        }
        for (int i = 0; i < from.files().size(); i++) {
            if (from.files().get(i).length() != to.files().get(i).length()) {
                return false;
            }
        }
        return true;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Best effort: the failure being reported matters more.
        }
    }
}
