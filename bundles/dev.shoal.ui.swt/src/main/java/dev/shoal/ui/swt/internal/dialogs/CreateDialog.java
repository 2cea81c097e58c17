package dev.shoal.ui.swt.internal.dialogs;

import dev.shoal.metainfo.CreateRequest;
import dev.shoal.metainfo.CreatedTorrent;
import dev.shoal.metainfo.Metainfo;
import dev.shoal.metainfo.TorrentCreator;
import dev.shoal.support.text.Sizes;
import dev.shoal.ui.swt.internal.adding.TorrentFiles;
import dev.shoal.ui.swt.internal.adding.TrackerTiers;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Create torrent": hashes a file or folder into a .torrent file, then offers to seed it. The
 * hashing runs on a thread of its own rather than on the shared work executor: it takes minutes
 * for large folders, and "Cancel" interrupts it, which must not reach anyone else's task.
 *
 * <p>The creator is dev.shoal.create's service, which may be stopped or updated while the window
 * stays: the dialog asks for it each time it starts hashing, and says so in one line when it is away.
 */
public final class CreateDialog {

    public static final String TITLE = "Create torrent";
    public static final String UNAVAILABLE = "torrent creation is not available (dev.shoal.create stopped)";

    private static final Logger LOG = LoggerFactory.getLogger(CreateDialog.class);
    private static final int STEPS = 1000;

    private final Supplier<Optional<TorrentCreator>> creator;
    private final AddFlow flow;
    private final Shell shell;
    private final Text source;
    private final Text trackers;
    private final Text comment;
    private final Button isPrivate;
    private final Combo pieceSize;
    private final Text saveAs;
    private final ProgressBar progress;
    private final Label status;
    private final Button create;
    private final Button seed;
    private final List<Integer> pieceLengths = new ArrayList<>();
    /** The hashing thread while one runs; touched on the display thread only. */
    private Thread hashing;
    /** The path the user agreed to overwrite in the save dialog. */
    private String overwrite = "";
    private Metainfo created;
    private Path createdFrom;
    private final org.eclipse.swt.widgets.Display display;

    private CreateDialog(Shell parent, Supplier<Optional<TorrentCreator>> creator, AddFlow flow) {
        this.creator = creator;
        this.flow = flow;
        shell = Forms.dialog(parent, TITLE, 4, SWT.NONE);
        display = shell.getDisplay();

        Forms.label(shell, "Source");
        source = Forms.text(shell, "", SWT.SINGLE, 1);
        Forms.button(shell, "File…", () -> chooseSource(false));
        Forms.button(shell, "Folder…", () -> chooseSource(true));

        Forms.label(shell, "Trackers").setLayoutData(new GridData(SWT.BEGINNING, SWT.BEGINNING, false, false));
        trackers = new Text(shell, SWT.BORDER | SWT.MULTI | SWT.V_SCROLL | SWT.H_SCROLL);
        GridData trackersData = new GridData(SWT.FILL, SWT.FILL, true, true, 3, 1);
        trackersData.heightHint = 5 * trackers.getLineHeight();
        trackers.setLayoutData(trackersData);
        trackers.setToolTipText("One announce URL per line; a blank line starts the next tier");

        Forms.label(shell, "Comment");
        comment = Forms.text(shell, "", SWT.SINGLE, 3);

        Forms.label(shell, "Piece size");
        pieceSize = new Combo(shell, SWT.READ_ONLY);
        pieceSize.add("Auto");
        pieceLengths.add(CreateRequest.AUTO_PIECE_LENGTH);
        for (int size = CreateRequest.MIN_PIECE_LENGTH; size <= 16 << 20; size <<= 1) {
            pieceSize.add(Sizes.of(size).replace(".0 ", " "));
            pieceLengths.add(size);
        }
        pieceSize.select(0);
        pieceSize.setLayoutData(new GridData(SWT.BEGINNING, SWT.CENTER, false, false, 3, 1));

        isPrivate = Forms.check(shell, "Private (peers from its trackers only)", false, 4);

        Forms.label(shell, "Save as");
        saveAs = Forms.text(shell, "", SWT.SINGLE, 2);
        Forms.button(shell, "Browse…", this::chooseSaveAs);

        progress = new ProgressBar(shell, SWT.HORIZONTAL | SWT.SMOOTH);
        progress.setMaximum(STEPS);
        progress.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 4, 1));
        status = Forms.value(shell, "", 4);

        Composite row = Forms.buttonRow(shell, 4, 3);
        create = Forms.button(row, "Create", this::create);
        seed = Forms.button(row, "Seed now", this::seed);
        seed.setEnabled(false);
        Forms.button(row, "Cancel", this::cancel);
        shell.setDefaultButton(create);
        // Closing the dialog (or the window going away) stops a hashing run.
        shell.addListener(SWT.Dispose, event -> stopHashing());
    }

    /** The dialog, or a one-line notice when dev.shoal.create's service is away. */
    public static Shell open(Shell parent, Supplier<Optional<TorrentCreator>> creator, AddFlow flow, Executor work) {
        // work is not used: hashing has a thread of its own (see the class comment), adding goes through the flow.
        if (creator.get().isEmpty()) {
            return unavailable(parent);
        }
        CreateDialog dialog = new CreateDialog(parent, creator, flow);
        Forms.show(dialog.shell, 600);
        return dialog.shell;
    }

    private void chooseSource(boolean folder) {
        String chosen;
        if (folder) {
            DirectoryDialog dialog = new DirectoryDialog(shell);
            dialog.setText("Folder to share");
            chosen = dialog.open();
        } else {
            FileDialog dialog = new FileDialog(shell, SWT.OPEN);
            dialog.setText("File to share");
            chosen = dialog.open();
        }
        if (chosen != null) {
            source.setText(chosen);
            if (saveAs.getText().isBlank()) {
                saveAs.setText(chosen.replaceAll("[/\\\\]+$", "") + ".torrent");
            }
        }
    }

    private void chooseSaveAs() {
        FileDialog dialog = new FileDialog(shell, SWT.SAVE);
        dialog.setText("Save torrent as");
        dialog.setFilterExtensions(new String[] {"*.torrent"});
        dialog.setOverwrite(true);
        if (!saveAs.getText().isBlank()) {
            dialog.setFileName(saveAs.getText());
        }
        String chosen = dialog.open();
        if (chosen != null) {
            saveAs.setText(chosen);
            overwrite = chosen;
        }
    }

    private static Shell unavailable(Shell parent) {
        LOG.warn("desktop: {}", UNAVAILABLE);
        return Notice.error(parent, UNAVAILABLE);
    }

    private void create() {
        Optional<TorrentCreator> hasher = creator.get();
        if (hasher.isEmpty()) {
            unavailable(shell);
            return;
        }
        CreateRequest request;
        Path output;
        try {
            request = request();
            output = path(saveAs.getText(), "choose where to save the .torrent file");
        } catch (IllegalArgumentException e) {
            Notice.error(shell, e.getMessage());
            return;
        }
        boolean mayOverwrite = overwrite.equals(saveAs.getText());
        created = null;
        seed.setEnabled(false);
        create.setEnabled(false);
        progress.setSelection(0);
        status.setText("Hashing " + request.source().getFileName() + "…");
        hashing = new Thread(() -> hash(hasher.get(), request, output, mayOverwrite), "shoal-ui-create");
        hashing.setDaemon(true);
        hashing.start();
    }

    private CreateRequest request() {
        Path from = path(source.getText(), "choose a file or folder to share");
        CreateRequest.Builder builder = CreateRequest.builder(from).privateFlag(isPrivate.getSelection())
                .pieceLength(pieceLengths.get(Math.max(0, pieceSize.getSelectionIndex())))
                .createdBy(createdBy());
        TrackerTiers.parse(trackers.getText()).forEach(builder::trackerTier);
        if (!comment.getText().isBlank()) {
            builder.comment(comment.getText().strip());
        }
        return builder.build();
    }

    private static Path path(String text, String whenEmpty) {
        if (text.isBlank()) {
            throw new IllegalArgumentException(whenEmpty);
        }
        try {
            return Path.of(text.strip()).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(text.strip() + ": not a valid path (" + e.getReason() + ")");
        }
    }

    /** On the hashing thread: checks, hashes, writes; the outcome goes back to the dialog. */
    private void hash(TorrentCreator creator, CreateRequest request, Path output, boolean mayOverwrite) {
        String problem;
        CreatedTorrent torrent = null;
        try {
            if (!Files.exists(request.source())) {
                throw new IOException(request.source() + ": no such file or folder");
            }
            if (!Files.isDirectory(output.getParent())) {
                throw new IOException(output.getParent() + ": no such folder to save the torrent file in");
            }
            if (Files.exists(output) && !mayOverwrite) {
                throw new IOException(output + ": already exists; choose it with Browse… to replace it");
            }
            long[] last = {0};
            torrent = creator.create(request, (hashed, total) -> {
                long now = System.nanoTime();
                if (now - last[0] > 100_000_000L) {
                    last[0] = now;
                    int step = total == 0 ? STEPS : (int) (hashed * STEPS / total);
                    onDialog(() -> progress.setSelection(step));
                }
            });
            TorrentFiles.write(output, torrent.bytes());
            problem = null;
        } catch (InterruptedIOException | java.nio.channels.ClosedByInterruptException e) {
            problem = "cancelled";
        } catch (IOException e) {
            problem = e.getMessage();
        } catch (RuntimeException e) {
            LOG.warn("could not create a torrent of {}", request.source(), e);
            problem = request.source() + ": " + e;
        }
        String outcome = problem;
        Metainfo made = torrent == null ? null : torrent.metainfo();
        onDialog(() -> finished(outcome, made, request.source(), output));
    }

    private void finished(String problem, Metainfo made, Path from, Path output) {
        hashing = null;
        create.setEnabled(true);
        if (problem != null) {
            progress.setSelection(0);
            status.setText(problem.equals("cancelled") ? "Cancelled." : "");
            if (!problem.equals("cancelled")) {
                Notice.error(shell, problem);
            }
            return;
        }
        created = made;
        createdFrom = from;
        progress.setSelection(STEPS);
        status.setText("Created " + output + ": " + Sizes.of(made.totalLength()) + " in " + made.pieceCount()
                + " pieces of " + Sizes.of(made.pieceLength()) + ", info-hash " + made.infoHash().hex());
        seed.setEnabled(true);
        shell.setDefaultButton(seed);
        shell.layout(true, true);
    }

    /** Adds the made torrent, its files where they are: the source's parent is the save folder. */
    private void seed() {
        Metainfo torrent = created;
        if (torrent == null) {
            return;
        }
        Path folder = createdFrom.getParent();
        seed.setEnabled(false);
        flow.add(torrent, folder, false, List.of(), Forms.closeOrTell(shell, seed));
    }

    private void cancel() {
        if (hashing != null) {
            stopHashing();
        } else {
            shell.close();
        }
    }

    private void stopHashing() {
        Thread running = hashing;
        if (running != null) {
            running.interrupt();
        }
    }

    private void onDialog(Runnable task) {
        if (shell.isDisposed()) {
            return;
        }
        Forms.later(display, () -> {
            if (!shell.isDisposed()) {
                task.run();
            }
        });
    }

    private static String createdBy() {
        Bundle bundle = FrameworkUtil.getBundle(CreateDialog.class);
        return bundle == null ? "Shoal" : "Shoal " + bundle.getVersion();
    }
}
