package dev.shoal.ui.swt.internal.command;

import dev.shoal.engine.api.Torrent;
import dev.shoal.engine.api.TorrentListener;
import dev.shoal.engine.api.TorrentState;
import dev.shoal.engine.api.TorrentStatus;
import dev.shoal.ui.swt.internal.DesktopDriver;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Hears the engine add, remove or move a torrent, so the window shows it at once even while its
 * poller rests (reads the engine seldom because nothing changed). Called on the engine's threads:
 * it only asks the poller's thread for a poll.
 */
@Component(service = TorrentListener.class)
public final class ChangeListener implements TorrentListener {

    private final DesktopDriver desktop;

    @Activate
    public ChangeListener(@Reference DesktopDriver desktop) {
        this.desktop = desktop;
    }

    @Override
    public void added(Torrent torrent) {
        desktop.changed();
    }

    @Override
    public void stateChanged(Torrent torrent, TorrentState previous, TorrentStatus status) {
        desktop.changed();
    }

    @Override
    public void removed(Torrent torrent) {
        desktop.changed();
    }
}
