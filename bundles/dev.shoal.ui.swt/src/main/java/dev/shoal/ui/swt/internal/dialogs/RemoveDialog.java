package dev.shoal.ui.swt.internal.dialogs;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

/** "Remove torrents": which ones, and whether their downloaded files go too. */
public final class RemoveDialog {

    public static final String TITLE = "Remove torrents";

    /** Names listed at most; the rest are counted. */
    private static final int LISTED = 15;

    private RemoveDialog() {
    }

    /**
     * Asks and waits for the answer, running the event loop meanwhile: empty when cancelled, else
     * whether to delete the files too. The event that called it is held until then, so prefer
     * {@link #ask(Shell, List, Consumer)} where an answer later will do.
     */
    public static Optional<Boolean> ask(Shell parent, List<String> names) {
        @SuppressWarnings("unchecked")
        Optional<Boolean>[] answer = new Optional[] {Optional.empty()};
        Shell shell = ask(parent, names, chosen -> answer[0] = chosen);
        Display display = shell.getDisplay();
        while (!shell.isDisposed()) {
            if (!display.readAndDispatch()) {
                display.sleep();
            }
        }
        return answer[0];
    }

    /**
     * Shows the dialog and returns at once; {@code answer} is told on the display thread once: empty
     * when cancelled or closed, else whether to delete the files too.
     */
    public static Shell ask(Shell parent, List<String> names, Consumer<Optional<Boolean>> answer) {
        return ask(parent, names, false, answer);
    }

    /** As {@link #ask(Shell, List, Consumer)}, "delete the files too" checked at first when {@code deleteFiles}. */
    public static Shell ask(Shell parent, List<String> names, boolean deleteFiles,
            Consumer<Optional<Boolean>> answer) {
        Shell shell = Forms.dialog(parent, TITLE, 1, SWT.PRIMARY_MODAL);
        Forms.value(shell, names.size() == 1 ? "Remove this torrent?" : "Remove these " + names.size() + " torrents?", 1);
        org.eclipse.swt.widgets.List list = new org.eclipse.swt.widgets.List(shell, SWT.BORDER | SWT.V_SCROLL);
        names.stream().limit(LISTED).forEach(list::add);
        if (names.size() > LISTED) {
            list.add("… and " + (names.size() - LISTED) + " more");
        }
        GridData listData = new GridData(SWT.FILL, SWT.FILL, true, true);
        listData.heightHint = Math.min(names.size() + 1, 8) * list.getItemHeight();
        listData.widthHint = 380;
        list.setLayoutData(listData);
        Button delete = Forms.check(shell, "Also delete the downloaded files", deleteFiles, 1);
        boolean[] told = {false};
        Consumer<Optional<Boolean>> once = chosen -> {
            if (!told[0]) {
                told[0] = true;
                answer.accept(chosen);
            }
        };
        Composite row = Forms.buttonRow(shell, 1, 2);
        Forms.button(row, "Remove", () -> {
            once.accept(Optional.of(delete.getSelection()));
            shell.close();
        });
        Button cancel = Forms.button(row, "Cancel", shell::close);
        shell.addListener(SWT.Dispose, event -> once.accept(Optional.empty()));
        // Cancel is the default: Enter must not delete by accident.
        shell.setDefaultButton(cancel);
        Forms.show(shell, 400);
        return shell;
    }
}
