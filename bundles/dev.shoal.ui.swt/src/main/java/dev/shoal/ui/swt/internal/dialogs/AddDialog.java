package dev.shoal.ui.swt.internal.dialogs;

import dev.shoal.metainfo.Metainfo;
import dev.shoal.support.text.Sizes;
import dev.shoal.ui.swt.internal.adding.FileChoice;
import dev.shoal.ui.swt.internal.adding.FileChoice.Node;
import dev.shoal.ui.swt.internal.adding.FreeSpace;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeColumn;
import org.eclipse.swt.widgets.TreeItem;

/**
 * "Add torrent": what the torrent is, where it goes, which of its files, started or paused. The
 * tree's folder items are made when first expanded, so a torrent of many files opens at once.
 */
final class AddDialog {

    static final String TITLE = "Add torrent";

    private final Metainfo metainfo;
    private final AddFlow flow;
    private final FileChoice choice;
    private final Shell shell;
    private final Text saveTo;
    private final Tree tree;
    private final Label summary;
    private final Button paused;
    private final Button add;
    private String free = "";

    private AddDialog(Shell parent, Metainfo metainfo, Path folder, AddFlow flow) {
        this.metainfo = metainfo;
        this.flow = flow;
        this.choice = FileChoice.of(metainfo);
        shell = Forms.dialog(parent, TITLE, 3, SWT.NONE);

        Forms.label(shell, "Name");
        Forms.value(shell, metainfo.name(), 2);
        Forms.label(shell, "Size");
        Forms.value(shell, Sizes.of(choice.totalBytes()) + " in " + choice.fileCount()
                + (choice.fileCount() == 1 ? " file" : " files"), 2);
        Forms.label(shell, "Info-hash");
        Forms.text(shell, metainfo.infoHash().hex(), SWT.READ_ONLY, 2);

        Forms.label(shell, "Save to");
        saveTo = Forms.text(shell, folder.toString(), SWT.SINGLE, 1);
        Forms.button(shell, "Browse…", this::browse);

        tree = new Tree(shell, SWT.CHECK | SWT.BORDER | SWT.FULL_SELECTION);
        tree.setHeaderVisible(true);
        GridData treeData = new GridData(SWT.FILL, SWT.FILL, true, true, 3, 1);
        treeData.heightHint = 220;
        tree.setLayoutData(treeData);
        TreeColumn name = new TreeColumn(tree, SWT.LEFT);
        name.setText("Name");
        name.setWidth(360);
        TreeColumn size = new TreeColumn(tree, SWT.RIGHT);
        size.setText("Size");
        size.setWidth(90);
        for (Node root : choice.roots()) {
            item(new TreeItem(tree, SWT.NONE), root);
        }
        if (tree.getItemCount() == 1 && choice.roots().get(0).isFolder()) {
            expand(tree.getItem(0));
            tree.getItem(0).setExpanded(true);
        }
        tree.addListener(SWT.Expand, event -> expand((TreeItem) event.item));
        tree.addListener(SWT.Selection, this::checked);

        Composite all = new Composite(shell, SWT.NONE);
        all.setLayout(new org.eclipse.swt.layout.GridLayout(2, true));
        ((org.eclipse.swt.layout.GridLayout) all.getLayout()).marginWidth = 0;
        Forms.button(all, "All", () -> setAll(true));
        Forms.button(all, "None", () -> setAll(false));
        summary = Forms.value(shell, "", 2);

        paused = Forms.check(shell, "Start paused", false, 3);

        Composite row = Forms.buttonRow(shell, 3, 2);
        add = Forms.button(row, "Add", this::add);
        Forms.button(row, "Cancel", shell::close);
        shell.setDefaultButton(add);

        saveTo.addListener(SWT.Modify, event -> lookUpFreeSpace());
        lookUpFreeSpace();
        showSummary();
    }

    static AddDialog open(Shell parent, Metainfo metainfo, Path folder, AddFlow flow) {
        AddDialog dialog = new AddDialog(parent, metainfo, folder, flow);
        Forms.show(dialog.shell, 560);
        return dialog;
    }

    /** Fills {@code item} for {@code node}; a folder gets a placeholder child until it is expanded. */
    private void item(TreeItem item, Node node) {
        item.setData(node);
        item.setText(new String[] {node.name(), Sizes.of(node.size())});
        show(item);
        if (node.isFolder() && !node.children().isEmpty()) {
            new TreeItem(item, SWT.NONE);
        }
    }

    private void expand(TreeItem item) {
        if (item.getItemCount() == 1 && item.getItem(0).getData() == null) {
            item.getItem(0).dispose();
            tree.setRedraw(false);
            try {
                for (Node child : ((Node) item.getData()).children()) {
                    item(new TreeItem(item, SWT.NONE), child);
                }
            } finally {
                tree.setRedraw(true);
            }
        }
    }

    private void checked(Event event) {
        if (event.detail != SWT.CHECK || !(event.item instanceof TreeItem item) || item.getData() == null) {
            return;
        }
        Node node = (Node) item.getData();
        // A grayed (mixed) folder clicked becomes wholly checked, as file managers do.
        boolean on = item.getGrayed() || item.getChecked();
        choice.set(node, on);
        refresh(tree.getItems());
        showSummary();
    }

    private void setAll(boolean on) {
        choice.setAll(on);
        refresh(tree.getItems());
        showSummary();
    }

    /** Shows the model's checks on every item made so far. */
    private void refresh(TreeItem[] items) {
        for (TreeItem item : items) {
            if (item.getData() != null) {
                show(item);
                refresh(item.getItems());
            }
        }
    }

    private void show(TreeItem item) {
        FileChoice.State state = choice.state((Node) item.getData());
        item.setChecked(state != FileChoice.State.UNCHECKED);
        item.setGrayed(state == FileChoice.State.MIXED);
    }

    private void showSummary() {
        summary.setText(choice.summary() + free);
        summary.getParent().layout(new org.eclipse.swt.widgets.Control[] {summary});
    }

    private void lookUpFreeSpace() {
        String folder = saveTo.getText();
        Forms.work(flow.work(), () -> {
            OptionalLong bytes = FreeSpace.of(folder);
            Forms.later(shell.getDisplay(), () -> {
                if (!shell.isDisposed() && saveTo.getText().equals(folder)) {
                    free = bytes.isPresent() ? ", " + Sizes.of(bytes.getAsLong()) + " free" : "";
                    showSummary();
                }
            });
        });
    }

    private void browse() {
        DirectoryDialog dialog = new DirectoryDialog(shell);
        dialog.setText("Save to");
        dialog.setFilterPath(saveTo.getText());
        String chosen = dialog.open();
        if (chosen != null) {
            saveTo.setText(chosen);
        }
    }

    private void add() {
        String text = saveTo.getText().strip();
        Path folder;
        try {
            folder = text.isEmpty() ? null : Path.of(text).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            Notice.error(shell, text + ": not a valid folder (" + e.getReason() + ")");
            return;
        }
        if (folder == null) {
            Notice.error(shell, "choose a folder to save to");
            return;
        }
        List<Integer> skipped = choice.skipped();
        if (skipped.size() == choice.fileCount()) {
            Notice.error(shell, "no files chosen: check at least one");
            return;
        }
        add.setEnabled(false);
        flow.add(metainfo, folder, paused.getSelection(), skipped, Forms.closeOrTell(shell, add));
    }
}
