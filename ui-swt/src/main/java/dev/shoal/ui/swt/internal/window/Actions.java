package dev.shoal.ui.swt.internal.window;

import dev.shoal.engine.api.Torrent;
import dev.shoal.ui.swt.internal.model.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.MessageBox;
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

    Actions(Shell shell, Services services, Supplier<List<Integer>> selectedIds, Supplier<Snapshot> last,
            Runnable refresh) {
        this.shell = shell;
        this.display = shell.getDisplay();
        this.services = services;
        this.selectedIds = selectedIds;
        this.last = last;
        this.refresh = refresh;
    }

    void run(Action action) {
        switch (action) {
            case OPEN -> notYet("Open");
            case URL -> notYet("Add link");
            case CREATE -> notYet("Create torrent");
            case START -> onSelection(Torrent::resume, "start");
            case PAUSE -> onSelection(Torrent::pause, "pause");
            case REMOVE -> remove();
            case SEARCH -> {
                // Disabled in the toolbar; nothing to do if pressed anyway.
            }
            case PREFERENCES -> notYet("Preferences");
        }
    }

    /** The add flow for a file, URL or magnet link ({@code shoal:open}, a second {@code ./shoal X.torrent}). */
    void open(String fileOrUrlOrMagnet) {
        notYet("Add torrent");
    }

    private void notYet(String what) {
        MessageBox box = new MessageBox(shell, SWT.ICON_INFORMATION | SWT.OK);
        box.setText(what);
        box.setMessage(what + ": the dialog is not in this build yet.");
        box.open();
    }

    private List<Torrent> selection() {
        List<Torrent> torrents = new ArrayList<>();
        for (int id : selectedIds.get()) {
            Torrent torrent = last.get().handles().get(id);
            if (torrent != null) {
                torrents.add(torrent);
            }
        }
        return torrents;
    }

    private void onSelection(Consumer<Torrent> action, String verb) {
        List<Torrent> torrents = selection();
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
        List<Torrent> torrents = selection();
        if (torrents.isEmpty()) {
            return;
        }
        Optional<Boolean> answer = askRemove(torrents);
        if (answer.isEmpty()) {
            return;
        }
        boolean deleteFiles = answer.get();
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

    private Optional<Boolean> askRemove(List<Torrent> torrents) {
        MessageBox box = new MessageBox(shell, SWT.ICON_QUESTION | SWT.YES | SWT.NO | SWT.CANCEL);
        box.setText("Remove torrents");
        box.setMessage("Remove " + torrents.size() + " torrent(s)? Yes also deletes their files, No keeps them.");
        int answer = box.open();
        return answer == SWT.CANCEL ? Optional.empty() : Optional.of(answer == SWT.YES);
    }

    private static String rootMessage(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return String.valueOf(cause.getMessage());
    }
}
