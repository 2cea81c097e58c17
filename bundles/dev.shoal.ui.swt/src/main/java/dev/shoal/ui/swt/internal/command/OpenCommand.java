package dev.shoal.ui.swt.internal.command;

import dev.shoal.ui.swt.internal.DesktopDriver;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code shoal:open}: the desktop's add flow for a file, URL or magnet link, window raised; alone,
 * the window raised. The boot sends it when {@code ./shoal [X.torrent]} finds Shoal already running.
 */
@Component(service = OpenCommand.class, property = {"osgi.command.scope=shoal", "osgi.command.function=open"})
public final class OpenCommand {

    private final DesktopDriver desktop;

    @Activate
    public OpenCommand(@Reference DesktopDriver desktop) {
        this.desktop = desktop;
    }

    /** With nothing to open it only brings the window up: what a second {@code ./shoal} alone asks. */
    public String open(String... args) {
        if (args.length > 1 || (args.length == 1 && args[0].isBlank())) {
            throw new IllegalArgumentException("usage: shoal:open [file|http(s) URL|magnet link]");
        }
        if (args.length == 0) {
            desktop.raise();
            return "showing the desktop";
        }
        desktop.open(args[0]);
        return "opening " + args[0] + " in the desktop";
    }
}
