package dev.shoal.metainfo.internal.magnet;

import dev.shoal.metainfo.InfoHash;
import dev.shoal.metainfo.InvalidMagnetException;
import dev.shoal.metainfo.MagnetLink;
import dev.shoal.metainfo.MagnetLink.PeerAddress;
import dev.shoal.metainfo.TorrentVersion;
import dev.shoal.metainfo.internal.text.Percent;
import dev.shoal.metainfo.internal.text.Quote;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SortedSet;

/** Reads a {@code magnet:?} link into a {@link MagnetLink}. */
public final class MagnetParser {

    /** Far above any real link (even with hundreds of trackers); bounds the work on hostile input. */
    static final int MAX_LENGTH = 256 * 1024;

    private static final String SCHEME = "magnet:";
    private static final String BTIH = "urn:btih:";
    private static final String BTMH = "urn:btmh:";

    private Optional<InfoHash> v1 = Optional.empty();
    private Optional<InfoHash> v2 = Optional.empty();
    private Optional<String> displayName = Optional.empty();
    private final List<String> trackers = new ArrayList<>();
    private final List<String> webSeeds = new ArrayList<>();
    private final List<PeerAddress> peers = new ArrayList<>();
    private SortedSet<Integer> selectOnly = IndexSet.empty();

    private MagnetParser() {
    }

    public static MagnetLink parse(String link) throws InvalidMagnetException {
        String text = link.strip();
        if (text.length() > MAX_LENGTH) {
            throw new InvalidMagnetException("magnet link is longer than " + MAX_LENGTH + " characters");
        }
        if (!text.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
                || text.length() == SCHEME.length() || text.charAt(SCHEME.length()) != '?') {
            throw new InvalidMagnetException("not a magnet link: it must start with \"magnet:?\"");
        }
        MagnetParser parser = new MagnetParser();
        for (String parameter : text.substring(SCHEME.length() + 1).split("&")) {
            int equals = parameter.indexOf('=');
            if (equals > 0) {
                parser.parameter(baseKey(parameter.substring(0, equals)), parameter.substring(equals + 1));
            }
        }
        if (parser.v1.isEmpty() && parser.v2.isEmpty()) {
            throw new InvalidMagnetException("magnet link has no xt=urn:btih or urn:btmh");
        }
        return new MagnetLink(parser.v1, parser.v2, parser.displayName, parser.trackers, parser.webSeeds,
                parser.peers, parser.selectOnly);
    }

    /** BEP 9 allows numbered repeats such as xt.1 and tr.2; they mean the same as the bare key. */
    private static String baseKey(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        int dot = lower.lastIndexOf('.');
        if (dot > 0 && dot < lower.length() - 1 && lower.substring(dot + 1).chars().allMatch(Character::isDigit)) {
            return lower.substring(0, dot);
        }
        return lower;
    }

    private void parameter(String key, String raw) throws InvalidMagnetException {
        switch (key) {
            case "xt":
                exactTopic(decode(key, raw));
                break;
            case "dn":
                if (displayName.isEmpty()) {
                    displayName = Optional.of(decode(key, raw));
                }
                break;
            case "tr":
                addOnce(trackers, decode(key, raw));
                break;
            case "ws":
                addOnce(webSeeds, decode(key, raw));
                break;
            case "x.pe":
                try {
                    PeerAddress peer = PeerAddress.parse(decode(key, raw));
                    if (!peers.contains(peer)) {
                        peers.add(peer);
                    }
                } catch (IllegalArgumentException e) {
                    throw new InvalidMagnetException("bad peer address in x.pe: " + e.getMessage());
                }
                break;
            case "so":
                try {
                    selectOnly = SelectOnly.parse(decode(key, raw));
                } catch (IllegalArgumentException e) {
                    throw new InvalidMagnetException("bad file selection in so: " + e.getMessage());
                }
                break;
            default:
                // Unknown parameters are ignored, as BEP 9 expects of extensions.
                break;
        }
    }

    private void exactTopic(String value) throws InvalidMagnetException {
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.startsWith(BTIH)) {
            String hash = value.substring(BTIH.length());
            InfoHash parsed;
            try {
                parsed = hash.length() == 32 ? InfoHash.fromBase32(hash) : InfoHash.fromHex(hash);
            } catch (IllegalArgumentException e) {
                throw new InvalidMagnetException("bad info-hash in xt: " + e.getMessage());
            }
            if (parsed.version() != TorrentVersion.V1) {
                throw new InvalidMagnetException("bad info-hash in xt: urn:btih takes a 20-byte SHA-1 hash");
            }
            v1 = merge(v1, parsed, "v1");
        } else if (lower.startsWith(BTMH)) {
            try {
                v2 = merge(v2, InfoHash.fromMultihash(lower.substring(BTMH.length())), "v2");
            } catch (IllegalArgumentException e) {
                throw new InvalidMagnetException("bad info-hash in xt: " + e.getMessage());
            }
        }
        // Other topics (urn:sha1, urn:ed2k...) belong to other networks.
    }

    private static Optional<InfoHash> merge(Optional<InfoHash> known, InfoHash found, String version)
            throws InvalidMagnetException {
        if (known.isPresent() && !known.get().equals(found)) {
            throw new InvalidMagnetException("magnet link has two different " + version + " info-hashes");
        }
        return Optional.of(found);
    }

    private static String decode(String key, String raw) throws InvalidMagnetException {
        try {
            return Percent.decode(raw);
        } catch (IllegalArgumentException e) {
            throw new InvalidMagnetException("bad percent-encoding in " + key + " " + Quote.of(raw) + ": "
                    + e.getMessage());
        }
    }

    private static void addOnce(List<String> list, String value) {
        if (!value.isEmpty() && !list.contains(value)) {
            list.add(value);
        }
    }
}
