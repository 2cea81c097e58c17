package dev.shoal.engine.internal;

import dev.shoal.engine.api.Torrent;
import dev.shoal.engine.api.TorrentListener;
import dev.shoal.engine.api.TorrentState;
import dev.shoal.engine.api.TorrentStatus;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The whiteboard's {@link TorrentListener}s; one that throws is logged and the others still hear. */
final class Listeners {

    private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);

    private final List<TorrentListener> listeners = new CopyOnWriteArrayList<>();

    void add(TorrentListener listener) {
        listeners.add(listener);
    }

    void remove(TorrentListener listener) {
        listeners.remove(listener);
    }

    void added(Torrent torrent) {
        each("added", listener -> listener.added(torrent));
    }

    /** The move itself, then the two named ones plugins act on: a finished download, a failure. */
    void stateChanged(Torrent torrent, TorrentState previous, TorrentStatus status) {
        each("stateChanged", listener -> listener.stateChanged(torrent, previous, status));
        if (previous == TorrentState.DOWNLOADING
                && (status.state() == TorrentState.SEEDING || status.state() == TorrentState.FINISHED)) {
            each("completed", listener -> listener.completed(torrent, status));
        } else if (status.state() == TorrentState.ERROR) {
            each("failed", listener -> listener.failed(torrent, status));
        }
    }

    void removed(Torrent torrent) {
        each("removed", listener -> listener.removed(torrent));
    }

    private void each(String event, Consumer<TorrentListener> call) {
        for (TorrentListener listener : listeners) {
            try {
                call.accept(listener);
            } catch (RuntimeException | LinkageError e) {
                LOG.warn("torrent listener {} failed in {}", listener, event, e);
            }
        }
    }
}
