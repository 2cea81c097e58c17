package dev.shoal.ui.swt.internal.tabs;

import dev.shoal.engine.api.FilePriority;
import dev.shoal.engine.api.FileStatus;
import dev.shoal.engine.api.Torrent;
import dev.shoal.support.text.Shares;
import dev.shoal.support.text.Sizes;
import dev.shoal.ui.swt.internal.model.Details;
import dev.shoal.ui.swt.internal.model.FileTree;
import dev.shoal.ui.swt.internal.model.Snapshot;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.IntConsumer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeColumn;
import org.eclipse.swt.widgets.TreeItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The selected torrent's files by folder: size, progress, priority. The context menu sets High,
 * Normal or Skip on the chosen files, a folder on every file under it; the engine is told on the
 * work executor, then the details are read again.
 */
public final class FilesTab implements DetailsTab {

    private static final Logger LOG = LoggerFactory.getLogger(FilesTab.class);
    private static final String[] COLUMNS = {"Name", "Size", "Progress", "Priority"};

    private final Tree tree;
    private final Executor work;
    private final IntConsumer reread;
    private FileTree shape;
    private int shapeOf = -1;
    private Optional<Details> shown = Optional.empty();

    /** {@code reread} asks for the torrent's details again (after a priority change). */
    public FilesTab(Composite parent, Executor work, IntConsumer reread) {
        this.work = work;
        this.reread = reread;
        tree = new Tree(parent, SWT.MULTI | SWT.FULL_SELECTION);
        tree.setHeaderVisible(true);
        int[] widths = {420, 90, 80, 80};
        for (int i = 0; i < COLUMNS.length; i++) {
            TreeColumn column = new TreeColumn(tree, i == 0 ? SWT.LEFT : SWT.RIGHT);
            column.setText(COLUMNS[i]);
            column.setWidth(widths[i]);
        }
        Menu menu = new Menu(tree);
        for (FilePriority priority : new FilePriority[] {FilePriority.HIGH, FilePriority.NORMAL, FilePriority.SKIP}) {
            MenuItem item = new MenuItem(menu, SWT.PUSH);
            item.setText(label(priority));
            item.addListener(SWT.Selection, e -> setPriority(priority));
        }
        tree.setMenu(menu);
    }

    @Override
    public String title() {
        return "Files";
    }

    @Override
    public Control control() {
        return tree;
    }

    @Override
    public void show(Snapshot snapshot) {
        shown = snapshot.details();
        if (shown.isEmpty()) {
            tree.removeAll();
            shape = null;
            shapeOf = -1;
            return;
        }
        Details d = shown.get();
        if (shape == null || shapeOf != d.id() || !shape.fits(d.files())) {
            tree.setRedraw(false);
            tree.removeAll();
            shape = FileTree.of(d.files());
            shapeOf = d.id();
            for (FileTree.Node node : shape.top()) {
                build(new TreeItem(tree, SWT.NONE), node);
            }
            tree.setRedraw(true);
        }
        for (TreeItem item : tree.getItems()) {
            update(item, d.files());
        }
    }

    private void build(TreeItem item, FileTree.Node node) {
        item.setData(node);
        for (FileTree.Node child : node.children()) {
            build(new TreeItem(item, SWT.NONE), child);
        }
        // A lone top folder opens by itself: most torrents are one folder of files.
        if (node.isFolder() && item.getParentItem() == null && tree.getItemCount() == 1) {
            item.setExpanded(true);
        }
    }

    private void update(TreeItem item, List<FileStatus> files) {
        FileTree.Node node = (FileTree.Node) item.getData();
        String[] cells = {node.name(), Sizes.of(node.size(files)), Shares.percent(node.progress(files)),
            node.priority(files).map(FilesTab::label).orElse("Mixed")};
        for (int i = 0; i < cells.length; i++) {
            if (!item.getText(i).equals(cells[i])) {
                item.setText(i, cells[i]);
            }
        }
        for (TreeItem child : item.getItems()) {
            update(child, files);
        }
    }

    private void setPriority(FilePriority priority) {
        if (shown.isEmpty()) {
            return;
        }
        Set<Integer> indices = new LinkedHashSet<>();
        for (TreeItem item : tree.getSelection()) {
            indices.addAll(((FileTree.Node) item.getData()).files());
        }
        Details d = shown.get();
        Torrent torrent = d.torrent();
        work.execute(() -> {
            try {
                for (int index : indices) {
                    torrent.setFilePriority(index, priority);
                }
            } catch (RuntimeException e) {
                LOG.warn("desktop: setting file priority of {} failed: {}", d.status().name(), e.toString());
            }
            reread.accept(d.id());
        });
    }

    /** Selects the node at {@code path} (for the driver) and sets its priority like the menu does. */
    public void setPriority(String path, String priorityName) {
        FilePriority priority;
        try {
            priority = FilePriority.valueOf(priorityName.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("no priority '" + priorityName + "': high, normal or skip");
        }
        TreeItem item = find(tree.getItems(), path);
        if (item == null) {
            throw new IllegalArgumentException("no file or folder '" + path + "' in the Files tab");
        }
        tree.setSelection(item);
        setPriority(priority);
    }

    private static TreeItem find(TreeItem[] items, String path) {
        for (TreeItem item : items) {
            if (((FileTree.Node) item.getData()).path().equals(path)) {
                return item;
            }
            TreeItem below = find(item.getItems(), path);
            if (below != null) {
                return below;
            }
        }
        return null;
    }

    static String label(FilePriority priority) {
        return switch (priority) {
            case HIGH -> "High";
            case NORMAL -> "Normal";
            case SKIP -> "Skip";
        };
    }

    @Override
    public List<String> text() {
        List<String> lines = new ArrayList<>();
        lines.add(String.join(" | ", COLUMNS));
        collect(tree.getItems(), lines);
        return lines;
    }

    private static void collect(TreeItem[] items, List<String> lines) {
        for (TreeItem item : items) {
            FileTree.Node node = (FileTree.Node) item.getData();
            lines.add(node.path() + (node.isFolder() ? "/" : "") + " | " + item.getText(1) + " | " + item.getText(2)
                    + " | " + item.getText(3));
            collect(item.getItems(), lines);
        }
    }
}
