package dev.shoal.peer.internal.swarm;

import dev.shoal.metainfo.Metainfo;
import dev.shoal.peer.internal.extension.ExtensionHandler;
import dev.shoal.peer.internal.extension.ExtensionPayloads;
import dev.shoal.peer.internal.extension.ExtensionRegistry;
import dev.shoal.peer.internal.metadata.MetadataServer;
import dev.shoal.peer.internal.pex.PexHandler;
import dev.shoal.peer.internal.pex.PexPeer;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/**
 * The extensions (BEP 10) a swarm of a torrent we have speaks: ut_metadata, serving, and ut_pex
 * unless the torrent is private (BEP 27: its peers come from its trackers only, so we neither send
 * nor take PEX; not naming it in {@code m} makes a peer's ut_pex message an id we never gave).
 */
final class Extensions {

    private final ExtensionRegistry registry;
    /** Null for a private torrent. */
    private final PexHandler pex;

    Extensions(Metainfo torrent, SwarmContext context, Clock clock, Consumer<List<InetSocketAddress>> learned) {
        SwarmSettings settings = context.settings();
        int maxPayload = ExtensionPayloads.maxPayload(settings.wire().limits());
        ExtensionPayloads payloads = new ExtensionPayloads(maxPayload);
        List<ExtensionHandler> handlers = new ArrayList<>();
        handlers.add(new MetadataServer(torrent.rawInfo(), payloads, clock::millis));
        this.pex = torrent.isPrivate() ? null
                : new PexHandler(torrent.name(), payloads, clock::millis, context::listenPort, learned);
        if (pex != null) {
            handlers.add(pex);
        }
        this.registry = new ExtensionRegistry(torrent.name(), handlers, settings.wire().reserved().extensionProtocol(),
                context::listenPort, () -> context.settings().maxPeerRequests(), maxPayload, (address, reason) -> { });
    }

    ExtensionRegistry registry() {
        return registry;
    }

    /** Once a second: PEX messages to the peers due one. */
    void tick(Collection<PeerState> peers, int pieceCount) {
        if (pex != null) {
            pex.tick(() -> listenAddresses(peers, pieceCount));
        }
    }

    /**
     * Where our peers listen: the address we dialled, or for one that dialled us its IP and the port
     * its extended handshake names (without one we do not know it, and it is left out).
     */
    private List<PexPeer> listenAddresses(Collection<PeerState> peers, int pieceCount) {
        List<PexPeer> out = new ArrayList<>(peers.size());
        for (PeerState peer : peers) {
            int flags = peer.isSeed(pieceCount) ? PexPeer.SEED : 0;
            if (peer.connection.outgoing()) {
                out.add(new PexPeer(peer.address, flags | PexPeer.CONNECTABLE));
                continue;
            }
            int port = registry.handshake(peer.connection).listenPort();
            if (port > 0) {
                out.add(new PexPeer(new InetSocketAddress(peer.address.getAddress(), port), flags));
            }
        }
        return out;
    }
}
