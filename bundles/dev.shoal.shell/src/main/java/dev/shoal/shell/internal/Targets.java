package dev.shoal.shell.internal;

import dev.shoal.engine.api.Engine;
import dev.shoal.engine.api.EngineException;
import dev.shoal.engine.api.Torrent;
import dev.shoal.shell.internal.args.ShellException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.felix.service.command.CommandSession;

/** Torrents as commands name them (short id or info-hash prefix), and the session's directory. */
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
        return torrent.id() + " " + torrent.metainfo().name();
    }

    /** Where relative paths of this session start (Gogo's {@code cd} changes it). */
    static Path currentDirectory(CommandSession session) {
        Path cwd = session == null ? null : session.currentDir();
        return cwd != null ? cwd : Path.of(System.getProperty("user.dir")).toAbsolutePath();
    }
}
