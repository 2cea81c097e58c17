package dev.shoal.ui.swt.internal.window;

import dev.shoal.engine.api.EngineTotals;
import dev.shoal.support.text.Rates;
import java.util.Optional;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.ToolTip;
import org.eclipse.swt.widgets.Tray;
import org.eclipse.swt.widgets.TrayItem;

/** The tray icon: rates in its tooltip, a click shows the window, its menu is {@link MenuBar#trayMenu}. */
final class TrayIcon {

    private final TrayItem item;
    private final Menu menu;
    private ToolTip balloon;
    private String tooltip = "";

    private TrayIcon(TrayItem item, Menu menu) {
        this.item = item;
        this.menu = menu;
    }

    /** The icon, when the desktop has a system tray. */
    static Optional<TrayIcon> create(Shell shell, Image image, Runnable show, Actions actions) {
        Tray tray = shell.getDisplay().getSystemTray();
        if (tray == null) {
            return Optional.empty();
        }
        TrayItem item = new TrayItem(tray, SWT.NONE);
        item.setImage(image);
        Menu menu = MenuBar.trayMenu(shell, actions);
        item.addListener(SWT.Selection, e -> show.run());
        item.addListener(SWT.MenuDetect, e -> menu.setVisible(true));
        TrayIcon icon = new TrayIcon(item, menu);
        icon.rates(new EngineTotals(0, 0, 0, 0, 0, 0, 0));
        return Optional.of(icon);
    }

    void rates(EngineTotals totals) {
        String text = "Shoal — ↓ " + Rates.of(totals.downloadRate()) + " ↑ " + Rates.of(totals.uploadRate());
        if (!text.equals(tooltip)) {
            tooltip = text;
            item.setToolTipText(text);
        }
    }

    /** The icon's menu, for the driver ({@code ui:tray}). */
    Menu menu() {
        return menu;
    }

    String tooltip() {
        return tooltip;
    }

    /** A balloon from the icon; the last one goes first, so they never pile up. */
    void balloon(Shell shell, String title, String message) {
        if (balloon != null && !balloon.isDisposed()) {
            balloon.dispose();
        }
        balloon = new ToolTip(shell, SWT.BALLOON | SWT.ICON_INFORMATION);
        balloon.setText(title);
        balloon.setMessage(message);
        balloon.setAutoHide(true);
        item.setToolTip(balloon);
        balloon.setVisible(true);
    }

    void dispose() {
        if (balloon != null && !balloon.isDisposed()) {
            balloon.dispose();
        }
        menu.dispose();
        item.dispose();
    }
}
