package dev.shoal.ui.swt.internal.dialogs;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;

/** "About Shoal": the version, what it is, and whose icons it shows. An SWT shell, so tests can read and close it. */
public final class AboutDialog {

    public static final String TITLE = "About Shoal";

    private AboutDialog() {
    }

    public static Shell open(Shell parent, String version, Image icon) {
        Shell shell = Forms.dialog(parent, TITLE, 2, SWT.NONE);
        Label picture = new Label(shell, SWT.NONE);
        picture.setImage(icon);
        picture.setLayoutData(new GridData(SWT.CENTER, SWT.TOP, false, false, 1, 3));
        Forms.value(shell, "Shoal " + version, 1);
        Forms.value(shell, "A BitTorrent client: OSGi bundles on Apache Felix, this window in Eclipse SWT.", 1);
        Forms.value(shell, "Toolbar and menu icons: Adwaita, by the GNOME Project (CC-BY-SA 3.0 or LGPL-3).", 1);
        Composite row = Forms.buttonRow(shell, 2, 1);
        Button close = Forms.button(row, "Close", shell::close);
        shell.setDefaultButton(close);
        Forms.show(shell, 420);
        return shell;
    }
}
