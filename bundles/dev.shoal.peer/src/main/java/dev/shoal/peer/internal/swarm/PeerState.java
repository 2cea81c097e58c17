package dev.shoal.peer.internal.swarm;

import dev.shoal.peer.api.PeerInfo;
import dev.shoal.peer.internal.handler.PeerConnection;
import dev.shoal.peer.internal.picker.Block;
import dev.shoal.peer.internal.wire.PeerMessage;
import dev.shoal.peer.internal.wire.Request;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a swarm knows of one connected peer. Guarded by the swarm's lock; the picker and the choker
 * identify peers by this object.
 */
final class PeerState {

    final PeerConnection connection;
    final InetSocketAddress address;
    /** Where its address came from ({@link PeerInfo#source}). */
    final String source;
    final long connectedMillis;
    final boolean fastExtension;
    final BitSet has = new BitSet();
    final RateMeter received = new RateMeter();
    final RateMeter sent = new RateMeter();
    /** Our requests it has not answered, in the order sent. */
    final Set<Block> requested = new LinkedHashSet<>();
    /** Pieces it lets us request while it chokes us (BEP 6 allowed fast). */
    final Set<Integer> allowedFast = new HashSet<>();
    /** Its requests waiting for the upload limit or a disk read slot. */
    final ArrayDeque<Request> uploads = new ArrayDeque<>();
    /** Its requests cancelled while their block was being read. */
    final Set<Request> cancelled = new HashSet<>();

    int hasCount;
    boolean hasAll;
    boolean chokingUs = true;
    boolean choked = true;
    boolean interestedInUs;
    boolean interesting;
    boolean snubbed;
    boolean uploadScheduled;
    int queueDepth;
    boolean slowStart = true;
    long lastRate;
    int readsInFlight;
    int blocksQueued;
    int hashFailures;
    boolean sawPieces;
    long lastBlockMillis;
    long lastRequestMillis;
    /** Since when neither side has been interested in the other; -1 while one is. */
    long idleSinceMillis;
    /** When its socket last took a block of ours, or the first of those now waiting was queued. */
    long socketProgressMillis;
    /** When its socket last took any message of ours (keep-alives aside). */
    long lastSentMillis;
    /** Its requests we took into the upload queue, ever. */
    long requestsAccepted;
    /** Its requests refused (choked, queue full, not ours to give) since we last accepted one or unchoked it. */
    int requestsRefused;

    PeerState(PeerConnection connection, String source, long nowMillis, int initialQueueDepth) {
        this.connection = connection;
        this.address = (InetSocketAddress) connection.remoteAddress();
        this.source = source;
        this.connectedMillis = nowMillis;
        this.fastExtension = connection.remote().reserved().fastExtension();
        this.queueDepth = initialQueueDepth;
        this.lastBlockMillis = nowMillis;
        this.idleSinceMillis = nowMillis;
        this.lastSentMillis = nowMillis;
    }

    void send(PeerMessage message) {
        connection.send(message);
    }

    void sendAll(List<PeerMessage> messages) {
        connection.sendAll(messages);
    }

    boolean isSeed(int pieceCount) {
        return hasCount == pieceCount;
    }

    /**
     * Blocks of ours wait in its socket and it has taken none for {@code millis}: it is not reading,
     * and an upload slot is wasted on it.
     */
    boolean stalled(long nowMillis, long millis) {
        return blocksQueued > 0 && nowMillis - socketProgressMillis >= millis;
    }

    /** Messages of ours wait for its socket, and it took none for {@code millis}: it does not read. */
    boolean deaf(long nowMillis, long millis) {
        return connection.queuedWrites() > 0 && nowMillis - lastSentMillis >= millis;
    }

    boolean mayRequest(int piece) {
        return !chokingUs || allowedFast.contains(piece);
    }

    PeerInfo info() {
        return new PeerInfo(address, ClientNames.of(connection.remote().peerId()), connection.outgoing(), hasCount,
                received.rate(), sent.rate(), received.total(), sent.total(), chokingUs, choked, interestedInUs,
                snubbed, requested.size(), source, connection.encrypted());
    }

    @Override
    public String toString() {
        return "peer " + address;
    }
}
