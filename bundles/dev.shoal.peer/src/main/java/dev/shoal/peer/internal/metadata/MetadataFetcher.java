package dev.shoal.peer.internal.metadata;

import dev.shoal.metainfo.InfoHash;
import dev.shoal.peer.internal.extension.ExtensionException;
import dev.shoal.peer.internal.extension.ExtensionHandler;
import dev.shoal.peer.internal.extension.ExtensionPayloads;
import dev.shoal.peer.internal.extension.ExtensionPeer;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * BEP 9, fetching side: asks every peer that offers ut_metadata with a sane {@code metadata_size}
 * for 16 KiB pieces, at most {@link #PER_PEER} at a time; a reject or a time-out backs the peer off
 * for a while and lets another be asked. A size of 0 or less or above the cap, a piece out of range
 * or of the wrong length, a {@code total_size} other than the size being fetched, or data not asked
 * for drops the peer. The whole is hashed; on a mismatch every peer that sent a piece of it is
 * dropped (the fetch never dials a dropped peer again) and the fetch starts over with the others.
 * Not thread-safe: the fetch's lock.
 */
public final class MetadataFetcher implements ExtensionHandler {

    static final int PER_PEER = 2;
    /** A piece asked of one peer may be asked of another after this long (libtorrent: 3 s). */
    static final long REASK_MILLIS = 3_000;
    /** A request unanswered this long counts as lost; its peer is asked again after a back-off. */
    static final long REQUEST_TIMEOUT_MILLIS = 10_000;
    static final long SLOW_BACKOFF_MILLIS = 10_000;
    /** A rejecting peer is asked again after this long (libtorrent: 1 min). */
    static final long REJECT_BACKOFF_MILLIS = 60_000;

    private static final Logger LOG = LoggerFactory.getLogger(MetadataFetcher.class);

    private final InfoHash infoHash;
    private final long maxSize;
    private final ExtensionPayloads payloads;
    private final LongSupplier clock;
    /** Takes the info dictionary, verified against the info-hash. */
    private final Consumer<byte[]> verified;
    private final Map<ExtensionPeer, Asking> offering = new LinkedHashMap<>();
    private MetadataPieces pieces;
    private long bytesReceived;
    private boolean done;
    private long verifiedSize = -1;

    public MetadataFetcher(InfoHash infoHash, long maxSize, ExtensionPayloads payloads, LongSupplier clock,
            Consumer<byte[]> verified) {
        this.infoHash = infoHash;
        this.maxSize = maxSize;
        this.payloads = payloads;
        this.clock = clock;
        this.verified = verified;
    }

    @Override
    public String name() {
        return MetadataMessage.EXTENSION;
    }

    @Override
    public void handshakeReceived(ExtensionPeer peer) {
        long size = peer.handshake().metadataSize();
        if (!peer.supports(name()) || size < 0) {
            forget(peer); // no ut_metadata, or no metadata to give (yet)
            return;
        }
        if (size == 0 || size > maxSize) {
            peer.drop("metadata_size " + size + " outside 1.." + maxSize);
            return;
        }
        offering.computeIfAbsent(peer, p -> new Asking()).size = size;
        if (pieces == null && !done) {
            pieces = new MetadataPieces(size);
            LOG.debug("fetching {} bytes of metadata for {}, size from {}", size, infoHash, peer.address());
        }
        ask(peer);
    }

    @Override
    public void received(ExtensionPeer peer, byte[] payload) throws ExtensionException {
        Optional<MetadataMessage> parsed = MetadataMessage.parse(payload, payloads);
        if (parsed.isEmpty()) {
            return;
        }
        MetadataMessage message = parsed.get();
        Asking asking = offering.get(peer);
        switch (message.type()) {
            case MetadataMessage.REQUEST -> peer.send(name(), MetadataMessage.reject(message.piece()).encode());
            case MetadataMessage.REJECT -> {
                if (asking != null && asking.outstanding.remove(message.piece()) != null) {
                    release(message.piece());
                    asking.notBefore = clock.getAsLong() + REJECT_BACKOFF_MILLIS;
                }
            }
            default -> dataReceived(peer, asking, message);
        }
    }

    private void dataReceived(ExtensionPeer peer, Asking asking, MetadataMessage data) throws ExtensionException {
        int piece = data.piece();
        if (pieces != null && piece >= pieces.count()) {
            throw new ExtensionException("metadata piece " + piece + " out of range 0.." + (pieces.count() - 1));
        }
        if (asking == null || pieces == null || !asking.everAsked.get(piece)) {
            throw new ExtensionException("metadata piece " + piece + " sent unasked");
        }
        if (data.totalSize() != pieces.size()) {
            throw new ExtensionException("metadata piece with total_size " + data.totalSize() + ", fetching "
                    + pieces.size());
        }
        int expected = MetadataMessage.pieceSize(pieces.size(), piece);
        if (data.data().length != expected) {
            throw new ExtensionException("metadata piece " + piece + " of " + data.data().length + " bytes, not "
                    + expected);
        }
        asking.outstanding.remove(piece);
        bytesReceived += expected;
        pieces.put(piece, data.data(), peer);
        if (pieces.complete()) {
            verify();
        } else {
            ask(peer);
        }
    }

    private void verify() {
        MetadataPieces whole = pieces;
        if (whole.matches(infoHash)) {
            done = true;
            verifiedSize = whole.size();
            pieces = null; // the caller has its copy; a kept handle should not hold the buffer
            verified.accept(whole.bytes());
            return;
        }
        Set<ExtensionPeer> suspects = whole.senders();
        LOG.debug("metadata for {} failed its hash; refusing {}", infoHash, suspects);
        pieces = null;
        for (ExtensionPeer suspect : suspects) {
            offering.remove(suspect);
            suspect.drop("sent metadata that failed the info-hash " + infoHash);
        }
        // Start over with the size the next offering peer says, asking everyone afresh.
        for (Map.Entry<ExtensionPeer, Asking> entry : offering.entrySet()) {
            entry.getValue().outstanding.clear();
            entry.getValue().everAsked.clear();
            if (pieces == null) {
                pieces = new MetadataPieces(entry.getValue().size);
            }
        }
        fill();
    }

    @Override
    public void closed(ExtensionPeer peer) {
        forget(peer);
    }

    private void forget(ExtensionPeer peer) {
        Asking asking = offering.remove(peer);
        if (asking != null) {
            asking.outstanding.keySet().forEach(this::release);
            fill(); // what it had may go to others now
        }
    }

    /** Expires lost requests and asks whoever may be asked. */
    public void tick() {
        long now = clock.getAsLong();
        for (Asking asking : offering.values()) {
            Iterator<Map.Entry<Integer, Long>> it = asking.outstanding.entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<Integer, Long> request = it.next();
                if (now - request.getValue() >= REQUEST_TIMEOUT_MILLIS) {
                    it.remove();
                    release(request.getKey());
                    asking.notBefore = now + SLOW_BACKOFF_MILLIS;
                }
            }
        }
        fill();
    }

    private void fill() {
        for (ExtensionPeer peer : Set.copyOf(offering.keySet())) {
            ask(peer);
        }
    }

    private void release(int piece) {
        if (pieces != null && piece < pieces.count()) {
            pieces.released(piece);
        }
    }

    private void ask(ExtensionPeer peer) {
        Asking asking = offering.get(peer);
        long now = clock.getAsLong();
        if (asking == null || pieces == null || done || asking.size != pieces.size() || now < asking.notBefore) {
            return;
        }
        while (asking.outstanding.size() < PER_PEER) {
            int piece = pieces.next(asking.outstanding.keySet(), now, REASK_MILLIS);
            if (piece < 0) {
                return;
            }
            pieces.asked(piece, now);
            asking.outstanding.put(piece, now);
            asking.everAsked.set(piece);
            peer.send(name(), MetadataMessage.request(piece).encode());
        }
    }

    public long bytesReceived() {
        return bytesReceived;
    }

    /** The size being fetched, once a peer said one; -1 before. */
    public long metadataSize() {
        return pieces != null ? pieces.size() : verifiedSize;
    }

    public boolean done() {
        return done;
    }

    public int offering() {
        return offering.size();
    }

    /** What we ask one offering peer. */
    private static final class Asking {
        long size;
        long notBefore;
        /** Pieces asked and not answered, with when. */
        final Map<Integer, Long> outstanding = new HashMap<>();
        final BitSet everAsked = new BitSet();
    }

    @Override
    public String toString() {
        return "metadata fetch " + infoHash + " " + pieces + " from " + new LinkedHashSet<>(offering.keySet());
    }
}
