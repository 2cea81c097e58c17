package dev.shoal.ui.swt.internal.window;

import java.util.function.Consumer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

/** Above the table: the sidebar's show/hide toggle and the name filter (the states are in the sidebar). */
final class FilterBar {

    private final Composite bar;
    private final Button sidebar;
    private final Text text;

    FilterBar(Composite parent, Consumer<String> changed, Consumer<Boolean> sidebarShown) {
        bar = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(3, false);
        layout.marginHeight = 2;
        bar.setLayout(layout);
        sidebar = new Button(bar, SWT.TOGGLE);
        sidebar.setText("Sidebar");
        sidebar.setToolTipText("Show or hide the sidebar of states, trackers and labels");
        sidebar.setSelection(true);
        sidebar.addListener(SWT.Selection, e -> sidebarShown.accept(sidebar.getSelection()));
        Label label = new Label(bar, SWT.NONE);
        label.setText("Name:");
        label.setLayoutData(new GridData(SWT.END, SWT.CENTER, true, false));
        text = new Text(bar, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL);
        text.setMessage("filter by name");
        GridData data = new GridData(SWT.FILL, SWT.CENTER, false, false);
        data.widthHint = 220;
        text.setLayoutData(data);
        text.addListener(SWT.Modify, e -> changed.accept(text.getText()));
    }

    Composite control() {
        return bar;
    }

    String text() {
        return text.getText();
    }

    /** Sets the name filter as the user would (the table is told through Modify when it changed). */
    void text(String newText) {
        if (!text.getText().equals(newText)) {
            text.setText(newText);
        }
    }

    /** Keys the name filter (a Filter menu item or accelerator). */
    void focus() {
        text.setFocus();
        text.selectAll();
    }

    boolean focused() {
        return text.isFocusControl();
    }

    /** The toggle follows the sidebar when something else shows or hides it (the View menu). */
    void sidebarShown(boolean shown) {
        if (sidebar.getSelection() != shown) {
            sidebar.setSelection(shown);
        }
    }
}
