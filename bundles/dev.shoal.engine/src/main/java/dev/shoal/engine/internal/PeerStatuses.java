package dev.shoal.engine.internal;

import dev.shoal.engine.api.PeerStatus;
import dev.shoal.peer.api.PeerInfo;
import java.util.ArrayList;
import java.util.List;

/** The swarm's peers as the engine's API shows them. */
final class PeerStatuses {

    private PeerStatuses() {
    }

    /** @param pieceCount the torrent's, for each peer's share of it */
    static List<PeerStatus> of(List<PeerInfo> peers, int pieceCount) {
        int pieces = Math.max(1, pieceCount);
        List<PeerStatus> statuses = new ArrayList<>(peers.size());
        for (PeerInfo peer : peers) {
            statuses.add(new PeerStatus(peer.address(), peer.client(), peer.outgoing(),
                    Math.min(1.0, (double) peer.piecesHave() / pieces), peer.downloadRate(), peer.uploadRate(),
                    peer.downloaded(), peer.uploaded(), peer.chokingUs(), peer.choked(), peer.interested(),
                    peer.snubbed(), peer.source(), peer.encrypted()));
        }
        return List.copyOf(statuses);
    }
}
