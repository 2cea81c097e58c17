package dev.shoal.shell.internal;

import dev.shoal.engine.api.Engine;
import dev.shoal.engine.api.Torrent;
import dev.shoal.shell.internal.args.Args;
import dev.shoal.shell.internal.args.Args.Spec;
import dev.shoal.shell.internal.args.ShellException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Where a torrent's files are and what it is called: move, rename, label. */
@Component(service = PlaceCommands.class)
@Command(function = {"move", "rename", "label"})
public final class PlaceCommands {

    /** How long the command waits for a move; a longer one (a copy across disks) goes on and is said so. */
    private static final long WAIT_SECONDS = 60;

    private static final Spec MOVE = Spec.of("shoal:move <torrent> <folder> [--keep-data]", 2, 2)
            .flags("--keep-data");
    private static final Spec RENAME = Spec.of("shoal:rename <torrent> <path in the torrent> <new name>", 3, 3);
    private static final Spec LABEL = Spec.of("shoal:label <torrent> [<label>...] [--clear]", 1, Integer.MAX_VALUE)
            .flags("--clear");

    private final Engine engine;

    @Activate
    public PlaceCommands(@Reference Engine engine) {
        this.engine = engine;
    }

    @Descriptor("move a torrent's files to another folder, where it goes on: shoal:move <torrent> <folder>;"
            + " with --keep-data the files are not moved but looked for (and checked) in that folder")
    public Object move(CommandSession session, String... args) {
        Args parsed = Args.parse(MOVE, args);
        Torrent torrent = Targets.find(engine, parsed.operand(0));
        Path folder;
        try {
            folder = Path.of(parsed.operand(1)).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw MOVE.misuse("not a folder here: " + parsed.operand(1));
        }
        boolean moveData = !parsed.flag("--keep-data");
        String label = Targets.label(torrent);
        return await(torrent.moveTo(folder, moveData), (moveData ? "moved " + label + " to " : label
                + " now looks for its files in ") + folder);
    }

    @Descriptor("rename a file or folder of a torrent, on disk too:"
            + " shoal:rename <torrent> <path in the torrent, as shoal:files shows it> <new name>")
    public Object rename(CommandSession session, String... args) {
        Args parsed = Args.parse(RENAME, args);
        Torrent torrent = Targets.find(engine, parsed.operand(0));
        return await(torrent.rename(parsed.operand(1), parsed.operand(2)), "renamed " + parsed.operand(1) + " to "
                + parsed.operand(2) + " in " + Targets.label(torrent));
    }

    @Descriptor("show or set a torrent's labels: shoal:label <torrent> [<label>...] (replacing them), --clear"
            + " for none")
    public Object label(CommandSession session, String... args) {
        Args parsed = Args.parse(LABEL, args);
        Torrent torrent = Targets.find(engine, parsed.operand(0));
        List<String> given = parsed.operands().subList(1, parsed.operands().size());
        String whose = "labels of " + Targets.label(torrent) + ": ";
        if (given.isEmpty() && !parsed.flag("--clear")) {
            return whose + shown(torrent.labels());
        }
        if (!given.isEmpty() && parsed.flag("--clear")) {
            throw LABEL.misuse("--clear goes without labels");
        }
        try {
            torrent.setLabels(given.stream().flatMap(l -> Arrays.stream(l.split(","))).toList());
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ShellException(e.getMessage());
        }
        return whose + shown(torrent.labels());
    }

    /** {@code tv, hd}, or {@code none}. */
    static String shown(List<String> labels) {
        return labels.isEmpty() ? "none" : String.join(", ", labels);
    }

    private static String await(CompletionStage<Void> stage, String done) {
        try {
            stage.toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
            return done;
        } catch (ExecutionException e) {
            throw new ShellException(String.valueOf(e.getCause().getMessage()));
        } catch (TimeoutException e) {
            return done + " (still under way after " + WAIT_SECONDS + "s; it goes on)";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ShellException("interrupted");
        }
    }
}
