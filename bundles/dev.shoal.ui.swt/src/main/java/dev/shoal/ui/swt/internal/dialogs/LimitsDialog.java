package dev.shoal.ui.swt.internal.dialogs;

import dev.shoal.engine.api.RateLimits;
import dev.shoal.support.text.Rates;
import java.util.function.Consumer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/**
 * Download and upload limits, of one torrent or of all together: rates as {@code shoal:limit} takes
 * them ({@code 500K}, {@code 2M}, {@code 0} or {@code none} for no limit).
 */
public final class LimitsDialog {

    public static final String TORRENT_TITLE = "Torrent limits";
    public static final String GLOBAL_TITLE = "Global limits";

    private LimitsDialog() {
    }

    /** Shows the dialog and returns; {@code chosen} gets the limits when OK is pressed with both readable. */
    public static Shell open(Shell parent, String title, String about, RateLimits current,
            Consumer<RateLimits> chosen) {
        Shell shell = Forms.dialog(parent, title, 2, SWT.PRIMARY_MODAL);
        Forms.value(shell, about, 2);
        Forms.label(shell, "Download limit:");
        Text down = Forms.text(shell, shown(current.downloadBytesPerSecond()), SWT.SINGLE, 1);
        Forms.label(shell, "Upload limit:");
        Text up = Forms.text(shell, shown(current.uploadBytesPerSecond()), SWT.SINGLE, 1);
        Forms.value(shell, "500K, 2M or 1.5MiB (K = 1024); 0 for no limit", 2);
        Composite row = Forms.buttonRow(shell, 2, 2);
        Button ok = Forms.button(row, "OK", () -> {
            RateLimits limits;
            try {
                limits = new RateLimits(Rates.parse(down.getText()), Rates.parse(up.getText()));
            } catch (IllegalArgumentException e) {
                Notice.error(shell, e.getMessage());
                return;
            }
            shell.close();
            chosen.accept(limits);
        });
        Forms.button(row, "Cancel", shell::close);
        shell.setDefaultButton(ok);
        Forms.show(shell, 360);
        down.setFocus();
        return shell;
    }

    private static String shown(long bytesPerSecond) {
        return bytesPerSecond == 0 ? "0" : bytesPerSecond % 1024 == 0 ? bytesPerSecond / 1024 + "K"
                : Long.toString(bytesPerSecond);
    }
}
