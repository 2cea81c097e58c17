package dev.shoal.engine.internal;

import dev.shoal.bencode.BDictionary;
import dev.shoal.bencode.BInteger;
import dev.shoal.bencode.BList;
import dev.shoal.bencode.BString;
import dev.shoal.bencode.BValue;
import dev.shoal.bencode.BencodeDecoder;
import dev.shoal.bencode.BencodeEncoder;
import dev.shoal.bencode.BencodeException;
import dev.shoal.bencode.DecoderLimits;
import dev.shoal.engine.api.FilePriority;
import dev.shoal.engine.api.RateLimits;
import dev.shoal.engine.api.SeedGoal;
import dev.shoal.engine.api.TorrentState;
import dev.shoal.metainfo.InfoHash;
import dev.shoal.metainfo.InvalidMagnetException;
import dev.shoal.metainfo.MagnetLink;
import dev.shoal.storage.api.PieceSet;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The bencoded forms of a {@link TorrentRecord} and of the {@link Session}. Decoding is strict about
 * what it needs (a wrong type or a missing key makes the record unreadable, one line says why) and
 * ignores keys it does not know, so a later version may add some.
 *
 * <pre>
 * torrent: {"format": "shoal-torrent", "version": 1, "id": 7, "info-hash": hex, "download directory": path,
 *           "state": "queued"|"paused"|"finished"|"error", "error": text?, "seed ratio": "1.5"|"",
 *           "seed seconds": n|-1, "download limit": n, "upload limit": n, "priorities": one byte per file,
 *           "piece count": n, "verified": bitfield, "downloaded": n, "uploaded": n, "wasted": n,
 *           "seeding ms": n, "added ms": n, "magnet": link?, "done ms": n?, "active ms": n?, "labels": [text]?,
 *           "idle mode": "global"|"own"|"none"?, "idle seconds": n?, "downloading ms": n?, "paths": [[text]]?}
 * (the keys from "done ms" on came later: a record without them has no dates, labels or renames, and the
 * global idle limit)
 * session: {"format": "shoal-session", "version": 1, "next id": n, "queue": [hex, ...]}
 * </pre>
 */
final class RecordCodec {

    /** Records are small; a torrent's verified bitfield is the largest part. */
    static final int MAX_BYTES = 16 << 20;
    private static final DecoderLimits LIMITS = new DecoderLimits(MAX_BYTES, 8, MAX_BYTES, 2_000_000);
    private static final String TORRENT_FORMAT = "shoal-torrent";
    private static final String SESSION_FORMAT = "shoal-session";
    private static final long VERSION = 1;

    /** The engine's own list: the next short id to give and the queue order. */
    record Session(int nextId, List<InfoHash> queue) {

        Session {
            queue = List.copyOf(queue);
        }
    }

    private RecordCodec() {
    }

    static byte[] encode(TorrentRecord record) {
        byte[] priorities = new byte[record.priorities().size()];
        for (int i = 0; i < priorities.length; i++) {
            priorities[i] = (byte) record.priorities().get(i).ordinal();
        }
        BDictionary.Builder dict = BDictionary.builder()
                .put("format", TORRENT_FORMAT)
                .put("version", VERSION)
                .put("id", record.id())
                .put("info-hash", record.infoHash().hex())
                .put("download directory", record.downloadDirectory().toString())
                .put("state", record.state().name().toLowerCase(Locale.ROOT))
                .put("seed ratio", record.seedGoal().ratio().isPresent()
                        ? Double.toString(record.seedGoal().ratio().getAsDouble()) : "")
                .put("seed seconds", record.seedGoal().time().map(Duration::toSeconds).orElse(-1L))
                .put("download limit", record.rateLimits().downloadBytesPerSecond())
                .put("upload limit", record.rateLimits().uploadBytesPerSecond())
                .put("priorities", BString.of(priorities))
                .put("piece count", record.verified().pieceCount())
                .put("verified", BString.of(record.verified().toBytes()))
                .put("downloaded", record.transfer().downloaded())
                .put("uploaded", record.transfer().uploaded())
                .put("wasted", record.transfer().wasted())
                .put("seeding ms", record.seeding().toMillis())
                .put("added ms", record.added().toEpochMilli());
        record.error().ifPresent(error -> dict.put("error", error));
        record.magnet().ifPresent(magnet -> dict.put("magnet", magnet.toString()));
        RecordExtras.encode(record.extras(), dict);
        return BencodeEncoder.encode(dict.build());
    }

    /** @throws IllegalArgumentException with a one-line reason when the bytes are not a torrent record */
    static TorrentRecord decodeTorrent(byte[] bytes) {
        BDictionary dict = root(bytes, TORRENT_FORMAT);
        TorrentState state = state(text(dict, "state"));
        String ratio = text(dict, "seed ratio");
        long seconds = number(dict, "seed seconds");
        SeedGoal goal = new SeedGoal(ratio.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(ratio(ratio)),
                seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds)));
        byte[] levels = field(dict, "priorities", BString.class).bytes();
        List<FilePriority> priorities = new ArrayList<>(levels.length);
        for (byte level : levels) {
            if (level < 0 || level >= FilePriority.values().length) {
                throw new IllegalArgumentException("no such file priority: " + level);
            }
            priorities.add(FilePriority.values()[level]);
        }
        long pieceCount = number(dict, "piece count");
        if (pieceCount > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("piece count out of range: " + pieceCount);
        }
        return new TorrentRecord(intNumber(dict, "id"), infoHash(text(dict, "info-hash")),
                path(text(dict, "download directory")), state,
                dict.get("error").map(value -> as(value, BString.class, "error").asString()), goal,
                new RateLimits(number(dict, "download limit"), number(dict, "upload limit")), priorities,
                new PieceSet((int) pieceCount, field(dict, "verified", BString.class).bytes()),
                new Transfer.Counts(number(dict, "downloaded"), number(dict, "uploaded"), number(dict, "wasted")),
                Duration.ofMillis(number(dict, "seeding ms")), Instant.ofEpochMilli(number(dict, "added ms")),
                dict.get("magnet").map(value -> magnet(as(value, BString.class, "magnet").asString())),
                RecordExtras.decode(dict));
    }

    static byte[] encode(Session session) {
        List<BValue> queue = new ArrayList<>(session.queue().size());
        session.queue().forEach(hash -> queue.add(BString.of(hash.hex())));
        return BencodeEncoder.encode(BDictionary.builder()
                .put("format", SESSION_FORMAT)
                .put("version", VERSION)
                .put("next id", session.nextId())
                .put("queue", BList.of(queue))
                .build());
    }

    /** @throws IllegalArgumentException with a one-line reason when the bytes are not a session */
    static Session decodeSession(byte[] bytes) {
        BDictionary dict = root(bytes, SESSION_FORMAT);
        List<InfoHash> queue = new ArrayList<>();
        for (BValue value : field(dict, "queue", BList.class).values()) {
            queue.add(infoHash(as(value, BString.class, "a queue entry").asString()));
        }
        return new Session(intNumber(dict, "next id"), queue);
    }

    private static BDictionary root(byte[] bytes, String format) {
        BValue root;
        try {
            root = new BencodeDecoder(LIMITS).decode(bytes).value();
        } catch (BencodeException e) {
            throw new IllegalArgumentException("not bencode: " + e.getMessage(), e);
        }
        BDictionary dict = as(root, BDictionary.class, "the record");
        if (!format.equals(text(dict, "format")) || number(dict, "version") != VERSION) {
            throw new IllegalArgumentException("not " + format + " version " + VERSION);
        }
        return dict;
    }

    private static TorrentState state(String name) {
        for (TorrentState state : TorrentRecord.RESTORED_STATES) {
            if (state.name().toLowerCase(Locale.ROOT).equals(name)) {
                return state;
            }
        }
        throw new IllegalArgumentException("not a kept state: " + name);
    }

    private static MagnetLink magnet(String link) {
        try {
            return MagnetLink.parse(link);
        } catch (InvalidMagnetException e) {
            throw new IllegalArgumentException("not a magnet link: " + e.getMessage(), e);
        }
    }

    private static double ratio(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a seed ratio: " + text, e);
        }
    }

    private static InfoHash infoHash(String hex) {
        return InfoHash.fromHex(hex);
    }

    private static Path path(String text) {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("not a path here: " + text, e);
        }
    }

    private static String text(BDictionary dict, String key) {
        return field(dict, key, BString.class).asString();
    }

    private static long number(BDictionary dict, String key) {
        return field(dict, key, BInteger.class).value();
    }

    private static int intNumber(BDictionary dict, String key) {
        long value = number(dict, key);
        if (value < 0 || value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("'" + key + "' out of range: " + value);
        }
        return (int) value;
    }

    static <T extends BValue> T field(BDictionary dict, String key, Class<T> type) {
        return as(dict.get(key).orElseThrow(() -> new IllegalArgumentException("no '" + key + "'")), type,
                "'" + key + "'");
    }

    static <T extends BValue> T as(BValue value, Class<T> type, String what) {
        if (!type.isInstance(value)) {
            throw new IllegalArgumentException(what + " is not a " + type.getSimpleName());
        }
        return type.cast(value);
    }
}
