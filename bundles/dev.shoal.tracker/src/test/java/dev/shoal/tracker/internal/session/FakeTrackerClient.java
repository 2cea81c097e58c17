package dev.shoal.tracker.internal.session;

import dev.shoal.metainfo.InfoHash;
import dev.shoal.tracker.api.AnnounceRequest;
import dev.shoal.tracker.api.AnnounceResponse;
import dev.shoal.tracker.api.ScrapeResponse;
import dev.shoal.tracker.api.TrackerClient;
import dev.shoal.tracker.api.TrackerException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/** A tracker client whose answers the test sets per URL; it records every request. */
final class FakeTrackerClient implements TrackerClient {

    record Call(String url, AnnounceRequest request, CompletableFuture<AnnounceResponse> answer) {
    }

    private final Map<String, Supplier<CompletableFuture<AnnounceResponse>>> behaviour = new HashMap<>();
    final List<Call> calls = new ArrayList<>();

    void answers(String url, AnnounceResponse response) {
        behaviour.put(url, () -> CompletableFuture.completedFuture(response));
    }

    void fails(String url, String reason) {
        behaviour.put(url, () -> CompletableFuture.failedFuture(
                new TrackerException(TrackerException.Kind.NETWORK, reason)));
    }

    /** Never answers: the session has to give up on its own. */
    void hangs(String url) {
        behaviour.put(url, CompletableFuture::new);
    }

    List<String> urls() {
        return calls.stream().map(Call::url).toList();
    }

    @Override
    public CompletionStage<AnnounceResponse> announce(URI tracker, AnnounceRequest request) {
        CompletableFuture<AnnounceResponse> answer = behaviour.getOrDefault(tracker.toString(),
                () -> CompletableFuture.failedFuture(new TrackerException(TrackerException.Kind.NETWORK, "unknown")))
                .get();
        calls.add(new Call(tracker.toString(), request, answer));
        return answer;
    }

    @Override
    public CompletionStage<ScrapeResponse> scrape(URI tracker, List<InfoHash> infoHashes) {
        return CompletableFuture.failedFuture(new TrackerException(TrackerException.Kind.UNSUPPORTED, "no scrape"));
    }
}
