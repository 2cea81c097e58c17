package dev.shoal.tracker.internal.session;

import dev.shoal.tracker.api.AnnounceRequest;
import dev.shoal.tracker.api.AnnounceResponse;
import dev.shoal.tracker.api.TrackerClient;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** A 'stopped' announce at close: best effort, bounded in time, never failing the close. */
final class Stopped {

    private Stopped() {
    }

    /** Completes when the tracker answered, failed, or {@code timeout} passed (then the request is called off). */
    static CompletableFuture<?> send(TrackerClient client, URI tracker, AnnounceRequest request, Scheduler scheduler,
            Duration timeout) {
        CompletableFuture<AnnounceResponse> answer;
        try {
            answer = client.announce(tracker, request).toCompletableFuture();
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(null);
        }
        Scheduler.Cancellable timer = scheduler.schedule(() -> answer.cancel(true), timeout);
        return answer.handle((response, failure) -> {
            timer.cancel();
            return null;
        });
    }
}
