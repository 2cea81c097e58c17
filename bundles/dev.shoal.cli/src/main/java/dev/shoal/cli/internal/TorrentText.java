package dev.shoal.cli.internal;

import java.io.PrintWriter;
import java.util.List;

import dev.shoal.metainfo.FileEntry;
import dev.shoal.metainfo.MagnetLink;
import dev.shoal.metainfo.Metainfo;
import dev.shoal.metainfo.TorrentVersion;
import dev.shoal.support.text.Sizes;

/** {@code shoal info} for people: one labelled line per fact, lists indented below their label. */
final class TorrentText {

    private static final String LABEL = "%-15s%s%n";

    private TorrentText() {
    }

    static void print(Metainfo torrent, PrintWriter out) {
        out.printf(LABEL, "Name:", torrent.name());
        out.printf(LABEL, "Type:", type(torrent));
        torrent.infoHashV1().ifPresent(h -> out.printf(LABEL, "Info hash v1:", h.hex()));
        torrent.infoHashV2().ifPresent(h -> out.printf(LABEL, "Info hash v2:", h.hex()));
        out.printf(LABEL, "Total size:", Sizes.of(torrent.totalLength()) + " (" + torrent.totalLength() + " bytes)");
        out.printf(LABEL, "Piece size:", Sizes.of(torrent.pieceLength()) + " (" + torrent.pieceLength() + " bytes)");
        out.printf(LABEL, "Pieces:", torrent.pieceCount());
        out.printf(LABEL, "Private:", torrent.isPrivate() ? "yes" : "no");
        torrent.creationDate().ifPresent(d -> out.printf(LABEL, "Created on:", d));
        torrent.createdBy().ifPresent(c -> out.printf(LABEL, "Created by:", c));
        torrent.comment().ifPresent(c -> out.printf(LABEL, "Comment:", c));
        torrent.source().ifPresent(s -> out.printf(LABEL, "Source:", s));
        printTiers(torrent.trackers(), out);
        printList("Web seeds:", torrent.webSeeds(), out);
        List<FileEntry> files = torrent.files().stream().filter(f -> !f.isPadding()).toList();
        out.printf("Files (%d):%n", files.size());
        for (FileEntry file : files) {
            out.printf("  %10s  %s%n", Sizes.of(file.length()), file.relativePath());
        }
        for (String warning : torrent.warnings()) {
            out.printf(LABEL, "Warning:", warning);
        }
    }

    static void print(MagnetLink magnet, PrintWriter out) {
        out.printf(LABEL, "Magnet link:", magnet.displayName().orElse("(no name)"));
        magnet.infoHashV1().ifPresent(h -> out.printf(LABEL, "Info hash v1:", h.hex()));
        magnet.infoHashV2().ifPresent(h -> out.printf(LABEL, "Info hash v2:", h.hex()));
        printList("Trackers:", magnet.trackers(), out);
        printList("Web seeds:", magnet.webSeeds(), out);
        printList("Peers:", magnet.peers().stream().map(Object::toString).toList(), out);
        if (!magnet.selectOnly().isEmpty()) {
            out.printf(LABEL, "Files wanted:", magnet.selectOnly());
        }
    }

    private static String type(Metainfo torrent) {
        String layout = torrent.singleFile() ? "single file" : "multi-file";
        return torrent.version() == TorrentVersion.HYBRID ? "hybrid v1+v2, " + layout
                : torrent.version().name().toLowerCase(java.util.Locale.ROOT) + ", " + layout;
    }

    private static void printTiers(List<List<String>> tiers, PrintWriter out) {
        if (tiers.isEmpty()) {
            out.printf(LABEL, "Trackers:", "none");
            return;
        }
        out.println("Trackers:");
        for (int i = 0; i < tiers.size(); i++) {
            out.printf("  tier %d: %s%n", i + 1, String.join(", ", tiers.get(i)));
        }
    }

    private static void printList(String label, List<String> items, PrintWriter out) {
        if (items.isEmpty()) {
            return;
        }
        out.println(label);
        for (String item : items) {
            out.println("  " + item);
        }
    }

}
