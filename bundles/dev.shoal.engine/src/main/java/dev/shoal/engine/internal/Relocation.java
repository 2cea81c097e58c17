package dev.shoal.engine.internal;

import dev.shoal.engine.api.EngineException;
import dev.shoal.storage.api.StorageException;
import dev.shoal.storage.api.StorageService;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moving a torrent's files to another folder, or to other names: its run is stopped first (a running
 * torrent waits in the queue meanwhile), the files are moved on the closer once the run's files are
 * closed, and only then is the new place kept. No run opens until that is done ({@link Runs#holdUntil}),
 * so the storage never has the files open while they move. A failure keeps the old place, where the
 * storage left the data. One move at a time per torrent. Engine thread.
 */
final class Relocation {

    private static final Logger LOG = LoggerFactory.getLogger(Relocation.class);

    private final String name;
    private final Placement placement;
    private final Runs runs;
    private final EngineContext context;
    private boolean underWay;

    Relocation(String name, Placement placement, Runs runs, EngineContext context) {
        this.name = name;
        this.placement = placement;
        this.runs = runs;
        this.context = context;
    }

    /**
     * @param stop  stops the torrent's run; false when it cannot stop now (a check it must finish)
     * @param after runs on the engine thread once the move is over, either way
     */
    void start(Placement.Now target, boolean moveData, BooleanSupplier stop, Runnable after,
            CompletableFuture<Void> done) {
        if (underWay) {
            done.completeExceptionally(new EngineException("a move of " + name + " is under way already"));
            return;
        }
        if (!stop.getAsBoolean()) {
            done.completeExceptionally(new EngineException(name + " is being checked: move it once the check is done"));
            return;
        }
        underWay = true;
        Placement.Now from = placement.now();
        CompletableFuture<Void> applied = new CompletableFuture<>();
        CompletableFuture<Void> moved = runs.closed().exceptionally(failure -> null)
                .thenRunAsync(() -> moveFiles(from, target, moveData), context.closer());
        runs.holdUntil(applied);
        moved.whenComplete((ignored, failure) -> context.thread().execute(() -> {
            underWay = false;
            if (failure == null) {
                placement.set(target);
                LOG.info("{}: {} {}", name, moveData ? "its files are now in" : "its files are looked for in",
                        target.directory().resolve(target.layout().files().get(0).relativePath()));
            }
            applied.complete(null);
            after.run();
            if (failure == null) {
                done.complete(null);
            } else {
                done.completeExceptionally(failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure);
            }
        }));
    }

    private void moveFiles(Placement.Now from, Placement.Now to, boolean moveData) {
        if (!moveData) {
            return;
        }
        try {
            StorageService storage = context.services().storage.get()
                    .orElseThrow(() -> new StorageException(StorageException.Kind.IO, "no storage service is running"));
            storage.move(from.layout(), from.directory(), to.layout(), to.directory());
        } catch (StorageException e) {
            LOG.warn("{}: moving its files: {}", name, e.getMessage());
            throw new CompletionException(new EngineException("cannot move " + name + ": " + e.getMessage(), e));
        }
    }
}
