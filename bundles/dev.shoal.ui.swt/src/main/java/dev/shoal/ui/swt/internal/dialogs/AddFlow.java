package dev.shoal.ui.swt.internal.dialogs;

import dev.shoal.engine.api.Engine;
import dev.shoal.engine.api.EngineException;
import dev.shoal.engine.api.FilePriority;
import dev.shoal.engine.api.Torrent;
import dev.shoal.metainfo.MagnetLink;
import dev.shoal.metainfo.Metainfo;
import dev.shoal.support.torrent.TorrentSource;
import dev.shoal.support.torrent.TorrentSourceException;
import dev.shoal.ui.swt.internal.adding.DroppedText;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adding torrents: from a file dialog, a link, a drop or a paste, each ends in the add dialog
 * (title "Add torrent") or a one-line error. Loading and adding run on {@code work}; widgets are
 * touched only on the display thread. {@link #open} and {@link #openAll} may be called from any
 * thread; {@link #chooseFiles} and {@link #askForLink} from the display thread.
 */
public final class AddFlow {

    private static final Logger LOG = LoggerFactory.getLogger(AddFlow.class);

    /** Most torrents one drop, paste or file choice opens: each is a dialog of its own. */
    static final int MOST_AT_ONCE = 20;

    private final Shell shell;
    private final Display display;
    private final Engine engine;
    private final Executor work;
    private final TorrentSource source;
    private volatile IntConsumer onAdded = id -> { };

    public AddFlow(Shell shell, Engine engine, Executor work) {
        this(shell, engine, work, new TorrentSource("Shoal"));
    }

    AddFlow(Shell shell, Engine engine, Executor work, TorrentSource source) {
        this.shell = Objects.requireNonNull(shell, "shell");
        this.display = shell.getDisplay();
        this.engine = Objects.requireNonNull(engine, "engine");
        this.work = Objects.requireNonNull(work, "work");
        this.source = source;
    }

    /**
     * Told on the display thread the id of each torrent added through this flow (the window may select
     * it); the id is read on the work thread, for the display thread calls no engine.
     */
    public void onAdded(IntConsumer listener) {
        onAdded = Objects.requireNonNull(listener, "listener");
    }

    /** The platform's file dialog, several .torrent files at once. */
    public void chooseFiles() {
        FileDialog dialog = new FileDialog(shell, SWT.OPEN | SWT.MULTI);
        dialog.setText("Open torrents");
        dialog.setFilterExtensions(new String[] {"*.torrent", "*"});
        dialog.setFilterNames(new String[] {"Torrent files (*.torrent)", "All files"});
        if (dialog.open() == null) {
            return;
        }
        String folder = dialog.getFilterPath();
        openAll(java.util.Arrays.stream(dialog.getFileNames())
                .map(name -> folder == null || folder.isEmpty() ? name : Path.of(folder, name).toString()).toList());
    }

    /** The "Add link" dialog, prefilled with the clipboard's text when it is one URL or magnet link. */
    public void askForLink() {
        String clip = null;
        Clipboard clipboard = new Clipboard(display);
        try {
            clip = (String) clipboard.getContents(TextTransfer.getInstance());
        } finally {
            clipboard.dispose();
        }
        LinkDialog.open(shell, DroppedText.link(clip), this::open);
    }

    /**
     * Loads the torrent {@code target} names (file, file: URI, http(s) URL), then shows the add dialog;
     * a magnet link is added at once to the download directory, for there is no file list to choose
     * from before its metadata comes from peers.
     */
    public void open(String target) {
        Forms.work(work, () -> {
            try {
                Optional<MagnetLink> magnet = TorrentSource.magnet(target);
                if (magnet.isPresent()) {
                    addMagnet(magnet.get());
                    return;
                }
                Metainfo metainfo = source.load(target, Path.of("").toAbsolutePath());
                Path folder = engine.downloadDirectory();
                onDisplay(() -> AddDialog.open(shell, metainfo, folder, this));
            } catch (TorrentSourceException e) {
                onDisplay(() -> Notice.error(shell, e.getMessage()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOG.warn("could not open {}", target, e);
                onDisplay(() -> Notice.error(shell, target + ": " + e));
            }
        });
    }

    /** On {@code work}: adds the link with the engine's defaults; the row shows it fetching metadata. */
    private void addMagnet(MagnetLink magnet) {
        try {
            int id = engine.add(engine.defaults(magnet)).id();
            onDisplay(() -> onAdded.accept(id));
        } catch (EngineException e) {
            onDisplay(() -> Notice.error(shell, e.getMessage()));
        }
    }

    /** {@link #open} for each, at most {@value #MOST_AT_ONCE}. */
    public void openAll(List<String> targets) {
        if (targets.size() > MOST_AT_ONCE) {
            onDisplay(() -> Notice.error(shell, targets.size() + " torrents at once; opening the first "
                    + MOST_AT_ONCE));
        }
        targets.stream().limit(MOST_AT_ONCE).forEach(this::open);
    }

    /**
     * Adds the torrent on {@code work}: to {@code folder}, every file but the {@code skipped} ones
     * (engine file numbers), started unless {@code paused}. {@code done} is told on the display
     * thread: empty when added, else the one-line reason.
     */
    void add(Metainfo metainfo, Path folder, boolean paused, List<Integer> skipped, Consumer<String> done) {
        boolean queued = Forms.work(work, () -> {
            try {
                // Files to skip are set before the torrent starts, so none of their bytes are fetched.
                boolean holdBack = !paused && !skipped.isEmpty();
                Torrent torrent = engine.add(engine.defaults(metainfo).withDownloadDirectory(folder)
                        .withPaused(paused || holdBack));
                for (int index : skipped) {
                    torrent.setFilePriority(index, FilePriority.SKIP);
                }
                if (holdBack) {
                    torrent.resume();
                }
                int id = torrent.id();
                onDisplay(() -> {
                    done.accept("");
                    onAdded.accept(id);
                });
            } catch (EngineException e) {
                onDisplay(() -> done.accept(e.getMessage()));
            } catch (RuntimeException e) {
                LOG.warn("could not add {}", metainfo, e);
                String reason = e.getMessage() == null ? e.toString() : e.getMessage();
                onDisplay(() -> done.accept(metainfo.name() + ": " + reason));
            }
        });
        if (!queued) {
            done.accept("Shoal is closing; the torrent was not added");
        }
    }

    /** The work executor, for the add dialog's own look-ups (free space). */
    Executor work() {
        return work;
    }

    /** Runs {@code task} on the display thread unless the window is gone. */
    void onDisplay(Runnable task) {
        Forms.later(display, () -> {
            if (!shell.isDisposed()) {
                task.run();
            }
        });
    }
}
