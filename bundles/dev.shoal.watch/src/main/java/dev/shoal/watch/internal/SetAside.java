package dev.shoal.watch.internal;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Moves a handled file out of the watch folder into a subfolder, under a name not yet taken there. */
final class SetAside {

    /** Names tried before giving up: {@code a.torrent}, {@code a (2).torrent} … */
    static final int MAX_NAME_TRIES = 1000;

    private SetAside() {
    }

    /** Returns where the file went. */
    static Path move(Path file, Path directory) throws IOException {
        Files.createDirectories(directory);
        String name = file.getFileName().toString();
        for (int n = 1; n <= MAX_NAME_TRIES; n++) {
            Path target = directory.resolve(n == 1 ? name : numbered(name, n));
            try {
                // Never REPLACE_EXISTING: a name taken, even meanwhile, fails here and the next is tried.
                return Files.move(file, target);
            } catch (FileAlreadyExistsException taken) {
                // next name
            }
        }
        throw new IOException(directory + " already holds " + MAX_NAME_TRIES + " files named like " + name);
    }

    /** {@code a.torrent} as {@code a (n).torrent}; a name without extension gets the number at its end. */
    static String numbered(String name, int n) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) + " (" + n + ")" + name.substring(dot) : name + " (" + n + ")";
    }

    /** Moves the file to {@code directory} with a sibling {@code NAME.error.txt} holding the reason. */
    static Path moveWithReason(Path file, Path directory, String reason) throws IOException {
        Path moved = move(file, directory);
        Files.writeString(moved.resolveSibling(moved.getFileName() + ".error.txt"), reason + System.lineSeparator());
        return moved;
    }
}
