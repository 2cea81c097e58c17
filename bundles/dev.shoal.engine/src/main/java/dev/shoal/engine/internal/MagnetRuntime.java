package dev.shoal.engine.internal;

import dev.shoal.engine.api.MetadataStatus;
import dev.shoal.engine.api.RateLimits;
import dev.shoal.engine.api.SeedGoal;
import dev.shoal.engine.api.TorrentState;
import dev.shoal.engine.api.TorrentStatus;
import dev.shoal.metainfo.InfoHash;
import dev.shoal.metainfo.InvalidTorrentException;
import dev.shoal.metainfo.MagnetLink;
import dev.shoal.peer.api.MetadataFetch;
import dev.shoal.peer.api.MetadataListener;
import dev.shoal.peer.api.MetadataProgress;
import dev.shoal.peer.api.PeerInfo;
import dev.shoal.peer.api.SwarmService;
import dev.shoal.storage.api.PieceSet;
import dev.shoal.tracker.api.AnnounceListener;
import dev.shoal.tracker.api.AnnounceSession;
import dev.shoal.tracker.api.Announcer;
import dev.shoal.tracker.api.LocalPeer;
import dev.shoal.tracker.api.TrackerPeer;
import dev.shoal.tracker.api.TransferStats;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A torrent added from a magnet link, before its metadata is known: in {@link TorrentState#METADATA}
 * it fetches the info dictionary from peers, which its link ({@code x.pe}), its trackers (announced
 * with a small {@code left}, as libtorrent does, so trackers take it for a leecher) and the peer
 * sources give. When the verified dictionary came it hands the torrent made of it to {@code promote},
 * which replaces this by a {@link TorrentRuntime}. Changes on the engine thread; reads from any.
 */
final class MagnetRuntime {

    private static final Logger LOG = LoggerFactory.getLogger(MagnetRuntime.class);
    /** What trackers hear as {@code left} while the size is unknown: one block, as libtorrent sends. */
    private static final long UNKNOWN_LEFT = 16 * 1024;

    private final MagnetLink magnet;
    private final TorrentRecord base;
    private final EngineContext context;
    private final BiConsumer<MagnetRuntime, MetadataTorrent> promote;
    private final MagnetFacade facade;
    private final TrackerInfos trackers;
    private final List<List<String>> tiers;
    private volatile TorrentState state;
    private volatile Optional<String> error;
    private volatile SeedGoal goal;
    private volatile RateLimits limits;
    private volatile MetadataFetch fetch;
    private volatile AnnounceSession announce;
    private SwarmService fetchFrom;
    private Announcer announcerFrom;
    private PeerSources.Subscription lookups;
    private long fetchStarted;
    private boolean removed;
    private final RecordKeeper records;
    /** The peers handed to the fetch, for the torrent to dial once it has the metadata (lock: itself). */
    private final KnownPeers known = new KnownPeers();

    /** @param record its record: QUEUED to fetch at once, PAUSED or ERROR to wait */
    MagnetRuntime(TorrentRecord record, EngineContext context, BiConsumer<MagnetRuntime, MetadataTorrent> promote,
            MagnetFacade.Owner owner) {
        this.magnet = record.magnet().orElseThrow();
        this.base = record;
        this.context = context;
        this.promote = promote;
        this.goal = record.seedGoal();
        this.limits = record.rateLimits();
        this.state = record.state() == TorrentState.QUEUED ? TorrentState.METADATA : record.state();
        this.error = record.error();
        this.tiers = magnet.trackers().stream().map(List::of).toList();
        this.trackers = new TrackerInfos(() -> tiers);
        this.records = new RecordKeeper(kept -> context.writer().save(kept));
        this.facade = new MagnetFacade(this, context.thread(), owner);
    }

    // ---- reads: any thread ----

    MagnetFacade facade() {
        return facade;
    }

    int id() {
        return base.id();
    }

    InfoHash infoHash() {
        return base.infoHash();
    }

    MagnetLink magnet() {
        return magnet;
    }

    /** The link's {@code dn}, else the info-hash in hex. */
    String name() {
        return magnet.displayName().filter(name -> !name.isBlank()).orElse(infoHash().hex());
    }

    TorrentState state() {
        return state;
    }

    Path downloadDirectory() {
        return base.downloadDirectory();
    }

    SeedGoal goal() {
        return goal;
    }

    RateLimits limits() {
        return limits;
    }

    void setGoal(SeedGoal value) {
        goal = value;
    }

    void setLimits(RateLimits value) {
        limits = value;
    }

    TorrentStatus status() {
        MetadataFetch open = fetch;
        MetadataProgress progress = open == null ? null : open.progress();
        MetadataStatus metadata = progress == null ? new MetadataStatus(0, -1, 0)
                : new MetadataStatus(progress.bytesReceived(), progress.metadataSize(), progress.peersOffering());
        return new TorrentStatus(infoHash(), name(), state, error, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, Optional.empty(),
                progress == null ? 0 : progress.peersConnected(), 0, Duration.ZERO, trackers.now(announce),
                Optional.of(metadata));
    }

    /** Its record: the link, and whether it fetches (kept as QUEUED), is paused or failed. */
    TorrentRecord record() {
        TorrentState kept = state == TorrentState.METADATA ? TorrentState.QUEUED : state;
        return new TorrentRecord(base.id(), base.infoHash(), base.downloadDirectory(), kept,
                kept == TorrentState.ERROR ? error : Optional.empty(), goal, limits, List.of(), PieceSet.empty(0),
                Transfer.Counts.ZERO, Duration.ZERO, base.added(), Optional.of(magnet));
    }

    @Override
    public String toString() {
        return "Torrent[" + name() + ", " + state + "]";
    }

    // ---- the engine thread from here on ----

    void persist() {
        if (!removed) {
            records.keep(record());
        }
    }

    /** Starts fetching if it should and can (a peer wire is there). */
    void start() {
        if (removed || state != TorrentState.METADATA || fetch != null) {
            return;
        }
        Optional<SwarmService> service = context.services().swarms.get();
        if (service.isEmpty()) {
            return; // it starts when a peer wire comes (servicesChanged)
        }
        fetchFrom = service.get();
        MetadataFetch opened = fetchFrom.fetchMetadata(infoHash(), new Heard());
        fetch = opened;
        fetchStarted = System.nanoTime();
        List<InetSocketAddress> given = new ArrayList<>();
        for (MagnetLink.PeerAddress peer : magnet.peers()) {
            InetSocketAddress address = new InetSocketAddress(peer.host(), peer.port());
            if (!address.isUnresolved()) {
                given.add(address);
            }
        }
        if (!given.isEmpty()) {
            remember(given, PeerInfo.MAGNET);
            opened.addPeers(given, PeerInfo.MAGNET);
        }
        openAnnounce();
        SwarmService wire = fetchFrom;
        lookups = context.peerSources().subscribe(infoHash(), wire.listenPort(),
                (source, peers) -> found(opened, source, peers), () -> {
                    MetadataProgress progress = opened.progress();
                    return PeerSources.wanted(wire, progress == null ? 0 : progress.peersConnected());
                });
        LOG.info("{}: fetching the metadata from {} peers of the link and {} trackers", name(), given.size(),
                tiers.size());
    }

    private void openAnnounce() {
        Optional<Announcer> announcer = context.services().announcer.get();
        if (tiers.isEmpty() || announcer.isEmpty() || fetchFrom == null) {
            return;
        }
        announcerFrom = announcer.get();
        LocalPeer self = new LocalPeer(fetchFrom.peerId(), fetchFrom.listenPort());
        MetadataFetch opened = fetch;
        announce = announcerFrom.open(infoHash(), tiers, self, new AnnounceListener() {
            @Override
            public void peersReceived(String trackerUrl, List<TrackerPeer> peers) {
                trackers.peersReceived(trackerUrl, peers.size());
                found(opened, PeerInfo.TRACKER, peers.stream().map(TrackerPeer::address).toList());
            }
        }, () -> new TransferStats(0, 0, UNKNOWN_LEFT));
    }

    /** Peers from a tracker or a peer source (their threads): the fetch dials them, but ourselves. */
    private void found(MetadataFetch to, String source, List<InetSocketAddress> peers) {
        int port = context.services().listenPort();
        List<InetSocketAddress> others = peers.stream().filter(peer -> !OwnAddress.isSelf(peer, port)).toList();
        if (!others.isEmpty() && fetch == to) {
            remember(others, source);
            to.addPeers(others, source);
        }
    }

    private void remember(List<InetSocketAddress> peers, String source) {
        synchronized (known) {
            known.add(peers, source);
        }
    }

    /** The peers it knows of by source: those of the link, the trackers and the peer sources. */
    Map<String, List<InetSocketAddress>> knownPeers() {
        synchronized (known) {
            return known.bySource();
        }
    }

    /** Stops fetching; the trackers are left without {@code stopped} when the torrent goes on from the metadata. */
    private void stopFetch(boolean tellTrackers) {
        MetadataFetch open = fetch;
        fetch = null;
        fetchFrom = null;
        if (lookups != null) {
            lookups.close();
            lookups = null;
        }
        if (open != null) {
            open.close();
        }
        AnnounceSession session = announce;
        announce = null;
        if (session != null) {
            if (tellTrackers) {
                session.close();
            } else {
                session.abandon();
            }
        }
    }

    /** Each tick: a fetch over the configured time fails. */
    void tick() {
        Duration limit = context.settings().get().metadataTimeout();
        if (fetch != null && !limit.isZero() && System.nanoTime() - fetchStarted > limit.toNanos()) {
            fail("no metadata from peers within " + limit.toSeconds() + " s");
        }
    }

    void pause() {
        if (removed || state == TorrentState.PAUSED) {
            return;
        }
        stopFetch(true);
        moved(TorrentState.PAUSED);
    }

    void resume() {
        if (removed || state == TorrentState.METADATA) {
            return;
        }
        error = Optional.empty();
        moved(TorrentState.METADATA);
        start();
    }

    /** The metadata came but the torrent cannot start from it (its files cannot be opened, say). */
    void failedAfterMetadata(String reason) {
        removed = false;
        fail(reason);
    }

    private void fail(String reason) {
        LOG.warn("{}: stopped: {}", name(), reason);
        stopFetch(true);
        error = Optional.of(Lifecycle.oneLine(reason));
        moved(TorrentState.ERROR);
    }

    /** A peer wire came or went: a fetch from one that left is opened again from the one there now. */
    void servicesChanged() {
        if (removed || state != TorrentState.METADATA) {
            return;
        }
        if (fetch != null && !context.services().swarms.is(fetchFrom)) {
            stopFetch(false);
        }
        if (fetch != null && announce == null) {
            openAnnounce();
        } else if (fetch != null && !context.services().announcer.is(announcerFrom)) {
            AnnounceSession gone = announce;
            announce = null;
            gone.abandon();
            openAnnounce();
        }
        start();
    }

    /** Stops for good, telling trackers {@code stopped}: removed, or the engine stops. */
    void shutdown() {
        removed = true;
        stopFetch(true);
    }

    /** The verified info dictionary; from an earlier fetch too (paused since): it is the same torrent. */
    private void received(byte[] info) {
        if (removed || state != TorrentState.METADATA) {
            return;
        }
        long took = (System.nanoTime() - fetchStarted) / 1_000_000;
        MetadataTorrent torrent;
        try {
            torrent = MetadataTorrent.of(info, magnet);
        } catch (InvalidTorrentException | RuntimeException e) {
            fail("the metadata is not a torrent's: " + Lifecycle.oneLine(e.getMessage()));
            return;
        }
        LOG.info("{}: metadata received ({} bytes) in {} ms", torrent.metainfo().name(), info.length, took);
        stopFetch(false);
        removed = true;
        promote.accept(this, torrent);
    }

    private void moved(TorrentState next) {
        TorrentState previous = state;
        state = next;
        persist();
        context.listeners().stateChanged(facade, previous, status());
    }

    /** What the fetch says, handed to the engine thread. */
    private final class Heard implements MetadataListener {

        @Override
        public void metadataReceived(InfoHash infoHash, byte[] info) {
            context.thread().execute(() -> received(info));
        }

        @Override
        public void peersWanted() {
            AnnounceSession session = announce;
            if (session != null) {
                session.announceNow();
            }
        }
    }
}
