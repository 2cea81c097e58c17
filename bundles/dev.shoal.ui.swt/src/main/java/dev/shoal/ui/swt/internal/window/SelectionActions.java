package dev.shoal.ui.swt.internal.window;

import dev.shoal.engine.api.QueueMove;
import dev.shoal.engine.api.RateLimits;
import dev.shoal.engine.api.Torrent;
import dev.shoal.metainfo.MagnetLink;
import dev.shoal.metainfo.Metainfo;
import dev.shoal.ui.swt.internal.dialogs.LimitsDialog;
import dev.shoal.ui.swt.internal.dialogs.RemoveDialog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.program.Program;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The actions on the selected torrents. The selection is taken on the display thread from the last
 * snapshot's handles (no engine call); every engine call runs on the work executor, and what comes
 * back (clipboard text, a folder, current limits) is posted to the display thread.
 */
final class SelectionActions {

    private static final Logger LOG = LoggerFactory.getLogger(SelectionActions.class);

    private final Shell shell;
    private final Display display;
    private final Services services;
    private final Supplier<Map<Integer, Torrent>> selection;
    private final IntFunction<String> nameOf;
    private final Runnable refresh;
    private String launched = "";

    SelectionActions(Shell shell, Services services, Supplier<Map<Integer, Torrent>> selection,
            IntFunction<String> nameOf, Runnable refresh) {
        this.shell = shell;
        this.display = shell.getDisplay();
        this.services = services;
        this.selection = selection;
        this.nameOf = nameOf;
        this.refresh = refresh;
    }

    /** Runs {@code action} on each selected torrent, off the display thread; a failure is logged, the rest go on. */
    void each(Consumer<Torrent> action, String verb) {
        all(selection.get().values(), action, verb);
    }

    /** As {@link #each}, on {@code torrents}. */
    void all(Collection<Torrent> torrents, Consumer<Torrent> action, String verb) {
        services.work().execute(() -> {
            for (Torrent torrent : torrents) {
                try {
                    action.accept(torrent);
                } catch (RuntimeException e) {
                    LOG.warn("desktop: {} torrent {} failed: {}", verb, torrent.id(), e.toString());
                }
            }
            refresh.run();
        });
    }

    void queue(QueueMove move) {
        // Moved one at a time in table order; to the top or down the last goes first, so the
        // selected ones keep their order among themselves.
        List<Torrent> torrents = new ArrayList<>(selection.get().values());
        if (move == QueueMove.TOP || move == QueueMove.DOWN) {
            Collections.reverse(torrents);
        }
        all(torrents, torrent -> torrent.moveInQueue(move), "queue " + move.name().toLowerCase());
    }

    void recheck() {
        each(torrent -> torrent.recheck().whenComplete((done, failure) -> {
            if (failure != null) {
                LOG.warn("desktop: recheck torrent {} failed: {}", torrent.id(), failure.toString());
            }
            refresh.run();
        }), "recheck");
    }

    /** Asks, then removes the selected torrents; {@code withData} checks "delete the files too" from the start. */
    void remove(boolean withData) {
        Map<Integer, Torrent> selected = selection.get();
        if (selected.isEmpty()) {
            return;
        }
        List<String> names = new ArrayList<>();
        for (int id : selected.keySet()) {
            names.add(nameOf.apply(id));
        }
        Collection<Torrent> torrents = selected.values();
        // The callback form: no nested event loop holding this click while the dialog is up.
        RemoveDialog.ask(shell, names, withData,
                answer -> answer.ifPresent(deleteFiles -> remove(torrents, deleteFiles)));
    }

    private void remove(Collection<Torrent> torrents, boolean deleteFiles) {
        services.work().execute(() -> {
            for (Torrent torrent : torrents) {
                torrent.remove(deleteFiles).whenComplete((done, failure) -> {
                    if (failure != null) {
                        String line = "Removed " + torrent.id() + ", but deleting its files failed: "
                                + rootMessage(failure);
                        LOG.warn("desktop: {}", line);
                        Ui.post(display, () -> Messages.error(shell, "Remove torrents", line));
                    }
                });
            }
            refresh.run();
        });
    }

    void copyMagnetLinks() {
        copy(torrent -> torrent.metainfo().map(Metainfo::toMagnetLink)
                .orElseGet(() -> MagnetLink.of(torrent.infoHash())).toString());
    }

    void copyInfoHashes() {
        copy(torrent -> torrent.infoHash().hex());
    }

    /** A line per selected torrent onto the clipboard. */
    private void copy(Function<Torrent, String> line) {
        Collection<Torrent> torrents = selection.get().values();
        if (torrents.isEmpty()) {
            return;
        }
        services.work().execute(() -> {
            List<String> lines = new ArrayList<>();
            for (Torrent torrent : torrents) {
                lines.add(line.apply(torrent));
            }
            String text = String.join("\n", lines);
            Ui.post(display, () -> {
                Clipboard clipboard = new Clipboard(display);
                try {
                    clipboard.setContents(new Object[] {text}, new Transfer[] {TextTransfer.getInstance()});
                } finally {
                    // The contents stay on offer to other programs after the Clipboard object goes.
                    clipboard.dispose();
                }
            });
        });
    }

    /** Opens the torrent's own folder (its download folder for a single file) in the desktop's file manager. */
    void openFolder() {
        Collection<Torrent> torrents = selection.get().values();
        if (torrents.size() != 1) {
            return;
        }
        Torrent torrent = torrents.iterator().next();
        services.work().execute(() -> {
            Path directory = torrent.downloadDirectory();
            Path own = directory.resolve(torrent.status().name());
            Path folder = Files.isDirectory(own) ? own : directory;
            Ui.post(display, () -> {
                launched = folder.toString();
                if (!Program.launch(folder.toString())) {
                    LOG.info("desktop: no program opens folders here: {}", folder);
                }
            });
        });
    }

    /** The folder Open folder last asked the desktop to show, for {@code ui:state}. */
    String launched() {
        return launched;
    }

    /** The selected torrent's limits, read off the display thread, in a dialog; OK sets them. */
    void limits() {
        Collection<Torrent> torrents = selection.get().values();
        if (torrents.size() != 1) {
            return;
        }
        Torrent torrent = torrents.iterator().next();
        String name = nameOf.apply(torrent.id());
        services.work().execute(() -> {
            RateLimits current = torrent.rateLimits();
            Ui.post(display, () -> LimitsDialog.open(shell, LimitsDialog.TORRENT_TITLE, name, current,
                    limits -> all(List.of(torrent), t -> t.setRateLimits(limits), "limit")));
        });
    }

    /** The engine's limits over all torrents, as {@link #limits()} does one's. */
    void globalLimits() {
        services.work().execute(() -> {
            RateLimits current = services.engine().globalRateLimits();
            Ui.post(display, () -> LimitsDialog.open(shell, LimitsDialog.GLOBAL_TITLE, "All torrents together",
                    current, limits -> services.work().execute(() -> services.engine().setGlobalRateLimits(limits))));
        });
    }

    private static String rootMessage(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return String.valueOf(cause.getMessage());
    }
}
