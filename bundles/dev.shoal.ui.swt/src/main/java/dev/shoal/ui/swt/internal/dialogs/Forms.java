package dev.shoal.ui.swt.internal.dialogs;

import dev.shoal.ui.swt.internal.window.ShellTitles;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The small parts every dialog is made of. A field always follows its Label, so the test driver
 * (and a screen reader's idea of a form) finds the field by the label's text.
 */
final class Forms {

    private static final Logger LOG = LoggerFactory.getLogger(Forms.class);

    private Forms() {
    }

    /**
     * A dialog shell over {@code parent}, laid out in {@code columns} columns. Dialogs do not run
     * their own event loop: they open and return, and act on their buttons' events.
     */
    static Shell dialog(Shell parent, String title, int columns, int modality) {
        Shell shell = new Shell(parent, SWT.DIALOG_TRIM | SWT.RESIZE | modality);
        ShellTitles.set(shell, title);
        GridLayout layout = new GridLayout(columns, false);
        layout.marginWidth = 10;
        layout.marginHeight = 10;
        layout.verticalSpacing = 6;
        shell.setLayout(layout);
        return shell;
    }

    /** Sizes the shell to its content (at least {@code minWidth} wide), centres it on its parent and shows it. */
    static void show(Shell shell, int minWidth) {
        shell.pack();
        var size = shell.getSize();
        shell.setSize(Math.max(size.x, minWidth), size.y);
        Shell parent = (Shell) shell.getParent();
        if (parent != null && !parent.isDisposed() && parent.isVisible()) {
            var outer = parent.getBounds();
            shell.setLocation(outer.x + Math.max(0, (outer.width - shell.getSize().x) / 2),
                    outer.y + Math.max(0, (outer.height - shell.getSize().y) / 3));
        }
        shell.open();
    }

    static Label label(Composite parent, String text) {
        Label label = new Label(parent, SWT.NONE);
        label.setText(text);
        return label;
    }

    /** A label spanning {@code span} columns and growing with the dialog, for values and messages. */
    static Label value(Composite parent, String text, int span) {
        Label label = new Label(parent, SWT.WRAP);
        label.setText(text);
        label.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, span, 1));
        return label;
    }

    static Text text(Composite parent, String initial, int style, int span) {
        Text text = new Text(parent, SWT.BORDER | style);
        text.setText(initial);
        GridData data = new GridData(SWT.FILL, SWT.CENTER, true, false, span, 1);
        data.widthHint = 320;
        text.setLayoutData(data);
        return text;
    }

    static Button button(Composite parent, String text, Runnable onSelect) {
        Button button = new Button(parent, SWT.PUSH);
        button.setText(text);
        button.addListener(SWT.Selection, event -> onSelect.run());
        return button;
    }

    static Button check(Composite parent, String text, boolean on, int span) {
        Button check = new Button(parent, SWT.CHECK);
        check.setText(text);
        check.setSelection(on);
        check.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, span, 1));
        return check;
    }

    /** A row of buttons at the right end of the dialog, spanning all its columns. */
    static Composite buttonRow(Shell shell, int columns, int buttons) {
        Composite row = new Composite(shell, SWT.NONE);
        GridLayout layout = new GridLayout(buttons, true);
        layout.marginWidth = 0;
        row.setLayout(layout);
        row.setLayoutData(new GridData(SWT.END, SWT.CENTER, true, false, columns, 1));
        return row;
    }

    /**
     * What a dialog does with the add flow's answer: closes when added, else enables {@code button}
     * again and shows the reason.
     */
    static java.util.function.Consumer<String> closeOrTell(Shell shell, Button button) {
        return problem -> {
            if (shell.isDisposed()) {
                return;
            }
            if (problem.isEmpty()) {
                shell.close();
            } else {
                button.setEnabled(true);
                Notice.error(shell, problem);
            }
        };
    }

    /** Runs {@code task} on the display thread later, unless the display is gone (the window closed). */
    static void later(Display display, Runnable task) {
        if (!display.isDisposed()) {
            try {
                display.asyncExec(task);
            } catch (org.eclipse.swt.SWTException disposedMeanwhile) {
                LOG.debug("display disposed before a dialog's result came back");
            }
        }
    }

    /** Runs {@code task} on the work executor; false when it has stopped taking work (the UI is closing). */
    static boolean work(Executor work, Runnable task) {
        try {
            work.execute(task);
            return true;
        } catch (RejectedExecutionException e) {
            LOG.debug("the UI's work executor is shut down; {} not run", task);
            return false;
        }
    }
}
