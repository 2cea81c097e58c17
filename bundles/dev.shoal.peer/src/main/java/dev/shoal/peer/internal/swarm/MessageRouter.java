package dev.shoal.peer.internal.swarm;

import dev.shoal.peer.internal.extension.ExtensionRegistry;
import dev.shoal.peer.internal.picker.Block;
import dev.shoal.peer.internal.picker.PiecePicker;
import dev.shoal.peer.internal.picker.Received;
import dev.shoal.peer.internal.wire.AllowedFast;
import dev.shoal.peer.internal.wire.Bitfield;
import dev.shoal.peer.internal.wire.Cancel;
import dev.shoal.peer.internal.wire.Choke;
import dev.shoal.peer.internal.wire.Extended;
import dev.shoal.peer.internal.wire.Have;
import dev.shoal.peer.internal.wire.HaveAll;
import dev.shoal.peer.internal.wire.HaveNone;
import dev.shoal.peer.internal.wire.Interested;
import dev.shoal.peer.internal.wire.KeepAlive;
import dev.shoal.peer.internal.wire.NotInterested;
import dev.shoal.peer.internal.wire.PeerMessage;
import dev.shoal.peer.internal.wire.Piece;
import dev.shoal.peer.internal.wire.Port;
import dev.shoal.peer.internal.wire.RejectRequest;
import dev.shoal.peer.internal.wire.Request;
import dev.shoal.peer.internal.wire.SuggestPiece;
import dev.shoal.peer.internal.wire.Unchoke;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.IntPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What each message from a peer means: one handler per kind of {@link PeerMessage}, the kinds that
 * need no answer named as such ({@link #IGNORED}), so that every kind the sealed interface permits is
 * accounted for (checked when a router is made). Keeps what each peer has (its pieces, for interest and
 * the picker's availability) and hands received blocks to the disk. Under the swarm's lock.
 */
final class MessageRouter {

    /**
     * Kinds with nothing to do: a keep-alive only keeps the connection open (the wire layer handles
     * it), there is no DHT to tell a port, and suggestions are not followed.
     */
    static final Set<Class<? extends PeerMessage>> IGNORED = Set.of(KeepAlive.class, Port.class, SuggestPiece.class);
    /** Kinds only a peer with the fast extension (BEP 6) may send. */
    private static final Set<Class<? extends PeerMessage>> FAST_ONLY = Set.of(HaveAll.class, HaveNone.class,
            RejectRequest.class, AllowedFast.class, SuggestPiece.class);
    private static final Logger LOG = LoggerFactory.getLogger(MessageRouter.class);

    private final String name;
    private final int pieceCount;
    private final PiecePicker<PeerState> picker;
    private final Downloader downloader;
    private final Uploader uploader;
    private final Unchoker unchoker;
    private final WriteGate gate;
    private final RateMeter received;
    private final Collection<PeerState> peers;
    /** True once every piece is here: then a seed that joins has nothing for us. */
    private final BooleanSupplier complete;
    private final Map<Class<? extends PeerMessage>, BiConsumer<PeerState, PeerMessage>> handlers = new HashMap<>();
    private long wasted;

    MessageRouter(String name, int pieceCount, PiecePicker<PeerState> picker, Downloader downloader, Uploader uploader,
            Unchoker unchoker, WriteGate gate, RateMeter received, Collection<PeerState> peers, BooleanSupplier complete,
            ExtensionRegistry extensions) {
        this.name = name;
        this.pieceCount = pieceCount;
        this.picker = picker;
        this.downloader = downloader;
        this.uploader = uploader;
        this.unchoker = unchoker;
        this.gate = gate;
        this.received = received;
        this.peers = peers;
        this.complete = complete;
        on(Piece.class, this::pieceReceived);
        on(Request.class, (peer, request) -> uploader.request(peer, request, picker.pieceSize(request.piece())));
        on(Cancel.class, (peer, cancel) -> uploader.cancel(peer, new Request(cancel.piece(), cancel.begin(),
                cancel.length())));
        on(Have.class, (peer, have) -> haveReceived(peer, have.piece()));
        on(Bitfield.class, (peer, bitfield) -> piecesReceived(peer, bitfield::has));
        on(HaveAll.class, (peer, all) -> piecesReceived(peer, piece -> true));
        on(HaveNone.class, (peer, none) -> piecesReceived(peer, piece -> false));
        on(Choke.class, (peer, choke) -> chokedUs(peer));
        on(Unchoke.class, (peer, unchoke) -> {
            peer.chokingUs = false;
            downloader.fillRequests(peer);
        });
        on(Interested.class, (peer, interested) -> {
            peer.interestedInUs = true;
            unchoker.interested(peer, peers);
        });
        on(NotInterested.class, (peer, notInterested) -> peer.interestedInUs = false);
        on(RejectRequest.class, (peer, reject) -> downloader.release(peer, new Block(reject.piece(), reject.begin(),
                reject.length())));
        on(AllowedFast.class, (peer, allowed) -> {
            peer.allowedFast.add(allowed.piece());
            downloader.fillRequests(peer);
        });
        on(Extended.class, (peer, extended) -> extensions.received(peer.connection, extended));
        IGNORED.forEach(kind -> handlers.put(kind, (peer, message) -> { }));
        Set<Class<?>> permitted = Set.of(PeerMessage.class.getPermittedSubclasses());
        if (!permitted.equals(handlers.keySet())) {
            // A kind added to the sealed interface and forgotten here fails every swarm, not silently.
            throw new IllegalStateException("messages not routed: " + permitted.stream()
                    .filter(kind -> !handlers.containsKey(kind)).map(Class::getSimpleName).toList());
        }
    }

    private <M extends PeerMessage> void on(Class<M> kind, BiConsumer<PeerState, M> handler) {
        handlers.put(kind, (peer, message) -> handler.accept(peer, kind.cast(message)));
    }

    /** Bytes received that were not asked for or came twice. */
    long wasted() {
        return wasted;
    }

    void route(PeerState peer, PeerMessage message) {
        LOG.trace("{}: {} sent {}", name, peer.address, message);
        if (!peer.fastExtension && FAST_ONLY.contains(message.getClass())) {
            LOG.debug("{}: closing {}: {} without the fast extension", name, peer.address,
                    message.getClass().getSimpleName());
            peer.connection.close();
            return;
        }
        handlers.get(message.getClass()).accept(peer, message);
    }

    private void piecesReceived(PeerState peer, IntPredicate has) {
        if (peer.sawPieces) {
            // Not in BEP 3, but aria2 sends have-none and then a bitfield of what it got meanwhile:
            // take a later bitfield as haves for the pieces it adds.
            for (int piece = 0; piece < pieceCount; piece++) {
                if (has.test(piece)) {
                    haveReceived(peer, piece);
                }
            }
            return;
        }
        peer.sawPieces = true;
        for (int piece = 0; piece < pieceCount; piece++) {
            if (has.test(piece)) {
                peer.has.set(piece);
            }
        }
        peer.hasCount = peer.has.cardinality();
        picker.peerHasAll(peer.has::get);
        if (complete.getAsBoolean() && peer.isSeed(pieceCount)) {
            peer.connection.close();
            return;
        }
        downloader.updateInterest(peer);
    }

    private void haveReceived(PeerState peer, int piece) {
        peer.sawPieces = true;
        if (peer.has.get(piece)) {
            return;
        }
        peer.has.set(piece);
        peer.hasCount++;
        picker.peerHas(piece);
        if (picker.isWanted(piece) && !peer.interesting) {
            downloader.updateInterest(peer);
        }
        downloader.fillRequests(peer);
        if (complete.getAsBoolean() && peer.isSeed(pieceCount)) {
            peer.connection.close();
        }
    }

    private void chokedUs(PeerState peer) {
        peer.chokingUs = true;
        // Without BEP 6 a choke cancels every request; with it the peer rejects them one by one.
        if (!peer.fastExtension) {
            downloader.releaseAll(peer);
        }
    }

    private void pieceReceived(PeerState peer, Piece piece) {
        int length = piece.length();
        received.add(length);
        peer.received.add(length);
        Received.Outcome outcome = downloader.received(peer, piece);
        if (outcome == Received.Outcome.UNEXPECTED || outcome == Received.Outcome.DUPLICATE) {
            wasted += length;
            piece.release(); // not written: nothing reads it again
        } else {
            gate.write(piece);
        }
        gate.received(length);
        downloader.fillRequests(peer);
    }
}
