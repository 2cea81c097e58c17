package dev.shoal.metainfo.internal.write;

import dev.shoal.bencode.BInteger;
import dev.shoal.bencode.BList;
import dev.shoal.bencode.BString;
import dev.shoal.bencode.BValue;
import dev.shoal.bencode.BencodeEncoder;
import dev.shoal.metainfo.Metainfo;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Writes a torrent file around an info dictionary given as bytes. The info bytes go in as they
 * are, never re-encoded, so a torrent written back keeps its info-hash even when the original
 * info dictionary was not canonical.
 */
public final class TorrentWriter {

    private TorrentWriter() {
    }

    /** The keys outside the info dictionary, as BEP 3, 12 and 19 lay them out. */
    public static Map<String, BValue> outerKeys(List<List<String>> trackers, List<String> webSeeds,
            Optional<String> comment, Optional<String> createdBy, Optional<Instant> creationDate) {
        Map<String, BValue> keys = new LinkedHashMap<>();
        if (!trackers.isEmpty()) {
            keys.put("announce", BString.of(trackers.get(0).get(0)));
            boolean several = trackers.size() > 1 || trackers.get(0).size() > 1;
            if (several) {
                List<BValue> tiers = new ArrayList<>();
                for (List<String> tier : trackers) {
                    tiers.add(BList.of(tier.stream().map(BString::of).toList()));
                }
                keys.put("announce-list", BList.of(tiers));
            }
        }
        if (webSeeds.size() == 1) {
            keys.put("url-list", BString.of(webSeeds.get(0)));
        } else if (!webSeeds.isEmpty()) {
            keys.put("url-list", BList.of(webSeeds.stream().map(BString::of).toList()));
        }
        comment.ifPresent(text -> keys.put("comment", BString.of(text)));
        createdBy.ifPresent(text -> keys.put("created by", BString.of(text)));
        creationDate.ifPresent(date -> keys.put("creation date", BInteger.of(date.getEpochSecond())));
        return keys;
    }

    /** The torrent file for {@code metainfo}. */
    public static byte[] write(Metainfo metainfo) {
        return write(outerKeys(metainfo.trackers(), metainfo.webSeeds(), metainfo.comment(), metainfo.createdBy(),
                metainfo.creationDate()), metainfo.rawInfo());
    }

    /** A dictionary of {@code outer} plus 'info' holding {@code rawInfo} verbatim, keys in bencode order. */
    public static byte[] write(Map<String, BValue> outer, byte[] rawInfo) {
        TreeMap<BString, byte[]> sorted = new TreeMap<>();
        outer.forEach((key, value) -> sorted.put(BString.of(key), BencodeEncoder.encode(value)));
        sorted.put(BString.of("info"), rawInfo);
        ByteArrayOutputStream out = new ByteArrayOutputStream(rawInfo.length + 1024);
        out.write('d');
        sorted.forEach((key, value) -> {
            out.writeBytes(BencodeEncoder.encode(key));
            out.writeBytes(value);
        });
        out.write('e');
        return out.toByteArray();
    }
}
