package dev.shoal.rpc.internal;

import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shoal.engine.api.FilePriority;
import dev.shoal.engine.api.FileStatus;
import dev.shoal.engine.api.PeerStatus;
import dev.shoal.engine.api.TorrentState;
import dev.shoal.metainfo.Metainfo;
import dev.shoal.support.net.Addresses;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The {@code torrent-get} fields Shoal answers truthfully from the engine API, by any spelling of
 * their names. A field it cannot answer (piece availability, partial pieces' bytes, corrupt bytes apart
 * from duplicates, ...) is left out of the answer, as Transmission leaves out keys it does not know; so is one whose value is null
 * here (a setting that cannot be read now).
 */
final class TorrentFields {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** {@code tr_stat_errtype}: none, and a local error (the engine's failures are all local: disk, data). */
    private static final int ERROR_NONE = 0;
    private static final int ERROR_LOCAL = 3;

    /** {@code tr_ratiolimit}: the torrent's own ratio, or unlimited. */
    private static final int RATIO_SINGLE = 1;
    private static final int RATIO_UNLIMITED = 2;

    private static final Map<String, Function<TorrentView, JsonNode>> FIELDS = new HashMap<>();

    static {
        field("id", v -> JSON.numberNode(v.torrent().id()));
        field("hashString", v -> JSON.textNode(v.torrent().infoHash().hex()));
        field("name", v -> JSON.textNode(v.status().name()));
        field("status", v -> JSON.numberNode(v.activity()));
        field("totalSize", v -> JSON.numberNode(v.status().size()));
        field("sizeWhenDone", v -> JSON.numberNode(v.sizeWhenDone()));
        field("leftUntilDone", v -> JSON.numberNode(v.leftUntilDone()));
        field("percentDone", v -> JSON.numberNode(v.percentDone()));
        field("percentComplete", v -> JSON.numberNode(v.status().progress()));
        field("haveValid", v -> JSON.numberNode(v.status().verifiedBytes()));
        field("metadataPercentComplete",
                v -> JSON.numberNode(v.status().metadata().map(m -> m.progress()).orElse(1.0)));
        field("recheckProgress", v -> JSON.numberNode(v.status().state() == TorrentState.CHECKING
                && v.status().pieces() > 0 ? (double) v.status().checkedPieces() / v.status().pieces() : 0.0));
        field("rateDownload", v -> JSON.numberNode(v.status().downloadRate()));
        field("rateUpload", v -> JSON.numberNode(v.status().uploadRate()));
        field("eta", v -> JSON.numberNode(v.eta()));
        field("peersConnected", v -> JSON.numberNode(v.status().peers()));
        field("peersSendingToUs", v -> JSON.numberNode(v.peers().stream().filter(p -> p.downloadRate() > 0).count()));
        field("peersGettingFromUs", v -> JSON.numberNode(v.peers().stream().filter(p -> p.uploadRate() > 0).count()));
        field("uploadedEver", v -> JSON.numberNode(v.status().uploaded()));
        field("downloadedEver", v -> JSON.numberNode(v.status().downloaded()));
        field("uploadRatio", v -> JSON.numberNode(v.uploadRatio()));
        field("seedRatioLimit", v -> JSON.numberNode(v.torrent().seedGoal().ratio().orElse(0.0)));
        field("seedRatioMode", v -> JSON.numberNode(v.torrent().seedGoal().ratio().isPresent() ? RATIO_SINGLE
                : RATIO_UNLIMITED));
        field("secondsSeeding", v -> JSON.numberNode(v.status().seedingTime().toSeconds()));
        field("downloadDir", v -> JSON.textNode(v.torrent().downloadDirectory().toString()));
        field("error", v -> JSON.numberNode(v.status().state() == TorrentState.ERROR ? ERROR_LOCAL : ERROR_NONE));
        field("errorString", v -> JSON.textNode(v.status().state() == TorrentState.ERROR
                ? v.status().error().orElse("error") : ""));
        field("isFinished", v -> JSON.booleanNode(v.status().state() == TorrentState.FINISHED));
        field("isPrivate", v -> JSON.booleanNode(v.metainfo().map(Metainfo::isPrivate).orElse(false)));
        field("queuePosition", v -> JSON.numberNode(v.queuePosition() - 1));
        field("downloadLimit", v -> JSON.numberNode(Units.toKilo(v.torrent().rateLimits().downloadBytesPerSecond())));
        field("downloadLimited", v -> JSON.booleanNode(v.torrent().rateLimits().downloadBytesPerSecond() > 0));
        field("uploadLimit", v -> JSON.numberNode(Units.toKilo(v.torrent().rateLimits().uploadBytesPerSecond())));
        field("uploadLimited", v -> JSON.booleanNode(v.torrent().rateLimits().uploadBytesPerSecond() > 0));
        field("magnetLink", v -> JSON.textNode(v.metainfo().map(m -> m.toMagnetLink().toString())
                .orElseGet(() -> "magnet:?xt=urn:btih:" + v.torrent().infoHash().hex())));
        field("fileCount", v -> JSON.numberNode(v.files().size()));
        field("pieceCount", v -> JSON.numberNode(v.status().pieces()));
        field("pieceSize", v -> JSON.numberNode(v.metainfo().map(Metainfo::pieceLength).orElse(0)));
        field("pieces", TorrentFields::pieces);
        field("comment", v -> JSON.textNode(v.metainfo().flatMap(Metainfo::comment).orElse("")));
        field("creator", v -> JSON.textNode(v.metainfo().flatMap(Metainfo::createdBy).orElse("")));
        field("dateCreated", v -> JSON.numberNode(v.metainfo().flatMap(Metainfo::creationDate)
                .map(i -> i.getEpochSecond()).orElse(0L)));
        field("files", TorrentFields::files);
        field("fileStats", TorrentFields::fileStats);
        field("priorities", v -> list(v.files(), f -> JSON.numberNode(TorrentView.priority(f.priority()))));
        field("wanted", v -> list(v.files(), f -> JSON.booleanNode(f.priority() != FilePriority.SKIP)));
        field("peers", TorrentFields::peers);
        field("trackers", TrackerFields::trackers);
        field("trackerStats", TrackerFields::trackerStats);
        field("trackerList", v -> JSON.textNode(TrackerEdits.formatList(v.torrent().trackers())));
        field("addedDate", v -> JSON.numberNode(v.dates().added().getEpochSecond()));
        field("doneDate", v -> JSON.numberNode(v.dates().done().map(Instant::getEpochSecond).orElse(0L)));
        field("activityDate", v -> JSON.numberNode(v.dates().active().map(Instant::getEpochSecond).orElse(0L)));
        field("secondsDownloading", v -> JSON.numberNode(v.dates().downloading().toSeconds()));
        field("labels", v -> list(v.torrent().labels(), JSON::textNode));
        field("seedIdleLimit", v -> JSON.numberNode(v.torrent().idleLimit().limit().toMinutes()));
        field("seedIdleMode", v -> JSON.numberNode(IdleModes.toRpc(v.torrent().idleLimit().mode())));
        // Shoal's queue never sets a torrent aside as stalled (Transmission's queue-stalled-enabled off).
        field("isStalled", v -> JSON.booleanNode(false));
        field("peersFrom", TorrentFields::peersFrom);
        field("peer-limit", v -> v.scope().peerLimit().<JsonNode>map(JSON::numberNode).orElse(null));
        field("maxConnectedPeers", v -> v.scope().peerLimit().<JsonNode>map(JSON::numberNode).orElse(null));
        // Shoal has no bandwidth priorities (every torrent is normal), no sequential mode, no web seed
        // downloads, and the session's limits bind every torrent.
        field("bandwidthPriority", v -> JSON.numberNode(0));
        field("sequentialDownload", v -> JSON.booleanNode(false));
        field("webseedsSendingToUs", v -> JSON.numberNode(0));
        field("honorsSessionLimits", v -> JSON.booleanNode(true));
        field("webseeds", v -> list(v.metainfo().map(Metainfo::webSeeds).orElse(List.of()), JSON::textNode));
        field("editDate", v -> JSON.numberNode(v.torrent().edited().map(Instant::getEpochSecond).orElse(0L)));
        field("startDate", v -> JSON.numberNode(v.torrent().started().map(Instant::getEpochSecond).orElse(0L)));
        field("torrentFile", v -> JSON.textNode(v.torrent().torrentFile().map(Object::toString).orElse("")));
        field("primary-mime-type", v -> JSON.textNode(MimeTypes.primary(v.files())));
        // Shoal has no bandwidth groups: every torrent is in none, as Transmission says "".
        field("group", v -> JSON.textNode(""));
    }

    private TorrentFields() {
    }

    private static void field(String name, Function<TorrentView, JsonNode> value) {
        FIELDS.put(Names.key(name), value);
    }

    /**
     * One field asked for: the name as the client spelt it (also quoted and encoded once, for writing it
     * before each torrent's value), and how to answer it for a torrent.
     */
    record Field(String name, SerializedString key, Function<TorrentView, JsonNode> value) {

        Field(String name, Function<TorrentView, JsonNode> value) {
            this(name, new SerializedString(name), value);
        }
    }

    /**
     * The fields asked for that Shoal answers, in the order asked, each spelling once; resolved once
     * per request so that answering many torrents does not look each name up again for each.
     */
    static List<Field> resolve(List<String> asked) {
        List<Field> fields = new ArrayList<>();
        for (String name : new LinkedHashSet<>(asked)) {
            Function<TorrentView, JsonNode> value = FIELDS.get(Names.key(name));
            if (value != null) {
                fields.add(new Field(name, value));
            }
        }
        return fields;
    }

    private static <T> ArrayNode list(List<T> items, Function<T, JsonNode> each) {
        ArrayNode array = JSON.arrayNode(items.size());
        items.forEach(item -> array.add(each.apply(item)));
        return array;
    }

    /** A bitfield, first piece in the high bit of the first byte (as the wire's bitfield), base64. */
    private static JsonNode pieces(TorrentView view) {
        int count = view.status().pieces();
        BitSet verified = view.torrent().verifiedPieces();
        byte[] bits = new byte[(count + 7) / 8];
        for (int i = verified.nextSetBit(0); i >= 0 && i < count; i = verified.nextSetBit(i + 1)) {
            bits[i >>> 3] |= (byte) (0x80 >>> (i & 7));
        }
        return JSON.textNode(Base64.getEncoder().encodeToString(bits));
    }

    private static JsonNode files(TorrentView view) {
        return list(view.files(), f -> {
            ObjectNode file = JSON.objectNode();
            file.put("bytesCompleted", f.verifiedBytes());
            file.put("length", f.size());
            file.put("name", view.fileName(f));
            return file;
        });
    }

    private static JsonNode fileStats(TorrentView view) {
        return list(view.files(), (FileStatus f) -> {
            ObjectNode file = JSON.objectNode();
            file.put("bytesCompleted", f.verifiedBytes());
            file.put("wanted", f.priority() != FilePriority.SKIP);
            file.put("priority", TorrentView.priority(f.priority()));
            return file;
        });
    }

    private static JsonNode peers(TorrentView view) {
        return list(view.peers(), (PeerStatus p) -> {
            ObjectNode peer = JSON.objectNode();
            peer.put("address", p.address().getAddress() == null ? p.address().getHostString()
                    : Addresses.host(p.address().getAddress()));
            peer.put("port", p.address().getPort());
            peer.put("clientName", p.client());
            peer.put("clientIsChoked", p.chokingUs());
            peer.put("peerIsChoked", p.choked());
            peer.put("peerIsInterested", p.interested());
            peer.put("flagStr", p.flags());
            peer.put("isDownloadingFrom", p.downloadRate() > 0);
            peer.put("isUploadingTo", p.uploadRate() > 0);
            peer.put("isIncoming", !p.outgoing());
            peer.put("isEncrypted", p.encrypted());
            peer.put("progress", p.progress());
            peer.put("rateToClient", p.downloadRate());
            peer.put("rateToPeer", p.uploadRate());
            return peer;
        });
    }

    /** Transmission's buckets of peer sources; a peer named by a magnet link or of no known source is in none. */
    private static final Map<String, String> PEERS_FROM = Map.of("tracker", "fromTracker", "dht", "fromDht",
            "pex", "fromPex", "incoming", "fromIncoming", "lsd", "fromLpd");

    private static JsonNode peersFrom(TorrentView view) {
        ObjectNode from = JSON.objectNode();
        for (String key : List.of("fromCache", "fromDht", "fromIncoming", "fromLpd", "fromLtep", "fromPex",
                "fromTracker")) {
            from.put(key, 0);
        }
        for (PeerStatus peer : view.peers()) {
            String key = PEERS_FROM.get(peer.source());
            if (key != null) {
                from.put(key, from.get(key).intValue() + 1);
            }
        }
        return from;
    }
}
