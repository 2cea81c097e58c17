package dev.shoal.peer.internal.swarm;

import dev.shoal.peer.internal.handler.LocalTorrent;
import dev.shoal.peer.internal.handler.PeerConnection;
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

    CompletableFuture<PeerConnection> connect(InetSocketAddress address, LocalTorrent torrent);

    void register(LocalTorrent torrent);

    void unregister(LocalTorrent torrent);

    ConnectionSlots slots();

    HalfOpen halfOpen();

    TokenBucket globalDownload();

    TokenBucket globalUpload();

    ScheduledExecutorService scheduler();
}
