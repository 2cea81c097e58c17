package dev.shoal.cli.internal;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import dev.shoal.engine.api.Engine;
import dev.shoal.metainfo.TorrentCreator;
import dev.shoal.support.torrent.TorrentSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code shoal} command and its subcommands. Exit codes: 0 success, 1 the command failed
 * (one clear line on stderr), 2 the command line itself is wrong (usage on stderr).
 */
@Command(name = "shoal",
        description = "Shoal, a BitTorrent client.",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        subcommands = {InfoCommand.class, CreateCommand.class, GetCommand.class, DaemonCommand.class,
            CommandLine.HelpCommand.class})
public final class ShoalCommandLine implements Callable<Integer> {

    static final int EXIT_FAILURE = 1;
    static final int EXIT_USAGE = 2;

    @Option(names = "--data-dir", paramLabel = "DIR", scope = CommandLine.ScopeType.INHERIT,
            description = "Where Shoal keeps its state (default: $SHOAL_DATA_DIR, else ~/.local/share/shoal).")
    String dataDir;

    @Spec
    CommandLine.Model.CommandSpec spec;

    private final String version;
    private final TorrentCreator creator;
    private final Supplier<Engine> engines;
    private final Ticker ticker;
    private final Terminal terminal;
    private final FrameworkControl framework;

    /**
     * @param engines gives the engine; called only by a command that needs one ({@code get}), so
     *                the engine does not start for the others
     */
    ShoalCommandLine(String version, TorrentCreator creator, Supplier<Engine> engines, FrameworkControl framework) {
        this(version, creator, engines, Ticker.SYSTEM, Terminal.detect(), framework);
    }

    /** Without a framework to control: every command but {@code daemon}. */
    public ShoalCommandLine(String version, TorrentCreator creator, Supplier<Engine> engines) {
        this(version, creator, engines, FrameworkControl.NONE);
    }

    ShoalCommandLine(String version, TorrentCreator creator, Supplier<Engine> engines, Ticker ticker,
            Terminal terminal) {
        this(version, creator, engines, ticker, terminal, FrameworkControl.NONE);
    }

    ShoalCommandLine(String version, TorrentCreator creator, Supplier<Engine> engines, Ticker ticker,
            Terminal terminal, FrameworkControl framework) {
        this.version = version;
        this.creator = creator;
        this.engines = engines;
        this.ticker = ticker;
        this.terminal = terminal;
        this.framework = framework;
    }

    /** {@code shoal} with options but no command: say what the commands are. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return EXIT_USAGE;
    }

    public int run(String[] args, PrintStream out, PrintStream err) {
        PrintWriter stdout = new PrintWriter(out, true);
        PrintWriter stderr = new PrintWriter(err, true);
        CommandLine commandLine = new CommandLine(this,
                new Factory(version, creator, engines, ticker, terminal, framework, stdout, stderr));
        commandLine.setOut(stdout);
        commandLine.setErr(stderr);
        commandLine.setParameterExceptionHandler((e, badArgs) -> {
            // A wrong command line: say what was wrong, then how to say it right.
            stderr.println("shoal: " + e.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(e, stderr);
            e.getCommandLine().usage(stderr);
            return EXIT_USAGE;
        });
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            // Anything unexpected still ends in one line: a stack trace helps no user.
            stderr.println("shoal: " + (e.getMessage() != null ? e.getMessage() : e.toString()));
            return EXIT_FAILURE;
        });
        return commandLine.execute(args);
    }

    /** Gives each subcommand the services and streams it needs. */
    private record Factory(String version, TorrentCreator creator, Supplier<Engine> engines, Ticker ticker,
            Terminal terminal, FrameworkControl framework, PrintWriter out, PrintWriter err)
            implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (type == VersionProvider.class) {
                return type.cast(new VersionProvider(version));
            }
            if (type == InfoCommand.class) {
                return type.cast(new InfoCommand(torrents(), out, err));
            }
            if (type == CreateCommand.class) {
                return type.cast(new CreateCommand(creator, "Shoal " + version, out, err));
            }
            if (type == GetCommand.class) {
                return type.cast(new GetCommand(engines, torrents(), ticker, terminal, out, err));
            }
            if (type == DaemonCommand.class) {
                return type.cast(new DaemonCommand(engines, torrents(), framework, out, err));
            }
            return CommandLine.defaultFactory().create(type);
        }

        private TorrentSource torrents() {
            return new TorrentSource("Shoal/" + version);
        }
    }
}
