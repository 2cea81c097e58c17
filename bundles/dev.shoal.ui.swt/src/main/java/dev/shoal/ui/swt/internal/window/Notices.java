package dev.shoal.ui.swt.internal.window;

import java.util.Optional;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.ToolTip;

/**
 * What the window tells the user unasked: a download finished or a torrent failed. A balloon from the
 * tray, or a tooltip on the window where there is no tray. Display thread only.
 */
public final class Notices {

    private final Shell shell;
    private final Optional<TrayIcon> tray;
    private String last = "";
    private ToolTip shellNotice;

    Notices(Shell shell, Optional<TrayIcon> tray) {
        this.shell = shell;
        this.tray = tray;
    }

    /** A download finished. */
    public void completed(String name) {
        show("Download complete", name, SWT.ICON_INFORMATION);
    }

    /** A torrent stopped on a failure: said the same way, with why. */
    public void failed(String name, String why) {
        show("Torrent failed", name + ": " + why, SWT.ICON_ERROR);
    }

    /** The last notice shown, title and message, for the driver's {@code ui:state}; empty before any. */
    String last() {
        return last;
    }

    private void show(String title, String message, int icon) {
        last = title + ": " + message;
        if (tray.isPresent()) {
            tray.get().balloon(shell, title, message);
            return;
        }
        if (shellNotice != null && !shellNotice.isDisposed()) {
            shellNotice.dispose();
        }
        shellNotice = new ToolTip(shell, SWT.BALLOON | icon);
        shellNotice.setText(title);
        shellNotice.setMessage(message);
        shellNotice.setAutoHide(true);
        Rectangle bounds = shell.getBounds();
        shellNotice.setLocation(bounds.x + bounds.width - 40, bounds.y + bounds.height - 40);
        shellNotice.setVisible(true);
    }
}
