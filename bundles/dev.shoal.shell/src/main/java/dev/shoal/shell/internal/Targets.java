package dev.shoal.shell.internal;

import dev.shoal.engine.api.Engine;
import dev.shoal.engine.api.EngineException;
import dev.shoal.engine.api.Torrent;
import dev.shoal.metainfo.MagnetLink;
import dev.shoal.metainfo.Metainfo;
import dev.shoal.shell.internal.args.ShellException;
import dev.shoal.support.torrent.TorrentSource;
import dev.shoal.support.torrent.TorrentSourceException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.felix.service.command.CommandSession;

/**
 * Torrents as commands name them (short id or info-hash prefix, or a file or URL to add), and the
 * session's directory.
 */
final class Targets {

    private Targets() {
    }

    static Torrent find(Engine engine, String name) {
        try {
            return engine.find(name);
        } catch (EngineException e) {
            throw new ShellException(e.getMessage(), e);
        }
    }

    /** Every torrent named, each once, in the order named; fails on the first unknown before any is touched. */
    static List<Torrent> findAll(Engine engine, List<String> names) {
        Set<Torrent> found = new LinkedHashSet<>();
        for (String name : names) {
            found.add(find(engine, name));
        }
        return new ArrayList<>(found);
    }

    /** {@code 3 ubuntu-24.04.iso}: how results name a torrent. */
    static String label(Torrent torrent) {
        return torrent.id() + " " + torrent.status().name();
    }

    /**
     * The torrent {@code target} names (a file relative to the session's directory, a file: URI, an
     * http(s) URL), as every part of Shoal reads one.
     */
    static Metainfo load(TorrentSource source, String target, Path currentDirectory) throws InterruptedException {
        try {
            return source.load(target, currentDirectory);
        } catch (TorrentSourceException e) {
            throw new ShellException(e.getMessage(), e);
        }
    }

    /** The magnet link {@code target} is, or empty when it names a torrent file. */
    static Optional<MagnetLink> magnet(String target) {
        try {
            return TorrentSource.magnet(target);
        } catch (TorrentSourceException e) {
            throw new ShellException(e.getMessage(), e);
        }
    }

    /** {@code name} against the session's directory, unless it is absolute. */
    static Path resolve(Path currentDirectory, String name) {
        try {
            return currentDirectory.resolve(name).normalize();
        } catch (InvalidPathException e) {
            throw new ShellException(name + ": not a valid path (" + e.getReason() + ")");
        }
    }

    /** Where relative paths of this session start (Gogo's {@code cd} changes it). */
    static Path currentDirectory(CommandSession session) {
        Path cwd = session == null ? null : session.currentDir();
        return cwd != null ? cwd : Path.of(System.getProperty("user.dir")).toAbsolutePath();
    }
}
