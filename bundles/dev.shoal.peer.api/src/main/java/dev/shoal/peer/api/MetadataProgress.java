package dev.shoal.peer.api;

/**
 * How far a {@link MetadataFetch} has come.
 *
 * @param peersKnown     addresses given or dialled in so far
 * @param peersAsked     peers dialled (or that dialled us) so far
 * @param peersConnected connections open now
 * @param peersOffering  of those, peers that offer the metadata (ut_metadata with a sane size)
 * @param peersRefused   peers dropped for what they sent (wrong sizes, bad pieces, a bad hash)
 * @param bytesReceived  metadata bytes received, counted again when a hash failure starts over
 * @param metadataSize   the info dictionary's size once a peer said it, else -1
 * @param done           the metadata arrived and was verified
 * @since 1.3
 */
public record MetadataProgress(int peersKnown, int peersAsked, int peersConnected, int peersOffering,
        int peersRefused, long bytesReceived, long metadataSize, boolean done) {
}
