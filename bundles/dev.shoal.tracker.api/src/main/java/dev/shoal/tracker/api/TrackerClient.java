package dev.shoal.tracker.api;

import dev.shoal.metainfo.InfoHash;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * One tracker protocol. Registered as a whiteboard service with the {@link #SCHEMES} property; the
 * {@link Announcer} picks the client whose schemes contain a tracker URL's scheme.
 *
 * <p>Calls never block: the answer arrives in the returned stage, which fails with a
 * {@link TrackerException}. Cancelling the stage ({@code toCompletableFuture().cancel(true)})
 * stops any retransmission still pending.
 */
@ConsumerType
public interface TrackerClient {

    /** Service property: the lower-case URL schemes this client serves (String or String[]). */
    String SCHEMES = "shoal.tracker.schemes";

    /** Announces to {@code tracker} and returns its answer. */
    CompletionStage<AnnounceResponse> announce(URI tracker, AnnounceRequest request);

    /**
     * Asks {@code tracker} for the swarm counts of each info-hash (BEP 48 for HTTP, BEP 15 for
     * UDP). Fails with {@link TrackerException.Kind#UNSUPPORTED} when the tracker has no scrape.
     */
    CompletionStage<ScrapeResponse> scrape(URI tracker, List<InfoHash> infoHashes);
}
