package dev.shoal.rpc.internal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shoal.engine.api.Engine;
import dev.shoal.engine.api.QueueMove;
import dev.shoal.engine.api.Torrent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The methods that act on the torrents {@code ids} names and answer nothing but success: start,
 * stop, verify, remove, and the queue moves.
 */
final class TorrentActions {

    /** How long a remove may take to tell the trackers and close (and delete) the files before the reply. */
    private static final long REMOVE_SECONDS = 60;

    private final Engine engine;

    TorrentActions(Engine engine) {
        this.engine = engine;
    }

    /** Every method here, under its historic name. */
    Map<String, RpcMethod> methods() {
        return Map.of(
                "torrent-start", each(Torrent::resume),
                // Shoal has no start that bypasses the queue: the torrent goes to its head, and starts
                // at once when a slot is free (else as the first to get one).
                "torrent-start-now", each(t -> {
                    t.moveInQueue(QueueMove.TOP);
                    t.resume();
                }),
                "torrent-stop", each(Torrent::pause),
                "torrent-verify", each(Torrent::recheck),
                "torrent-remove", this::remove,
                "queue-move-top", each(t -> t.moveInQueue(QueueMove.TOP)),
                "queue-move-up", each(t -> t.moveInQueue(QueueMove.UP)),
                "queue-move-down", each(t -> t.moveInQueue(QueueMove.DOWN)),
                "queue-move-bottom", each(t -> t.moveInQueue(QueueMove.BOTTOM)));
    }

    private RpcMethod each(Consumer<Torrent> action) {
        return (arguments, snake) -> {
            Selection.of(engine, arguments).forEach(action);
            return JsonNodeFactory.instance.objectNode();
        };
    }

    private ObjectNode remove(Arguments arguments, boolean snake) throws RpcException {
        boolean deleteData = arguments.bool("delete-local-data").orElse(false);
        List<Torrent> torrents = Selection.of(engine, arguments);
        List<CompletableFuture<Void>> removals = new ArrayList<>();
        for (Torrent torrent : torrents) {
            removals.add(torrent.remove(deleteData).toCompletableFuture());
        }
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < removals.size(); i++) {
            try {
                removals.get(i).get(REMOVE_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                failures.add(torrents.get(i).id() + ": " + e.getCause().getMessage());
            } catch (TimeoutException e) {
                failures.add(torrents.get(i).id() + ": still being removed after " + REMOVE_SECONDS + " s");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RpcException("interrupted while removing");
            }
        }
        if (!failures.isEmpty()) {
            throw new RpcException("removed, but: " + String.join("; ", failures));
        }
        return JsonNodeFactory.instance.objectNode();
    }
}
