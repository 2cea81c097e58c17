package dev.shoal.ui.swt.internal.window;

import dev.shoal.engine.api.Torrent;
import dev.shoal.ui.swt.internal.dialogs.AddFlow;
import dev.shoal.ui.swt.internal.dialogs.CreateDialog;
import dev.shoal.ui.swt.internal.dialogs.PreferencesDialog;
import dev.shoal.ui.swt.internal.dialogs.RemoveDialog;
import dev.shoal.ui.swt.internal.model.Snapshot;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the toolbar items do. Engine calls go to the work executor; a failure comes back as a
 * one-line message box on the display thread.
 */
final class Actions {

    private static final Logger LOG = LoggerFactory.getLogger(Actions.class);

    private final Shell shell;
    private final Display display;
    private final Services services;
    private final Supplier<List<Integer>> selectedIds;
    private final Supplier<Snapshot> last;
    private final Runnable refresh;
    private final IntFunction<String> nameOf;
    private final AddFlow flow;
    private final Runnable showSearch;

    Actions(Shell shell, Services services, AddFlow flow, Supplier<List<Integer>> selectedIds, Supplier<Snapshot> last,
            IntFunction<String> nameOf, Runnable refresh, Runnable showSearch) {
        this.shell = shell;
        this.display = shell.getDisplay();
        this.services = services;
        this.selectedIds = selectedIds;
        this.last = last;
        this.refresh = refresh;
        this.nameOf = nameOf;
        this.flow = flow;
        this.showSearch = showSearch;
    }

    void run(Action action) {
        switch (action) {
            case OPEN -> flow.chooseFiles();
            case URL -> flow.askForLink();
            case CREATE -> CreateDialog.open(shell, services.creator(), flow, services.work());
            case START -> onSelection(Torrent::resume, "start");
            case PAUSE -> onSelection(Torrent::pause, "pause");
            case REMOVE -> remove();
            case SEARCH -> showSearch.run();
            case PREFERENCES -> PreferencesDialog.open(shell, services.admin(), services.metatype(), services.context(),
                    services.work());
        }
    }

    /** The add flow for a file, URL or magnet link ({@code shoal:open}, a second {@code ./shoal X.torrent}). */
    void open(String fileOrUrlOrMagnet) {
        flow.open(fileOrUrlOrMagnet);
    }

    /** The selected torrents by id, in table order; the ids are the snapshot's, no engine call. */
    private Map<Integer, Torrent> selection() {
        Map<Integer, Torrent> torrents = new LinkedHashMap<>();
        for (int id : selectedIds.get()) {
            Torrent torrent = last.get().handles().get(id);
            if (torrent != null) {
                torrents.put(id, torrent);
            }
        }
        return torrents;
    }

    private void onSelection(Consumer<Torrent> action, String verb) {
        Collection<Torrent> torrents = selection().values();
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

    private void remove() {
        Map<Integer, Torrent> selected = selection();
        if (selected.isEmpty()) {
            return;
        }
        List<String> names = new ArrayList<>();
        for (int id : selected.keySet()) {
            names.add(nameOf.apply(id));
        }
        Collection<Torrent> torrents = selected.values();
        // The callback form: no nested event loop holding this click while the dialog is up.
        RemoveDialog.ask(shell, names, answer -> answer.ifPresent(deleteFiles -> remove(torrents, deleteFiles)));
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

    private static String rootMessage(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return String.valueOf(cause.getMessage());
    }
}
