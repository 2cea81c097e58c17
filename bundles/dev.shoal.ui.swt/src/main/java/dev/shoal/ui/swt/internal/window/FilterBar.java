package dev.shoal.ui.swt.internal.window;

import dev.shoal.ui.swt.internal.model.StateFilter;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.BiConsumer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

/** State buttons (All, Downloading, Seeding, Paused, Error) and a name filter above the table. */
final class FilterBar {

    private final Composite bar;
    private final Map<StateFilter, Button> buttons = new EnumMap<>(StateFilter.class);
    private final Text text;
    private final BiConsumer<StateFilter, String> changed;
    private StateFilter filter = StateFilter.ALL;

    FilterBar(Composite parent, BiConsumer<StateFilter, String> changed) {
        this.changed = changed;
        bar = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(StateFilter.values().length + 2, false);
        layout.marginHeight = 2;
        bar.setLayout(layout);
        for (StateFilter each : StateFilter.values()) {
            Button button = new Button(bar, SWT.TOGGLE);
            button.setText(each.label());
            button.setSelection(each == filter);
            button.addListener(SWT.Selection, e -> choose(each));
            buttons.put(each, button);
        }
        Label label = new Label(bar, SWT.NONE);
        label.setText("Name:");
        label.setLayoutData(new GridData(SWT.END, SWT.CENTER, true, false));
        text = new Text(bar, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL);
        text.setMessage("filter by name");
        GridData data = new GridData(SWT.FILL, SWT.CENTER, false, false);
        data.widthHint = 220;
        text.setLayoutData(data);
        text.addListener(SWT.Modify, e -> changed.accept(filter, text.getText()));
    }

    Composite control() {
        return bar;
    }

    /** Puts the cursor in the name filter, its text selected (Ctrl+F). */
    void focus() {
        text.setFocus();
        text.selectAll();
    }

    boolean focused() {
        return text.isFocusControl();
    }

    /** Sets both, as the user would, and tells the table. */
    void set(StateFilter newFilter, String newText) {
        filter = newFilter;
        buttons.forEach((each, button) -> button.setSelection(each == newFilter));
        if (!text.getText().equals(newText)) {
            text.setText(newText); // fires Modify, which tells the table
        } else {
            changed.accept(filter, newText);
        }
    }

    private void choose(StateFilter chosen) {
        // Toggle buttons acting as radio buttons: a click on the chosen one keeps it chosen.
        set(chosen, text.getText());
    }
}
