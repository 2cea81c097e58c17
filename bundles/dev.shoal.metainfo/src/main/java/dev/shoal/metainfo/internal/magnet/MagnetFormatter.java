package dev.shoal.metainfo.internal.magnet;

import dev.shoal.metainfo.MagnetLink;
import dev.shoal.metainfo.MagnetLink.PeerAddress;
import dev.shoal.metainfo.internal.text.Percent;

/** Writes a {@link MagnetLink} as a {@code magnet:?} URI, hashes first, every value percent-encoded. */
public final class MagnetFormatter {

    private MagnetFormatter() {
    }

    public static String format(MagnetLink link) {
        StringBuilder out = new StringBuilder("magnet:?");
        link.infoHashV1().ifPresent(hash -> append(out, "xt", "urn:btih:" + hash.hex(), false));
        link.infoHashV2().ifPresent(hash -> append(out, "xt", "urn:btmh:" + hash.multihash(), false));
        link.displayName().ifPresent(name -> append(out, "dn", name, true));
        link.trackers().forEach(tracker -> append(out, "tr", tracker, true));
        link.webSeeds().forEach(seed -> append(out, "ws", seed, true));
        for (PeerAddress peer : link.peers()) {
            append(out, "x.pe", peer.toString(), true);
        }
        if (!link.selectOnly().isEmpty()) {
            append(out, "so", IndexSet.copyOf(link.selectOnly()).toRanges(), false);
        }
        return out.toString();
    }

    private static void append(StringBuilder out, String key, String value, boolean encode) {
        if (out.charAt(out.length() - 1) != '?') {
            out.append('&');
        }
        out.append(key).append('=').append(encode ? Percent.encode(value) : value);
    }
}
