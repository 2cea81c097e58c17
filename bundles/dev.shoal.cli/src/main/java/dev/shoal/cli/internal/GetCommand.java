package dev.shoal.cli.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import dev.shoal.engine.api.AddMagnet;
import dev.shoal.engine.api.AddTorrent;
import dev.shoal.engine.api.Engine;
import dev.shoal.engine.api.EngineException;
import dev.shoal.engine.api.RateLimits;
import dev.shoal.engine.api.SeedGoal;
import dev.shoal.engine.api.Torrent;
import dev.shoal.engine.api.TorrentStatus;
import dev.shoal.metainfo.MagnetLink;
import dev.shoal.metainfo.Metainfo;
import dev.shoal.support.torrent.TorrentSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "get", mixinStandardHelpOptions = true,
        description = {
            "Download a torrent, seed it until the seed goal, then exit: a one-shot download without a UI.",
            "When the complete data is already in DIR it is checked, then seeded: that is how to seed a file."},
        footer = {"",
            "RATE: bytes per second, K = 1024: 500K, 100k, 2M, 1.5MiB; 0 is no limit.",
            "TIME: 90s, 30m, 2h, 1h30m, 1d, or 0.",
            "Seeding stops at the first goal reached; with neither option, at ratio 1.0.",
            "Progress on stdout: redrawn every second on a terminal, else a line every 5 s.",
            "Ctrl-C stops cleanly and keeps the data; a new run picks up where it left off.",
            "Exit: 0 done; 1 failed, data kept (one line on stderr says why); 2 bad usage."})
final class GetCommand implements Callable<Integer> {

    static final Duration POLL = Duration.ofMillis(250);
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    @Parameters(index = "0", paramLabel = "TORRENT|URL|MAGNET",
            description = "A .torrent file, its http(s) URL, or a magnet: link (its metadata fetched from peers).")
    String target;

    @Option(names = {"-d", "--dir"}, paramLabel = "DIR",
            description = "Where the torrent's files are or go (default: the current directory).")
    Path dir;

    @Option(names = {"-p", "--port"}, paramLabel = "PORT", converter = OptionTypes.Port.class,
            description = "The TCP port peers reach us on, 0 to 65535; 0 picks a free one (default: Shoal's setting).")
    Integer port;

    @Option(names = "--seed-ratio", paramLabel = "R", converter = OptionTypes.Ratio.class,
            description = "Stop seeding once uploaded is R times the torrent's size (default 1.0 without --seed-time; "
                    + "0 stops when the download is complete).")
    Double seedRatio;

    @Option(names = "--seed-time", paramLabel = "TIME", converter = OptionTypes.Time.class,
            description = "Stop seeding after seeding this long.")
    Duration seedTime;

    @Option(names = "--max-down", paramLabel = "RATE", converter = OptionTypes.Rate.class, defaultValue = "0",
            description = "Download at most RATE bytes/s (default: 0, no limit).")
    long maxDown;

    @Option(names = "--max-up", paramLabel = "RATE", converter = OptionTypes.Rate.class, defaultValue = "0",
            description = "Upload at most RATE bytes/s (default: 0, no limit).")
    long maxUp;

    @Option(names = "--timeout", paramLabel = "TIME", converter = OptionTypes.Time.class, defaultValue = "2m",
            description = "Give up when, this long after checking, no tracker has answered, no peer has connected "
                    + "and nothing was downloaded (default: ${DEFAULT-VALUE}; 0 waits forever).")
    Duration timeout;

    @Option(names = {"-q", "--quiet"}, description = "Print nothing but errors.")
    boolean quiet;

    private final Supplier<Engine> engines;
    private final TorrentSource source;
    private final Ticker ticker;
    private final Terminal terminal;
    private final PrintWriter out;
    private final PrintWriter err;

    GetCommand(Supplier<Engine> engines, TorrentSource source, Ticker ticker, Terminal terminal, PrintWriter out,
            PrintWriter err) {
        this.engines = engines;
        this.source = source;
        this.ticker = ticker;
        this.terminal = terminal;
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        try {
            Optional<MagnetLink> magnet = TorrentInput.magnet(target);
            Metainfo metainfo = magnet.isPresent() ? null : TorrentInput.load(source, target);
            Path directory = directory();
            // The engine starts here, on first use: other commands never bind a port.
            Engine engine = engines.get();
            if (engine == null) {
                throw new CommandFailure("the download engine is not available");
            }
            listen(engine);
            SeedGoal goal = seedGoal();
            RateLimits limits = new RateLimits(maxDown, maxUp);
            Torrent torrent = magnet.isPresent()
                    ? add(engine, AddMagnet.of(magnet.get(), directory).withSeedGoal(goal).withRateLimits(limits))
                    : add(engine, AddTorrent.of(metainfo, directory).withSeedGoal(goal).withRateLimits(limits));
            return follow(torrent, goal, directory);
        } catch (CommandFailure e) {
            err.println("shoal: " + e.getMessage());
            return ShoalCommandLine.EXIT_FAILURE;
        } catch (InterruptedException e) {
            err.println("shoal: interrupted");
            return ShoalCommandLine.EXIT_FAILURE;
        }
    }

    private SeedGoal seedGoal() {
        if (seedRatio == null && seedTime == null) {
            return SeedGoal.DEFAULT;
        }
        return new SeedGoal(seedRatio == null ? OptionalDouble.empty() : OptionalDouble.of(seedRatio),
                Optional.ofNullable(seedTime));
    }

    private Path directory() throws CommandFailure {
        Path directory = (dir == null ? Path.of("") : dir).toAbsolutePath().normalize();
        try {
            Files.createDirectories(directory);
            return directory;
        } catch (FileAlreadyExistsException e) {
            throw new CommandFailure(directory + ": not a directory");
        } catch (IOException e) {
            throw new CommandFailure(directory + ": cannot create the directory: " + e.getMessage());
        }
    }

    private void listen(Engine engine) throws CommandFailure {
        if (port == null) {
            return;
        }
        try {
            engine.setListenPort(port);
        } catch (EngineException e) {
            // The engine's message is meant for the user; make sure it names the port.
            String message = String.valueOf(e.getMessage());
            throw new CommandFailure(message.contains(String.valueOf(port)) ? message
                    : "cannot listen on port " + port + ": " + message);
        }
    }

    private static Torrent add(Engine engine, AddTorrent request) throws CommandFailure {
        try {
            return engine.add(request);
        } catch (EngineException e) {
            throw new CommandFailure(e.getMessage());
        }
    }

    private static Torrent add(Engine engine, AddMagnet request) throws CommandFailure {
        try {
            return engine.add(request);
        } catch (EngineException e) {
            throw new CommandFailure(e.getMessage());
        }
    }

    /** Shows the torrent's progress until it finishes, fails, or the swarm cannot be reached. */
    private int follow(Torrent torrent, SeedGoal goal, Path directory) throws InterruptedException {
        ProgressDisplay display = new ProgressDisplay(out, terminal, quiet, goal, ticker.nanoTime());
        Stop stop = new Stop(torrent);
        Thread hook = new Thread(() -> stop.interrupted(display, err, directory), "shoal-get-interrupted");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            GiveUpRule giveUp = new GiveUpRule(timeout);
            while (!stop.signalled()) {
                TorrentStatus status = torrent.status();
                long now = ticker.nanoTime();
                display.show(status, now);
                switch (status.state()) {
                    case FINISHED -> {
                        display.summary(status, now);
                        return stop.finish(err, 0);
                    }
                    case ERROR -> {
                        display.close();
                        err.println("shoal: " + oneLine(status.error().orElse("the torrent failed")));
                        return stop.finish(err, ShoalCommandLine.EXIT_FAILURE);
                    }
                    case PAUSED -> {
                        display.close();
                        err.println("shoal: the torrent was paused from elsewhere; the data stays in " + directory);
                        return stop.finish(err, ShoalCommandLine.EXIT_FAILURE);
                    }
                    default -> {
                        Optional<String> reason = giveUp.check(status, now);
                        if (reason.isPresent()) {
                            display.close();
                            err.println("shoal: " + oneLine(reason.get()));
                            return stop.finish(err, ShoalCommandLine.EXIT_FAILURE);
                        }
                    }
                }
                ticker.sleep(POLL);
            }
            // Ctrl-C: the shutdown hook stops the torrent and says so. Returning makes bnd's launcher
            // stop the framework, so wait for the removal first: the engine must not be deactivated
            // under it. The JVM exits (status 130) when the hook is done.
            stop.await();
            return ShoalCommandLine.EXIT_FAILURE;
        } catch (InterruptedException e) {
            display.close();
            err.println("shoal: interrupted; the data stays in " + directory);
            return stop.finish(err, ShoalCommandLine.EXIT_FAILURE);
        } finally {
            stop.done();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // The JVM is shutting down already; the hook sees we are done and returns.
            }
        }
    }

    private static String oneLine(String text) {
        return new CommandFailure(text).getMessage();
    }

    /**
     * Removes the torrent once, whoever comes first: the main thread at the end, or the shutdown
     * hook on Ctrl-C (bnd's launcher does not stop the framework on a signal, so without this the
     * engine would never hear of it). Waits {@link #STOP_TIMEOUT} at most. Removing keeps the data.
     */
    private static final class Stop {

        private final Torrent torrent;
        private CompletableFuture<Void> removal;
        private volatile boolean signalled;
        private volatile boolean done;

        Stop(Torrent torrent) {
            this.torrent = torrent;
        }

        boolean signalled() {
            return signalled;
        }

        void done() {
            done = true;
        }

        int finish(PrintWriter err, int exitCode) {
            if (!await()) {
                err.println("shoal: warning: the torrent did not stop within " + STOP_TIMEOUT.toSeconds()
                        + " s; exiting anyway");
            }
            return exitCode;
        }

        void interrupted(ProgressDisplay display, PrintWriter err, Path directory) {
            if (done) {
                return;
            }
            signalled = true;
            display.close();
            err.println("shoal: interrupted; stopping (the data stays in " + directory + ")");
            await();
        }

        private synchronized CompletableFuture<Void> removal() {
            if (removal == null) {
                try {
                    removal = torrent.remove().toCompletableFuture();
                } catch (RuntimeException e) {
                    removal = CompletableFuture.failedFuture(e);
                }
            }
            return removal;
        }

        boolean await() {
            try {
                removal().get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                return true;
            } catch (ExecutionException e) {
                return true; // It stopped, if not gracefully; nothing more to do.
            } catch (TimeoutException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
