package dev.shoal.shell.internal.view;

import dev.shoal.engine.api.FileStatus;
import dev.shoal.engine.api.PeerStatus;
import dev.shoal.engine.api.TrackerInfo;
import dev.shoal.shell.internal.text.Cells;
import dev.shoal.shell.internal.text.Report;
import dev.shoal.shell.internal.text.Table.Column;
import dev.shoal.shell.internal.text.Table;
import dev.shoal.support.net.Addresses;
import dev.shoal.support.text.Shares;
import dev.shoal.support.text.Sizes;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** A torrent's files, peers and trackers as tables. File numbers are the engine's indexes plus one. */
public final class DetailViews {

    private DetailViews() {
    }

    public static Table files(List<FileStatus> files) {
        Table.Builder table = Table.of(Column.right("#"), Column.left("PRIORITY"), Column.right("DONE"), Column.right("SIZE"),
                Column.left("PATH", 300));
        for (FileStatus f : files) {
            table.row(f.index() + 1, f.priority().name().toLowerCase(Locale.ROOT),
                    Shares.percent(f.progress()), Sizes.of(f.size()), f.path());
        }
        return table.build();
    }

    /** The peers, then how many came from each source, the most first. */
    public static Report peers(List<PeerStatus> peers) {
        Table.Builder table = Table.of(Column.left("ADDRESS"), Column.left("CLIENT", 24), Column.left("FLAGS"),
                Column.left("SOURCE", 24), Column.right("HAS"), Column.right("DOWN"), Column.right("UP"),
                Column.right("DOWNLOADED"), Column.right("UPLOADED"));
        Map<String, Integer> bySource = new TreeMap<>();
        for (PeerStatus p : peers) {
            table.row(Addresses.format(p.address()), p.client(), p.flags(), p.source(), Shares.percent(p.progress()),
                    Cells.rate(p.downloadRate()), Cells.rate(p.uploadRate()), Sizes.of(p.downloaded()),
                    Sizes.of(p.uploaded()));
            bySource.merge(p.source(), 1, Integer::sum);
        }
        String counts = bySource.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
        return new Report(table.build(), List.of("sources: " + counts));
    }

    public static Table trackers(List<TrackerInfo> trackers) {
        Table.Builder table = Table.of(Column.left("URL", 80), Column.left("STATUS"), Column.right("PEERS"),
                Column.left("MESSAGE", 120));
        for (TrackerInfo t : trackers) {
            table.row(t.url(), t.working() ? "working" : "not working", t.peers(), t.message().orElse(""));
        }
        return table.build();
    }
}
