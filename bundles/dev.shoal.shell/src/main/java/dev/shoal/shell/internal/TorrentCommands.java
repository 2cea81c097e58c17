package dev.shoal.shell.internal;

import dev.shoal.engine.api.Engine;
import dev.shoal.engine.api.QueueMove;
import dev.shoal.engine.api.Torrent;
import dev.shoal.engine.api.TorrentDates;
import dev.shoal.metainfo.Metainfo;
import dev.shoal.shell.internal.args.Args;
import dev.shoal.shell.internal.args.Args.Spec;
import dev.shoal.shell.internal.args.ShellException;
import dev.shoal.shell.internal.text.Table;
import dev.shoal.shell.internal.view.TorrentViews;
import java.time.Duration;
import java.util.ArrayList;
import dev.shoal.support.text.Spans;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The torrents and their lives: list, info, pause, resume, remove, recheck, queue. */
@Component(service = TorrentCommands.class)
@Command(function = {"list", "info", "pause", "resume", "remove", "recheck", "queue"})
public final class TorrentCommands {

    /** How long {@code remove} waits for trackers and files before it answers anyway. */
    static final Duration REMOVE_WAIT = Duration.ofSeconds(30);

    private static final Spec LIST = Spec.of("shoal:list", 0, 0);
    private static final Spec INFO = Spec.of("shoal:info <torrent>", 1, 1);
    private static final Spec PAUSE = Spec.of("shoal:pause <torrent>...", 1, Integer.MAX_VALUE);
    private static final Spec RESUME = Spec.of("shoal:resume <torrent>...", 1, Integer.MAX_VALUE);
    private static final Spec REMOVE = Spec.of("shoal:remove [--delete-data] <torrent>...", 1, Integer.MAX_VALUE)
            .flags("--delete-data");
    private static final Spec RECHECK = Spec.of("shoal:recheck <torrent>", 1, 1);
    private static final Spec QUEUE = Spec.of("shoal:queue <torrent> top|up|down|bottom", 2, 2);

    private final Engine engine;

    @Activate
    public TorrentCommands(@Reference Engine engine) {
        this.engine = engine;
    }

    @Descriptor("every torrent, one row each: id, name, size, done, state, rates, peers, seeds, uploaded, ratio, ETA")
    public Object list(CommandSession session, String... args) {
        Args.parse(LIST, args);
        List<Torrent> torrents = engine.torrents();
        if (torrents.isEmpty()) {
            return "no torrents";
        }
        Table.Builder table = TorrentViews.listTable();
        for (Torrent torrent : torrents) {
            TorrentViews.addRow(table, torrent.id(), torrent.status());
        }
        return table.build();
    }

    @Descriptor("all about one torrent: shoal:info <torrent> (its id or an info-hash prefix)")
    public Object info(CommandSession session, String... args) {
        Torrent t = Targets.find(engine, Args.parse(INFO, args).operand(0));
        TorrentDates dates = t.dates();
        return TorrentViews.info(t.id(), t.infoHash().hex(), t.status(),
                t.metainfo().map(Metainfo::pieceLength).orElse(0), t.queuePosition(),
                t.downloadDirectory().toString(), t.seedGoal(), t.rateLimits())
                .with("Labels", PlaceCommands.shown(t.labels()))
                .with("Idle limit", TorrentViews.idle(t.idleLimit()))
                .with("Added", TorrentViews.date(Optional.of(dates.added())))
                .with("Completed", TorrentViews.date(dates.done()))
                .with("Last active", TorrentViews.date(dates.active()))
                .with("Downloading", Spans.of(dates.downloading()));
    }

    @Descriptor("stop torrents, keeping what they have: shoal:pause <torrent>...")
    public Object pause(CommandSession session, String... args) {
        return each(PAUSE, args, Torrent::pause, "paused ");
    }

    @Descriptor("start paused, finished or failed torrents again: shoal:resume <torrent>...")
    public Object resume(CommandSession session, String... args) {
        return each(RESUME, args, Torrent::resume, "resumed ");
    }

    /** Does {@code action} to every torrent named (all found first), one line each. */
    private String each(Spec spec, String[] args, Consumer<Torrent> action, String done) {
        List<String> lines = new ArrayList<>();
        for (Torrent t : Targets.findAll(engine, Args.parse(spec, args).operands())) {
            action.accept(t);
            lines.add(done + Targets.label(t));
        }
        return String.join("\n", lines);
    }

    @Descriptor("forget torrents; with --delete-data, delete their files too: shoal:remove [--delete-data] <torrent>...")
    public Object remove(CommandSession session, String... args) throws InterruptedException {
        Args parsed = Args.parse(REMOVE, args);
        boolean delete = parsed.flag("--delete-data");
        List<Torrent> torrents = Targets.findAll(engine, parsed.operands());
        List<String> done = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (Torrent t : torrents) {
            String label = Targets.label(t);
            try {
                t.remove(delete).toCompletableFuture().get(REMOVE_WAIT.toSeconds(), TimeUnit.SECONDS);
                done.add("removed " + label + (delete ? " and deleted its files" : ""));
            } catch (ExecutionException | CompletionException e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                failed.add("removed " + label + " but " + (delete ? "could not delete all its files: " : "")
                        + cause.getMessage());
            } catch (TimeoutException e) {
                done.add("removed " + label + " (still closing after " + REMOVE_WAIT.toSeconds() + "s)");
            }
        }
        if (!failed.isEmpty()) {
            failed.addAll(0, done);
            throw new ShellException(String.join("; ", failed));
        }
        return String.join("\n", done);
    }

    @Descriptor("hash a torrent's files again; it downloads what fails: shoal:recheck <torrent>")
    public Object recheck(CommandSession session, String... args) {
        Torrent t = Targets.find(engine, Args.parse(RECHECK, args).operand(0));
        t.recheck();
        return "checking " + Targets.label(t) + " (shoal:list shows how far)";
    }

    @Descriptor("move a torrent in the queue: shoal:queue <torrent> top|up|down|bottom")
    public Object queue(CommandSession session, String... args) {
        Args parsed = Args.parse(QUEUE, args);
        QueueMove move;
        try {
            move = QueueMove.valueOf(parsed.operand(1).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw QUEUE.misuse("no queue move \"" + parsed.operand(1) + "\"");
        }
        Torrent t = Targets.find(engine, parsed.operand(0));
        int before = t.queuePosition();
        // The engine moves it on its own thread: say what was asked and where it was, not a guess at where it is.
        t.moveInQueue(move);
        String where = switch (move) {
            case TOP -> "to the top of";
            case UP -> "up in";
            case DOWN -> "down in";
            case BOTTOM -> "to the bottom of";
        };
        return Targets.label(t) + ": moved " + where + " the queue (was #" + before + ")";
    }
}
