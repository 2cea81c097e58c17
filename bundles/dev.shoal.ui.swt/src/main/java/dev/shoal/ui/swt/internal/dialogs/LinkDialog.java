package dev.shoal.ui.swt.internal.dialogs;

import java.util.function.Consumer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/** "Add link": one field for an http(s) URL or a magnet link. */
final class LinkDialog {

    static final String TITLE = "Add link";

    private LinkDialog() {
    }

    /** Shows the dialog and returns; {@code chosen} gets the link when "Add" is pressed. */
    static Shell open(Shell parent, String initial, Consumer<String> chosen) {
        Shell shell = Forms.dialog(parent, TITLE, 2, SWT.PRIMARY_MODAL);
        Forms.label(shell, "Link");
        Text link = Forms.text(shell, initial, SWT.SINGLE, 1);
        link.setMessage("https://… or magnet:?…");
        Composite row = Forms.buttonRow(shell, 2, 2);
        Button add = Forms.button(row, "Add", () -> {
            String text = link.getText().strip();
            if (!text.isEmpty()) {
                shell.close();
                chosen.accept(text);
            }
        });
        Forms.button(row, "Cancel", shell::close);
        shell.setDefaultButton(add);
        Forms.show(shell, 480);
        link.setFocus();
        link.selectAll();
        return shell;
    }
}
