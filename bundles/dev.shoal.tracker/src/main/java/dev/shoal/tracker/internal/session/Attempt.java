package dev.shoal.tracker.internal.session;

import dev.shoal.tracker.api.AnnounceRequest;
import dev.shoal.tracker.api.AnnounceResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** One announce of a session under way: to which tracker of which round, and whether it ran out of time. */
final class Attempt {
    final TrackerEntry entry;
    final AnnounceRequest request;
    final CompletableFuture<AnnounceResponse> answer;
    /** The round's trackers and this one's place among them: a failure tries the next. */
    final List<TrackerEntry> order;
    final int index;
    boolean timedOut;

    Attempt(TrackerEntry entry, AnnounceRequest request, CompletableFuture<AnnounceResponse> answer,
            List<TrackerEntry> order, int index) {
        this.entry = entry;
        this.request = request;
        this.answer = answer;
        this.order = order;
        this.index = index;
    }
}
