package dev.shoal.storage.internal.layout;

import dev.shoal.metainfo.FileEntry;
import dev.shoal.storage.api.StorageException;
import dev.shoal.storage.api.StorageException.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Resolves torrent paths under the download directory and refuses any that would leave it. The
 * metainfo parser already applied its path policy; this is the second line, because a Metainfo can be
 * built by hand and because symlinks on disk can change between parse and write.
 */
public final class SafePaths {

    private final Path root;

    /** @param root the download directory, already created; its real path is the boundary */
    public SafePaths(Path root) throws StorageException {
        try {
            this.root = root.toRealPath();
        } catch (IOException e) {
            throw IoErrors.map(e, root, "resolving the download directory");
        }
    }

    public Path root() {
        return root;
    }

    /** The file's place on disk, checked lexically: no '..', no absolute or empty components. */
    public Path resolve(FileEntry file) throws StorageException {
        Path path = root;
        for (String component : file.path()) {
            if (component.isEmpty() || component.equals(".") || component.equals("..")
                    || component.indexOf('/') >= 0 || component.indexOf('\\') >= 0 || component.indexOf('\0') >= 0) {
                throw unsafe(file.relativePath(), "has the component '" + component + "'");
            }
            try {
                path = path.resolve(component);
            } catch (InvalidPathException e) {
                throw unsafe(file.relativePath(), "is not a valid path here");
            }
        }
        Path normal = path.normalize();
        if (!normal.startsWith(root) || normal.equals(root) || normal.getNameCount() != root.getNameCount()
                + file.path().size()) {
            throw unsafe(file.relativePath(), "resolves outside the download directory");
        }
        return normal;
    }

    /**
     * Checks the disk just before a file is opened: the existing part of its parent chain must really
     * be under the root (a symlinked directory pointing elsewhere is refused) and the file itself must
     * not be a symlink. Channels are then opened with NOFOLLOW_LINKS, which closes the last gap.
     */
    public void checkOnDisk(Path file) throws StorageException {
        Path existing = file.getParent();
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        try {
            if (existing == null || !existing.toRealPath().startsWith(root)) {
                throw unsafe(root.relativize(file).toString(), "goes through a link outside the download directory");
            }
        } catch (IOException e) {
            throw IoErrors.map(e, file, "checking the path of");
        }
        if (Files.isSymbolicLink(file)) {
            throw unsafe(root.relativize(file).toString(), "is a symbolic link");
        }
    }

    /** The path relative to the root, for messages. */
    public String display(Path file) {
        return file.startsWith(root) ? root.relativize(file).toString() : file.toString();
    }

    private static StorageException unsafe(String path, String why) {
        return new StorageException(Kind.PATH_UNSAFE, null, "unsafe path " + path + ": " + why, null);
    }

}
