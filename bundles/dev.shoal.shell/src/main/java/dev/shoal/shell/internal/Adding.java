package dev.shoal.shell.internal;

import dev.shoal.engine.api.AddMagnet;
import dev.shoal.engine.api.AddTorrent;
import dev.shoal.engine.api.Engine;
import dev.shoal.engine.api.EngineException;
import dev.shoal.engine.api.Torrent;
import dev.shoal.metainfo.MagnetLink;
import dev.shoal.metainfo.Metainfo;
import dev.shoal.shell.internal.args.Args;
import dev.shoal.shell.internal.args.ShellException;
import dev.shoal.support.text.Sizes;
import java.nio.file.Path;
import java.util.Optional;

/** Adding a torrent as {@code shoal:add} and {@code shoal:fetch} do: {@code --dir D} and {@code --paused}. */
final class Adding {

    static final String[] FLAGS = {"--paused"};
    static final String[] VALUED = {"--dir"};

    private Adding() {
    }

    /** Adds {@code metainfo} with the engine's defaults and the options given; says what was added where. */
    static String add(Engine engine, Metainfo metainfo, Args options, Path currentDirectory) {
        AddTorrent defaults = engine.defaults(metainfo).withPaused(options.flag("--paused"));
        AddTorrent request = directory(options, currentDirectory).map(defaults::withDownloadDirectory).orElse(defaults);
        Torrent torrent = added(() -> engine.add(request));
        return "added " + Targets.label(torrent) + " (" + Sizes.of(metainfo.totalLength()) + ") in "
                + request.downloadDirectory() + (request.paused() ? ", paused" : "");
    }

    /** Adds a magnet link likewise: its metadata comes from peers first. */
    static String add(Engine engine, MagnetLink magnet, Args options, Path currentDirectory) {
        AddMagnet defaults = engine.defaults(magnet).withPaused(options.flag("--paused"));
        AddMagnet request = directory(options, currentDirectory).map(defaults::withDownloadDirectory).orElse(defaults);
        Torrent torrent = added(() -> engine.add(request));
        return "added " + Targets.label(torrent) + " (magnet link, " + (request.paused() ? "paused"
                : "fetching its metadata") + ") in " + request.downloadDirectory();
    }

    private static Optional<Path> directory(Args options, Path currentDirectory) {
        return options.value("--dir").map(dir -> Targets.resolve(currentDirectory, dir));
    }

    /** An engine call that adds. */
    private interface Addition {
        Torrent add() throws EngineException;
    }

    private static Torrent added(Addition addition) {
        try {
            return addition.add();
        } catch (EngineException e) {
            throw new ShellException(e.getMessage(), e);
        }
    }
}
