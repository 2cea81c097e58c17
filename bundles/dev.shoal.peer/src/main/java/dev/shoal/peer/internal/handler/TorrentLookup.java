package dev.shoal.peer.internal.handler;

import dev.shoal.metainfo.InfoHash;
import java.util.Optional;

/** Which torrent an incoming handshake asks for; empty ones are refused by closing. */
@FunctionalInterface
public interface TorrentLookup {

    TorrentLookup NONE = infoHash -> Optional.empty();

    Optional<LocalTorrent> find(InfoHash infoHash);
}
