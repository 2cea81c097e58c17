package dev.shoal.ui.swt.internal.window;

import dev.shoal.ui.swt.internal.model.Scope;
import dev.shoal.ui.swt.internal.model.Sidebar;
import dev.shoal.ui.swt.internal.model.StateFilter;
import dev.shoal.ui.swt.internal.model.ViewState;
import dev.shoal.ui.swt.internal.stateicons.StateIcons;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;

/**
 * The Torrents tab's frame: the filter bar on top, then the sidebar beside a split that holds the
 * table over the details (the caller fills {@link #split()}). The sidebar collapses and comes back
 * with the filter bar's toggle or {@link #showSidebar} (the View menu's hook). Display thread only.
 */
public final class Sides {

    private final SashForm sides;
    private final SashForm split;
    private final SidePane pane;
    private final FilterBar bar;
    private final Consumer<UnaryOperator<ViewState>> change;

    Sides(Composite parent, StateIcons icons, Consumer<UnaryOperator<ViewState>> change) {
        this.change = change;
        bar = new FilterBar(parent, text -> change.accept(view -> view.withFilter(view.filter(), text)),
                this::showSidebar);
        bar.control().setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        sides = new SashForm(parent, SWT.HORIZONTAL | SWT.SMOOTH);
        sides.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        pane = new SidePane(sides, icons, (filter, scope) -> change.accept(view -> view.withSide(filter, scope)));
        split = new SashForm(sides, SWT.VERTICAL | SWT.SMOOTH);
    }

    /** Where the table and the details go, one above the other. */
    SashForm split() {
        return split;
    }

    SashForm sides() {
        return sides;
    }

    void apply(Sidebar sidebar) {
        pane.apply(sidebar);
    }

    /** Shows or collapses the sidebar (the table then takes the whole width). */
    public void showSidebar(boolean shown) {
        if (shown != sidebarShown()) {
            sides.setMaximizedControl(shown ? null : split);
        }
        bar.sidebarShown(shown);
    }

    public boolean sidebarShown() {
        return sides.getMaximizedControl() == null;
    }

    /** Puts the caret in the name filter (an Edit or View menu's Filter item). */
    public void focusFilter() {
        bar.focus();
    }

    public boolean filterFocused() {
        return bar.focused();
    }

    /** A state and a name, as {@code ui:filter} sets them: the sidebar marks the state, the tracker or label scope goes. */
    void filter(StateFilter filter, String text) {
        pane.select(filter, Scope.ANY);
        change.accept(view -> view.withSide(filter, Scope.ANY).withFilter(filter, text));
        bar.text(text);
    }

    /** Marks the sidebar line of {@code view} (the view restored at start). */
    void shows(ViewState view) {
        pane.select(view.filter(), view.scope());
    }

    /** The sidebar's lines ({@code ui:sidebar}). */
    public List<String> lines() {
        return pane.lines();
    }

    /** Chooses a sidebar entry by its path, as a click does ({@code ui:sidebar <path>}). */
    public void choose(String path) {
        pane.choose(path);
    }
}
