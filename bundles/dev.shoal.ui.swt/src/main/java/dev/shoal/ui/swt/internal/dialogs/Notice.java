package dev.shoal.ui.swt.internal.dialogs;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;

/**
 * A one-line message with an "OK" button, titled "Error". Not the platform's MessageBox: that runs
 * a nested event loop until it is answered, which the test driver can neither see nor close and
 * which holds the event that opened it; this one is an ordinary shell.
 */
public final class Notice {

    public static final String TITLE = "Error";

    private Notice() {
    }

    public static Shell error(Shell parent, String message) {
        Shell shell = Forms.dialog(parent, TITLE, 1, SWT.PRIMARY_MODAL);
        Label text = Forms.value(shell, message, 1);
        ((GridData) text.getLayoutData()).widthHint = 420;
        Composite row = Forms.buttonRow(shell, 1, 1);
        Button ok = Forms.button(row, "OK", shell::close);
        shell.setDefaultButton(ok);
        Forms.show(shell, 360);
        return shell;
    }
}
