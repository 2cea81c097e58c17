package dev.shoal.cli.internal;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import dev.shoal.engine.api.Engine;
import dev.shoal.engine.api.EngineException;
import dev.shoal.engine.api.Torrent;
import dev.shoal.metainfo.MagnetLink;
import dev.shoal.metainfo.Metainfo;
import dev.shoal.support.torrent.TorrentSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "daemon", mixinStandardHelpOptions = true,
        description = {
            "Run Shoal until it is stopped: torrents keep going, and `shoal cli` talks to it (a Gogo shell on "
                    + "127.0.0.1, behind the token in the data directory's remote.token).",
            "On a terminal it also opens the Gogo console."},
        footer = {"",
            "Stop it with Ctrl-C or SIGTERM (on its console: Ctrl-D, or `stop 0`); the torrents' state is saved.",
            "One daemon per data directory: a second one says so and exits with status 1."})
final class DaemonCommand implements Callable<Integer> {

    /**
     * Where the Gogo shell, its console and Metatype sit (cnf/launch.bnd), above the beginning level
     * that one-shot commands stay at.
     */
    static final int LONG_RUNNING_START_LEVEL = 20;

    /** Where the desktop window's bundle sits (cnf/launch.bnd): above the headless daemon's level. */
    static final int DESKTOP_START_LEVEL = 30;

    @Option(names = "--desktop",
            description = "Also open the desktop window (what `shoal` without a command does).")
    boolean desktop;

    @Option(names = "--add", paramLabel = "TORRENT|URL|MAGNET",
            description = "Add this torrent (a .torrent file, its http(s) URL or a magnet: link) with the configured defaults; "
                    + "repeatable.")
    List<String> adds = new ArrayList<>();

    private final Supplier<Engine> engines;
    private final TorrentSource source;
    private final FrameworkControl framework;
    private final PrintWriter out;
    private final PrintWriter err;

    DaemonCommand(Supplier<Engine> engines, TorrentSource source, FrameworkControl framework, PrintWriter out,
            PrintWriter err) {
        this.engines = engines;
        this.source = source;
        this.framework = framework;
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        framework.raiseStartLevel(desktop ? DESKTOP_START_LEVEL : LONG_RUNNING_START_LEVEL);
        for (String target : adds) {
            if (Thread.currentThread().isInterrupted()) {
                break;
            }
            add(target);
        }
        // Bundles come and go while Shoal runs (updates, tests that swap them): nothing is held here,
        // the engine is asked for again by whoever needs it next.
        framework.keepRunning();
        return 0;
    }

    /** A torrent that cannot be added is said so, and the daemon runs on for the others. */
    private void add(String target) {
        try {
            Optional<MagnetLink> magnet = TorrentInput.magnet(target);
            Metainfo metainfo = magnet.isPresent() ? null : TorrentInput.load(source, target);
            Engine engine = engines.get();
            if (engine == null) {
                throw new CommandFailure("the download engine is not available");
            }
            Torrent torrent = magnet.isPresent() ? engine.add(engine.defaults(magnet.get()))
                    : engine.add(engine.defaults(metainfo));
            // A torrent file names itself; a magnet link is named by its dn, else its hash, as the engine says.
            String name = metainfo != null ? metainfo.name() : torrent.status().name();
            out.println("added " + name + " to " + torrent.downloadDirectory());
            out.flush();
        } catch (CommandFailure e) {
            err.println("shoal: " + e.getMessage());
            err.flush();
        } catch (EngineException e) {
            err.println("shoal: " + target + ": " + new CommandFailure(e.getMessage()).getMessage());
            err.flush();
        } catch (InterruptedException e) {
            // A signal while fetching a URL: stop adding; the framework is being stopped.
            Thread.currentThread().interrupt();
        }
    }
}
