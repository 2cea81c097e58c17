package dev.shoal.metainfo.internal.parse;

import dev.shoal.bencode.BDictionary;
import dev.shoal.bencode.BList;
import dev.shoal.bencode.BString;
import dev.shoal.bencode.BValue;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Trackers (BEP 3 'announce', BEP 12 'announce-list') and web seeds (BEP 19 'url-list').
 * These keys sit outside the info dictionary and are often sloppy in real files, so oddities
 * are warnings, not errors: a torrent with no usable tracker still works through DHT.
 */
final class Trackers {

    private Trackers() {
    }

    /** 'announce-list' when it yields any URL, otherwise 'announce' alone; no empty tiers, no repeats. */
    static List<List<String>> tiers(BDictionary root, List<String> warnings) {
        Set<String> seen = new LinkedHashSet<>();
        List<List<String>> tiers = new ArrayList<>();
        Optional<BValue> list = root.get("announce-list");
        if (list.isPresent() && !(list.get() instanceof BList)) {
            warnings.add("announce-list is not a list; ignored");
        } else if (list.isPresent()) {
            for (BValue tier : ((BList) list.get()).values()) {
                List<String> urls = new ArrayList<>();
                if (tier instanceof BString) {
                    warnings.add("announce-list holds a URL outside a tier; read as a tier of its own");
                    addUrl((BString) tier, seen, urls);
                } else if (tier instanceof BList) {
                    for (BValue url : ((BList) tier).values()) {
                        if (url instanceof BString) {
                            addUrl((BString) url, seen, urls);
                        } else {
                            warnings.add("announce-list holds a tracker that is not a string; skipped");
                        }
                    }
                } else {
                    warnings.add("announce-list holds a tier that is not a list; skipped");
                }
                if (!urls.isEmpty()) {
                    tiers.add(List.copyOf(urls));
                }
            }
        }
        if (!tiers.isEmpty()) {
            return tiers;
        }
        Optional<BValue> announce = root.get("announce");
        if (announce.isPresent() && announce.get() instanceof BString) {
            List<String> urls = new ArrayList<>();
            addUrl((BString) announce.get(), seen, urls);
            return urls.isEmpty() ? List.of() : List.of(List.copyOf(urls));
        }
        if (announce.isPresent()) {
            warnings.add("announce is not a string; ignored");
        }
        return List.of();
    }

    /** 'url-list' as one string or a list of strings. */
    static List<String> webSeeds(BDictionary root, List<String> warnings) {
        Optional<BValue> value = root.get("url-list");
        Set<String> seen = new LinkedHashSet<>();
        List<String> urls = new ArrayList<>();
        if (value.isEmpty()) {
            return urls;
        }
        if (value.get() instanceof BString) {
            addUrl((BString) value.get(), seen, urls);
        } else if (value.get() instanceof BList) {
            for (BValue url : ((BList) value.get()).values()) {
                if (url instanceof BString) {
                    addUrl((BString) url, seen, urls);
                } else {
                    warnings.add("url-list holds a web seed that is not a string; skipped");
                }
            }
        } else {
            warnings.add("url-list is neither a string nor a list; ignored");
        }
        return urls;
    }

    private static void addUrl(BString raw, Set<String> seen, List<String> urls) {
        String url = raw.asString().strip();
        if (!url.isEmpty() && seen.add(url)) {
            urls.add(url);
        }
    }
}
