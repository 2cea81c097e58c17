package dev.shoal.metainfo;

import dev.shoal.metainfo.internal.magnet.IndexSet;
import dev.shoal.metainfo.internal.magnet.MagnetFormatter;
import dev.shoal.metainfo.internal.magnet.MagnetParser;
import dev.shoal.metainfo.internal.magnet.PeerAddresses;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;

/**
 * A magnet link (BEP 9, with BEP 53 file selection). Parse one with {@link #parse(String)}; write
 * one with {@link #toUri()}. {@code parse(link.toUri().toString())} equals {@code link}.
 *
 * @param infoHashV1  {@code xt=urn:btih:} (40 hex digits or 32 base32 characters)
 * @param infoHashV2  {@code xt=urn:btmh:1220...} (a SHA-256 multihash); both for a hybrid torrent
 * @param displayName {@code dn}
 * @param trackers    {@code tr}, in order, without repeats
 * @param webSeeds    {@code ws}, in order, without repeats
 * @param peers       {@code x.pe}, peers to contact directly
 * @param selectOnly  {@code so}: indices of the files to download; empty means all. At most
 *                    1,000,000 indices, each below 2^24, so a link cannot exhaust memory.
 */
public record MagnetLink(Optional<InfoHash> infoHashV1, Optional<InfoHash> infoHashV2, Optional<String> displayName,
        List<String> trackers, List<String> webSeeds, List<PeerAddress> peers, SortedSet<Integer> selectOnly) {

    public MagnetLink {
        Objects.requireNonNull(displayName, "displayName");
        if (infoHashV1.isEmpty() && infoHashV2.isEmpty()) {
            throw new IllegalArgumentException("a magnet link needs a v1 or a v2 info-hash");
        }
        if (infoHashV1.isPresent() && infoHashV1.get().version() != TorrentVersion.V1) {
            throw new IllegalArgumentException("infoHashV1 must be a 20-byte hash");
        }
        if (infoHashV2.isPresent() && infoHashV2.get().version() != TorrentVersion.V2) {
            throw new IllegalArgumentException("infoHashV2 must be a 32-byte hash");
        }
        trackers = List.copyOf(trackers);
        webSeeds = List.copyOf(webSeeds);
        peers = List.copyOf(peers);
        selectOnly = IndexSet.copyOf(selectOnly);
    }

    /** A link with only an info-hash (v1 or v2, by its length). */
    public static MagnetLink of(InfoHash infoHash) {
        boolean v1 = infoHash.version() == TorrentVersion.V1;
        return new MagnetLink(v1 ? Optional.of(infoHash) : Optional.empty(), v1 ? Optional.empty() : Optional.of(infoHash),
                Optional.empty(), List.of(), List.of(), List.of(), IndexSet.empty());
    }

    /**
     * Parses a {@code magnet:?} link. Values are percent-decoded ('+' is a space); parameters
     * Shoal does not know are ignored, numbered ones ({@code tr.1}) count as their base name.
     */
    public static MagnetLink parse(String link) throws InvalidMagnetException {
        return MagnetParser.parse(link);
    }

    /** The v1 hash if there is one, else the v2 hash. */
    public InfoHash infoHash() {
        return infoHashV1.or(() -> infoHashV2).orElseThrow();
    }

    /** The link, every value percent-encoded. */
    public URI toUri() {
        return URI.create(MagnetFormatter.format(this));
    }

    /** The link as text, as {@link #toUri()} gives it. */
    @Override
    public String toString() {
        return MagnetFormatter.format(this);
    }

    /**
     * A peer from {@code x.pe}: a host name or IP address and a port. IPv6 addresses are written
     * in brackets, {@code [2001:db8::1]:6881}.
     */
    public record PeerAddress(String host, int port) {

        public PeerAddress {
            PeerAddresses.checkHost(host);
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port " + port + " is outside 1..65535");
            }
        }

        /** Parses {@code host:port} or {@code [ipv6]:port}; throws IllegalArgumentException. */
        public static PeerAddress parse(String text) {
            return PeerAddresses.parse(text);
        }

        @Override
        public String toString() {
            return host.indexOf(':') >= 0 ? "[" + host + "]:" + port : host + ":" + port;
        }
    }
}
