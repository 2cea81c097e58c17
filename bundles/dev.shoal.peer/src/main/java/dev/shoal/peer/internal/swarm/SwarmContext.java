package dev.shoal.peer.internal.swarm;

import dev.shoal.peer.internal.codec.BlockPool;
import dev.shoal.peer.internal.codec.PieceFrame;
import dev.shoal.peer.internal.handler.LocalTorrent;
import dev.shoal.peer.internal.handler.PeerConnection;
import dev.shoal.peer.internal.net.AddressFamilies;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What every swarm shares, handed down by the component: the dialler, the listening port, the registry
 * of incoming torrents, the global connection, dial and rate limits, and the scheduler for timers.
 */
interface SwarmContext {

    SwarmSettings settings();

    /** The port we listen on, which extended handshakes announce. */
    int listenPort();

    /** Which IP versions peers are dialled on: candidates of another are dropped as they come. */
    AddressFamilies families();

    CompletableFuture<PeerConnection> connect(InetSocketAddress address, LocalTorrent torrent);

    void register(LocalTorrent torrent);

    void unregister(LocalTorrent torrent);

    ConnectionSlots slots();

    /** Connections of finished metadata fetches, waiting for their torrent's swarm. */
    ParkedConnections parked();

    HalfOpen halfOpen();

    /**
     * The first of {@code candidates} whose host may have another dial now (its dial slot taken), or
     * null when none may: then the connection slot the caller took for it goes back.
     */
    default InetSocketAddress nextDial(Candidates candidates, long nowMillis) {
        InetSocketAddress address = candidates.next(nowMillis,
                candidate -> halfOpen().tryAcquire(candidate.getAddress()));
        if (address == null) {
            slots().release();
        }
        return address;
    }

    /** Dials an address {@link #nextDial} gave; its dial slot goes back as the dial ends, before what follows. */
    default CompletableFuture<PeerConnection> dial(InetSocketAddress address, LocalTorrent torrent) {
        return connect(address, torrent)
                .whenComplete((connection, failure) -> halfOpen().release(address.getAddress()));
    }

    TokenBucket globalDownload();

    TokenBucket globalUpload();

    ScheduledExecutorService scheduler();

    /** Buffers for the blocks every swarm uploads ({@link PieceFrame}), shared so that idle torrents keep none. */
    BlockPool sendBuffers();
}
