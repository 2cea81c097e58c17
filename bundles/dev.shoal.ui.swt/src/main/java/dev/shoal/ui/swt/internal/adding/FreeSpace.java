package dev.shoal.ui.swt.internal.adding;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.OptionalLong;

/** Room left where a torrent would be saved. Reads the file system: call it off the display thread. */
public final class FreeSpace {

    private FreeSpace() {
    }

    /**
     * Usable bytes on the file system of {@code folder}, or of its nearest existing parent when it
     * does not exist yet (the engine creates it); empty when neither can be told.
     */
    public static OptionalLong of(String folder) {
        Path path;
        try {
            path = Path.of(folder.strip()).toAbsolutePath();
        } catch (InvalidPathException e) {
            return OptionalLong.empty();
        }
        for (Path p = path; p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                try {
                    return OptionalLong.of(Files.getFileStore(p).getUsableSpace());
                } catch (IOException e) {
                    return OptionalLong.empty();
                }
            }
        }
        return OptionalLong.empty();
    }
}
