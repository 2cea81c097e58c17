package dev.shoal.ui.swt.internal.window;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.MessageBox;
import org.eclipse.swt.widgets.Shell;

/** One-line message boxes. Display thread only. */
final class Messages {

    private Messages() {
    }

    static void error(Shell shell, String title, String line) {
        if (shell.isDisposed()) {
            return;
        }
        MessageBox box = new MessageBox(shell, SWT.ICON_ERROR | SWT.OK);
        box.setText(title);
        box.setMessage(line);
        box.open();
    }
}
