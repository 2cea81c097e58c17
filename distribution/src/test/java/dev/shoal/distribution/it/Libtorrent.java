package dev.shoal.distribution.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import dev.shoal.test.support.SystemProgram;
import dev.shoal.test.support.Processes;

/**
 * libtorrent (Debian's python3-libtorrent) reading a torrent and, when asked, checking data on disk
 * against it, through the script {@code lt_check.py} beside this class. The script prints one
 * JSON object: infoHashV1, name, totalSize, pieceLength, numPieces, private, comment, trackers,
 * webSeeds, files [{path, size}], and after a check: checked, state, havePieces, errors.
 */
final class Libtorrent {

    private static final String SCRIPT = "lt_check.py";
    private static final Duration CHECK_LIMIT = Duration.ofSeconds(60);

    private final Path python;
    private final Path script;

    private Libtorrent(Path python, Path script) {
        this.python = python;
        this.script = script;
    }

    /** Skips or fails (see {@link SystemProgram}) when libtorrent is missing. */
    static Libtorrent require(Path workDir) {
        Path python = SystemProgram.requirePythonLibtorrent();
        Path script = workDir.resolve(SCRIPT);
        try (InputStream in = Libtorrent.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException(SCRIPT + " is not on the test class path");
            }
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Libtorrent(python, script);
    }

    /** What libtorrent reads from {@code torrent}. */
    JsonNode read(Path torrent) {
        return run(torrent, "-");
    }

    /** {@link #read} plus a full check of the data under {@code savePath} (the folder holding the content). */
    JsonNode check(Path torrent, Path savePath) {
        return run(torrent, savePath.toString());
    }

    private JsonNode run(Path torrent, String savePath) {
        Processes.Result result = Processes.run(List.of(python.toString(), script.toString(), torrent.toString(),
                savePath, Long.toString(CHECK_LIMIT.toSeconds())), CHECK_LIMIT.plusSeconds(30)).assertSuccess();
        return Shoal.parseJson(result);
    }
}
