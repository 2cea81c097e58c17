package dev.shoal.rpc.internal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shoal.engine.api.Engine;
import dev.shoal.engine.api.Torrent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Where torrents' files are: {@code torrent-set-location} (moving the data, or looking for it at the new
 * place), {@code torrent-rename-path}, and {@code torrent-reannounce}. A move or rename is waited for a
 * while, so that a client hears why one failed; one still under way then goes on and the reply is success,
 * as Transmission answers before its moves are done.
 */
final class TorrentPlaces {

    /** How long a reply waits for a move or rename; a longer move (a copy across disks) goes on after. */
    private static final long WAIT_SECONDS = 20;

    /** An engine call that may refuse what it is given with an unchecked exception. */
    interface EngineCall {
        void run();
    }

    private final Engine engine;

    TorrentPlaces(Engine engine) {
        this.engine = engine;
    }

    Map<String, RpcMethod> methods() {
        return Map.of(
                "torrent-set-location", this::setLocation,
                "torrent-rename-path", this::renamePath,
                "torrent-reannounce", (arguments, snake) -> {
                    Selection.of(engine, arguments).forEach(Torrent::reannounce);
                    return JsonNodeFactory.instance.objectNode();
                });
    }

    /** The absolute folder {@code location} names, if given (required for {@code torrent-set-location}). */
    static Optional<Path> location(Arguments arguments, boolean required) throws RpcException {
        Optional<Path> location = arguments.folder("location");
        if (location.isEmpty() && required) {
            throw new RpcException("torrent-set-location needs 'location', a folder");
        }
        return location;
    }

    /** Runs {@code call}, turning the engine's refusal of a value into a one-line error. */
    static void engineCall(EngineCall call) throws RpcException {
        try {
            call.run();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new RpcException(e.getMessage());
        }
    }

    private ObjectNode setLocation(Arguments arguments, boolean snake) throws RpcException {
        Path location = location(arguments, true).orElseThrow();
        boolean move = arguments.bool("move").orElse(false);
        List<Torrent> torrents = Selection.of(engine, arguments);
        List<CompletionStage<Void>> moves = new ArrayList<>();
        for (Torrent torrent : torrents) {
            moves.add(torrent.moveTo(location, move));
        }
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < moves.size(); i++) {
            waitFor(moves.get(i)).ifPresent(failures::add);
        }
        if (!failures.isEmpty()) {
            throw new RpcException(String.join("; ", failures));
        }
        return JsonNodeFactory.instance.objectNode();
    }

    private ObjectNode renamePath(Arguments arguments, boolean snake) throws RpcException {
        List<Torrent> torrents = Selection.of(engine, arguments);
        if (torrents.size() != 1) {
            throw new RpcException("torrent-rename-path renames in exactly one torrent, not " + torrents.size());
        }
        String path = arguments.string("path")
                .orElseThrow(() -> new RpcException("torrent-rename-path needs 'path', a file or folder of the torrent"));
        String name = arguments.string("name")
                .orElseThrow(() -> new RpcException("torrent-rename-path needs 'name', the new name"));
        Torrent torrent = torrents.get(0);
        Optional<String> failure = waitFor(torrent.rename(path, name));
        if (failure.isPresent()) {
            throw new RpcException(failure.get());
        }
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        answer.put("path", path);
        answer.put("name", name);
        answer.put("id", torrent.id());
        return answer;
    }

    /** Why {@code stage} failed, if it did within the wait; a stage still running is let go. */
    private static Optional<String> waitFor(CompletionStage<Void> stage) throws RpcException {
        CompletableFuture<Void> future = stage.toCompletableFuture();
        try {
            future.get(WAIT_SECONDS, TimeUnit.SECONDS);
            return Optional.empty();
        } catch (ExecutionException e) {
            return Optional.of(String.valueOf(e.getCause().getMessage()));
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RpcException("interrupted while waiting for the move");
        }
    }
}
