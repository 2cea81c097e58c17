package dev.shoal.ui.swt.internal.window;

import dev.shoal.ui.swt.internal.model.RowIcon;
import dev.shoal.ui.swt.internal.model.Scope;
import dev.shoal.ui.swt.internal.model.SideEntry;
import dev.shoal.ui.swt.internal.model.Sidebar;
import dev.shoal.ui.swt.internal.model.StateFilter;
import dev.shoal.ui.swt.internal.stateicons.StateIcons;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;

/**
 * The sidebar: States, Trackers (by host, failing ones marked) and Labels (once a torrent has one),
 * each line with its count; choosing one filters the table. It is touched only when the counts the
 * poller hands over differ from those shown, and then only the lines whose text changed (a section
 * whose entries came or went is rebuilt). Display thread only.
 */
final class SidePane {

    private final Tree tree;
    private final StateIcons icons;
    private final BiConsumer<StateFilter, Scope> chosen;
    private final Map<SideEntry.Section, TreeItem> roots = new EnumMap<>(SideEntry.Section.class);
    private Sidebar shown;
    private StateFilter filter = StateFilter.ALL;
    private Scope scope = Scope.ANY;

    SidePane(Composite parent, StateIcons icons, BiConsumer<StateFilter, Scope> chosen) {
        this.icons = icons;
        this.chosen = chosen;
        tree = new Tree(parent, SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER);
        tree.addListener(SWT.Selection, e -> {
            if (e.item instanceof TreeItem item && item.getData() instanceof SideEntry entry) {
                filter = entry.filter();
                scope = entry.scope();
                chosen.accept(filter, scope);
            } else {
                mark(); // a section's title chooses nothing: the line of what the table shows stays marked
            }
        });
        apply(Sidebar.EMPTY);
    }

    Tree control() {
        return tree;
    }

    /** Shows {@code sidebar}'s counts; nothing is touched when they are those shown. */
    void apply(Sidebar sidebar) {
        if (sidebar.equals(shown)) {
            return;
        }
        shown = sidebar;
        for (SideEntry.Section section : SideEntry.Section.values()) {
            List<SideEntry> entries = sidebar.section(section);
            TreeItem root = roots.get(section);
            if (entries.isEmpty() && section == SideEntry.Section.LABELS) {
                if (root != null) {
                    root.dispose();
                    roots.remove(section);
                }
                continue;
            }
            if (root == null) {
                root = new TreeItem(tree, SWT.NONE, Math.min(section.ordinal(), tree.getItemCount()));
                root.setText(section.title());
                roots.put(section, root);
            }
            update(root, entries);
            if (!root.getExpanded()) {
                root.setExpanded(true);
            }
        }
        mark();
    }

    private void update(TreeItem root, List<SideEntry> entries) {
        TreeItem[] items = root.getItems();
        boolean sameKeys = items.length == entries.size();
        for (int i = 0; sameKeys && i < items.length; i++) {
            sameKeys = ((SideEntry) items[i].getData()).key().equals(entries.get(i).key());
        }
        if (!sameKeys) {
            root.removeAll();
            for (SideEntry entry : entries) {
                show(new TreeItem(root, SWT.NONE), entry);
            }
            return;
        }
        for (int i = 0; i < items.length; i++) {
            if (!items[i].getData().equals(entries.get(i))) {
                show(items[i], entries.get(i));
            }
        }
    }

    private void show(TreeItem item, SideEntry entry) {
        SideEntry was = (SideEntry) item.getData();
        item.setData(entry);
        if (was == null || !was.text().equals(entry.text())) {
            item.setText(entry.text());
        }
        Image image = image(entry);
        if (item.getImage() != image) {
            item.setImage(image);
        }
        boolean failing = entry.errors() > 0;
        if (was == null || (was.errors() > 0) != failing) {
            item.setForeground(failing ? tree.getDisplay().getSystemColor(SWT.COLOR_RED) : null);
        }
    }

    private Image image(SideEntry entry) {
        if (entry.section() == SideEntry.Section.TRACKERS) {
            return entry.errors() > 0 ? icons.image(RowIcon.ERROR) : null;
        }
        if (entry.section() != SideEntry.Section.STATES) {
            return null;
        }
        return switch (StateFilter.valueOf(entry.key())) {
            case DOWNLOADING -> icons.image(RowIcon.DOWNLOADING);
            case SEEDING -> icons.image(RowIcon.SEEDING);
            case COMPLETED -> icons.image(RowIcon.COMPLETED);
            case PAUSED -> icons.image(RowIcon.PAUSED);
            case ERROR -> icons.image(RowIcon.ERROR);
            default -> null;
        };
    }

    /** Marks the line of what the table shows (set elsewhere too: {@code ui:filter}, a restart). */
    void select(StateFilter newFilter, Scope newScope) {
        filter = newFilter;
        scope = newScope;
        mark();
    }

    private void mark() {
        for (TreeItem root : roots.values()) {
            for (TreeItem item : root.getItems()) {
                if (((SideEntry) item.getData()).selects(filter, scope)) {
                    if (tree.getSelectionCount() != 1 || tree.getSelection()[0] != item) {
                        tree.setSelection(item);
                    }
                    return;
                }
            }
        }
        tree.deselectAll();
    }

    /** Chooses the entry at {@code path} ("states/seeding", "trackers/host") as a click does. */
    void choose(String path) {
        List<String> paths = new ArrayList<>();
        for (SideEntry entry : shown.entries()) {
            if (entry.path().equalsIgnoreCase(path)) {
                select(entry.filter(), entry.scope());
                chosen.accept(filter, scope);
                return;
            }
            paths.add(entry.path());
        }
        throw new IllegalArgumentException("no sidebar entry " + path + "; there are " + String.join(", ", paths));
    }

    /** The entries as the tree shows them, the chosen one marked " *", for {@code ui:sidebar}. */
    List<String> lines() {
        List<String> lines = new ArrayList<>();
        for (TreeItem root : tree.getItems()) {
            lines.add(root.getText());
            for (TreeItem item : root.getItems()) {
                SideEntry entry = (SideEntry) item.getData();
                boolean marked = tree.getSelectionCount() == 1 && tree.getSelection()[0] == item;
                lines.add("  " + entry.path() + " " + item.getText() + (item.getImage() != null ? " [icon]" : "")
                        + (marked ? " *" : ""));
            }
        }
        return lines;
    }
}
