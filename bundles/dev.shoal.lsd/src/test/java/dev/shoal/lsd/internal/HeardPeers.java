package dev.shoal.lsd.internal;

import dev.shoal.engine.api.PeerSink;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A sink that queues each peer it is handed, for a torrent that always wants more. */
final class HeardPeers implements PeerSink {

    final BlockingQueue<InetSocketAddress> peers = new LinkedBlockingQueue<>();

    @Override
    public void found(Collection<InetSocketAddress> found) {
        peers.addAll(found);
    }

    @Override
    public int peersWanted() {
        return 1;
    }

    InetSocketAddress next(Duration wait) throws InterruptedException {
        return peers.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    }
}
