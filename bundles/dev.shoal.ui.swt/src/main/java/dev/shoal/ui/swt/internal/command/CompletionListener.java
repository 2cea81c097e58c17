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
 * Hears the engine say a download completed (downloading, then seeding or finished) or a torrent
 * failed (into the error state) and has the desktop notify. A whiteboard listener: the engine calls it on its own threads, so it only posts.
 */
@Component(service = TorrentListener.class)
public final class CompletionListener implements TorrentListener {

    private final DesktopDriver desktop;

    @Activate
    public CompletionListener(@Reference DesktopDriver desktop) {
        this.desktop = desktop;
    }

    @Override
    public void stateChanged(Torrent torrent, TorrentState previous, TorrentStatus status) {
        if (completed(previous, status.state())) {
            desktop.completed(status.name());
        } else if (failed(previous, status.state())) {
            desktop.failed(status.name(), status.error().orElse("failed"));
        }
    }

    static boolean failed(TorrentState previous, TorrentState now) {
        return previous != TorrentState.ERROR && now == TorrentState.ERROR;
    }

    static boolean completed(TorrentState previous, TorrentState now) {
        return previous == TorrentState.DOWNLOADING && (now == TorrentState.SEEDING || now == TorrentState.FINISHED);
    }
}
