package dev.shoal.rpc.internal;

import dev.shoal.engine.api.Torrent;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The queue positions of one request's torrents, read from one pass over the engine's list, which
 * is in queue order: asking each torrent its {@link Torrent#queuePosition()} scans the queue each
 * time, quadratic for a request over many torrents. Built when first asked, so requests that do
 * not ask for the position pay nothing.
 */
final class QueueOrder {

    private final List<Torrent> inOrder;
    private Map<Torrent, Integer> positions;

    /** @param inOrder the engine's torrents, as {@code Engine.torrents()} gives them */
    QueueOrder(List<Torrent> inOrder) {
        this.inOrder = inOrder;
    }

    /** Its place in the queue, from 1; asked of the torrent itself if it came after the list was taken. */
    int position(Torrent torrent) {
        if (positions == null) {
            positions = new IdentityHashMap<>(inOrder.size() * 2);
            for (int i = 0; i < inOrder.size(); i++) {
                positions.putIfAbsent(inOrder.get(i), i + 1);
            }
        }
        Integer position = positions.get(torrent);
        return position == null ? torrent.queuePosition() : position;
    }
}
