package dev.shoal.ui.swt.internal.driver;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;

/**
 * Finds shells, buttons and fields as a person names them (title, button text, the label before a
 * field), for the {@code ui:} driver. Display thread only. Native dialogs (MessageBox, FileDialog)
 * are not SWT shells and cannot be reached.
 */
final class ShellDriver {

    private ShellDriver() {
    }

    /** Titles of the visible shells, the main window first. */
    static List<String> titles(Display display, Shell main) {
        List<String> titles = new ArrayList<>();
        titles.add(main.getText());
        for (Shell shell : display.getShells()) {
            if (shell != main && !shell.isDisposed() && shell.isVisible()) {
                titles.add(shell.getText());
            }
        }
        return titles;
    }

    /** The visible shell titled {@code title}, the newest when several are. */
    static Shell shell(Display display, String title) {
        Shell found = null;
        for (Shell shell : display.getShells()) {
            if (!shell.isDisposed() && shell.isVisible() && shell.getText().equals(title)) {
                found = shell;
            }
        }
        if (found == null) {
            throw new IllegalArgumentException("no window '" + title + "' is open");
        }
        return found;
    }

    /** The task that presses {@code text} in {@code shell} (posted, for it may open or close windows). */
    static Runnable button(Shell shell, String text) {
        for (Control control : controls(shell)) {
            if (control instanceof Button button && (button.getStyle() & SWT.PUSH) != 0
                    && normal(button.getText()).equals(normal(text))) {
                if (!button.isEnabled()) {
                    throw new IllegalArgumentException("'" + text + "' in '" + shell.getText() + "' is disabled");
                }
                return () -> {
                    if (!button.isDisposed()) {
                        button.notifyListeners(SWT.Selection, new Event());
                    }
                };
            }
        }
        throw new IllegalArgumentException("no button '" + text + "' in '" + shell.getText() + "'");
    }

    /** Sets the field after the label {@code label} (or the check box with that text) to {@code value}. */
    static void field(Shell shell, String label, String value) {
        List<Control> all = controls(shell);
        for (int i = 0; i < all.size(); i++) {
            Control control = all.get(i);
            if (control instanceof Button box && (box.getStyle() & SWT.CHECK) != 0
                    && normal(box.getText()).equals(normal(label))) {
                check(box, value);
                return;
            }
            if (control instanceof Label named && normal(named.getText()).equals(normal(label))) {
                for (int j = i + 1; j < all.size(); j++) {
                    if (set(all.get(j), value)) {
                        return;
                    }
                    if (all.get(j) instanceof Label) {
                        break;
                    }
                }
                throw new IllegalArgumentException("no field after '" + label + "' in '" + shell.getText() + "'");
            }
        }
        throw new IllegalArgumentException("no field '" + label + "' in '" + shell.getText() + "'");
    }

    private static boolean set(Control control, String value) {
        if (control instanceof Text text) {
            text.setText(value); // fires Modify
            return true;
        }
        if (control instanceof Combo combo) {
            int index = combo.indexOf(value);
            if (index >= 0) {
                combo.select(index);
            } else {
                combo.setText(value);
            }
            combo.notifyListeners(SWT.Selection, new Event());
            return true;
        }
        if (control instanceof Spinner spinner) {
            try {
                spinner.setSelection(Integer.parseInt(value.strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + value + "' is no whole number");
            }
            spinner.notifyListeners(SWT.Selection, new Event());
            return true;
        }
        if (control instanceof Button box && (box.getStyle() & SWT.CHECK) != 0) {
            check(box, value);
            return true;
        }
        return false;
    }

    private static void check(Button box, String value) {
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException("a check box takes true or false, not '" + value + "'");
        }
        box.setSelection(Boolean.parseBoolean(value));
        box.notifyListeners(SWT.Selection, new Event());
    }

    /** Every control under {@code parent}, depth first in child order (the order a person reads them). */
    static List<Control> controls(Composite parent) {
        List<Control> all = new ArrayList<>();
        collect(parent, all);
        return all;
    }

    private static void collect(Composite parent, List<Control> into) {
        for (Control child : parent.getChildren()) {
            into.add(child);
            if (child instanceof Composite composite) {
                collect(composite, into);
            }
        }
    }

    /** "&Save folder:" and "save folder" name the same thing. */
    static String normal(String text) {
        String plain = text.replace("&", "").strip();
        if (plain.endsWith(":")) {
            plain = plain.substring(0, plain.length() - 1).strip();
        }
        return plain.toLowerCase(Locale.ROOT);
    }
}
