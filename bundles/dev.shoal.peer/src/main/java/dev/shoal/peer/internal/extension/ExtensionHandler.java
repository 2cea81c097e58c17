package dev.shoal.peer.internal.extension;

/**
 * One extension of the BEP 10 protocol (ut_metadata, ut_pex, ...), for one torrent: what it adds to
 * our extended handshake and what it does with its messages. Called under the owner's lock (the
 * swarm's or the metadata fetch's), never concurrently: it must not block, and sends only queue.
 *
 * <p>Handlers are plain objects registered in an {@link ExtensionRegistry} per torrent; see the
 * registry for why this is not (yet) an OSGi whiteboard.
 */
public interface ExtensionHandler {

    /** The name in {@code m}, e.g. {@code ut_metadata}. */
    String name();

    /** Our extended handshake with this extension's keys added (e.g. {@code metadata_size}). */
    default ExtensionHandshake describe(ExtensionHandshake ours) {
        return ours;
    }

    /** The peer sent its extended handshake, first or again; {@code peer.handshake()} is its latest view. */
    default void handshakeReceived(ExtensionPeer peer) {
    }

    /** A message of this extension; throwing drops the peer. */
    void received(ExtensionPeer peer, byte[] payload) throws ExtensionException;

    /** The connection is gone. */
    default void closed(ExtensionPeer peer) {
    }
}
