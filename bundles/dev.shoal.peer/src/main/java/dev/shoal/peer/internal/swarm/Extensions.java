package dev.shoal.peer.internal.swarm;

import dev.shoal.metainfo.Metainfo;
import dev.shoal.peer.internal.extension.ExtensionPayloads;
import dev.shoal.peer.internal.extension.ExtensionRegistry;
import dev.shoal.peer.internal.metadata.MetadataServer;
import java.util.List;

/** The extensions (BEP 10) a swarm of a torrent we have speaks: ut_metadata, serving. */
final class Extensions {

    private Extensions() {
    }

    static ExtensionRegistry forSwarm(Metainfo torrent, SwarmContext context, Clock clock) {
        SwarmSettings settings = context.settings();
        int maxPayload = ExtensionPayloads.maxPayload(settings.wire().limits());
        ExtensionPayloads payloads = new ExtensionPayloads(maxPayload);
        return new ExtensionRegistry(torrent.name(), List.of(new MetadataServer(torrent.rawInfo(), payloads,
                clock::millis)), settings.wire().reserved().extensionProtocol(), context::listenPort,
                () -> context.settings().maxPeerRequests(), maxPayload, (address, reason) -> { });
    }
}
