package dev.shoal.test.support;

import java.time.Duration;
import java.util.function.Predicate;

/**
 * A real BitTorrent client in a test swarm, whichever it is ({@link LibtorrentPeer},
 * {@link TransmissionPeer}, {@link Aria2Peer}): enough to dial it, wait for it and stop it, so one
 * test can run against each of them. Every wait is bounded and fails with the client's log tail.
 *
 * @param <S> the client's own status, with more than the counters all clients share
 */
public interface RealPeer<S extends RealPeer.Status> extends AutoCloseable {

    /** What every client reports: payload counters of this run, and whether it has everything. */
    interface Status {
        long uploaded();

        long downloaded();

        /** Every byte of the torrent is there and checked. */
        boolean complete();
    }

    /** The peer port on 127.0.0.1. */
    int port();

    /** The client's status now (or the last one seen, once it has exited). */
    S status();

    /** Waits until {@code goal} holds; a fatal error of the client fails at once. */
    void await(String what, Duration timeout, Predicate<? super S> goal);

    /** Waits until every byte of the torrent is there, checked and on disk. */
    default void awaitComplete(Duration timeout) {
        await("complete download", timeout, Status::complete);
    }

    /** Waits until at least {@code bytes} of payload went up. */
    default void awaitUploaded(long bytes, Duration timeout) {
        await(bytes + " bytes uploaded", timeout, status -> status.uploaded() >= bytes);
    }

    default long uploadedBytes() {
        return status().uploaded();
    }

    default long downloadedBytes() {
        return status().downloaded();
    }

    /** The last lines the client printed, for a failure message of the test's own. */
    String logTail();

    /** Kills the client (with its children) and deletes its own files; the torrent's data stays. */
    @Override
    void close();
}
