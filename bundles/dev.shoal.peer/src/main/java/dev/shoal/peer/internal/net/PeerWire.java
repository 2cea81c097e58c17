package dev.shoal.peer.internal.net;

import dev.shoal.metainfo.InfoHash;
import dev.shoal.peer.internal.handler.LocalTorrent;
import dev.shoal.peer.internal.handler.PeerConnection;
import dev.shoal.peer.internal.wire.PeerId;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;

/**
 * The peer wire as one service inside this bundle: dial peers, and answer those who dial us for
 * the torrents registered. Private to the bundle until the torrent layer shapes its API.
 */
public interface PeerWire {

    PeerId peerId();

    /** Where we listen (the actual port when configured with 0). */
    InetSocketAddress listenAddress();

    CompletableFuture<PeerConnection> connect(InetSocketAddress peer, LocalTorrent torrent);

    void register(LocalTorrent torrent);

    void unregister(InfoHash infoHash);
}
