package dev.shoal.shell.internal.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.shoal.engine.api.PeerStatus;
import dev.shoal.engine.api.RateLimits;
import dev.shoal.engine.api.SeedGoal;
import dev.shoal.engine.api.TorrentState;
import dev.shoal.engine.api.TorrentStatus;
import dev.shoal.engine.api.TrackerInfo;
import dev.shoal.metainfo.InfoHash;
import dev.shoal.shell.internal.text.Table;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class ViewsTest {

    private static final InfoHash HASH = InfoHash.v1(new byte[20]);

    private static TorrentStatus status(String name, TorrentState state, long size, long verified, long down, long up,
            Optional<Duration> eta) {
        return new TorrentStatus(HASH, name, state, Optional.empty(), size, verified, 100, (int) (100 * verified / size),
                40, verified, up * 60, 0, down, up, eta, 7, 2, Duration.ofMinutes(5),
                List.of(new TrackerInfo("http://tracker.example/announce", true, Optional.empty(), 50)));
    }

    @Test
    void listRowsCarryEveryColumn() {
        Table.Builder table = TorrentViews.listTable();
        TorrentViews.addRow(table, 1, status("ubuntu-24.04.iso", TorrentState.DOWNLOADING, 6_000_000_000L,
                1_500_000_000L, 1_258_291, 0, Optional.of(Duration.ofSeconds(200))));
        TorrentViews.addRow(table, 12, status("debian", TorrentState.DOWNLOADING, 1000, 0, 0, 0, Optional.empty()));
        TorrentViews.addRow(table, 3, status("arch", TorrentState.PAUSED, 1000, 500, 0, 0, Optional.empty()));
        TorrentViews.addRow(table, 4, status("fedora", TorrentState.CHECKING, 1000, 500, 0, 0, Optional.empty()));
        assertEquals(List.of(
                "ID  NAME                 SIZE   DONE  STATE                DOWN  UP  PEERS  SEEDS  UPLOADED  RATIO    ETA",
                " 1  ubuntu-24.04.iso  5.6 GiB  25.0%  downloading     1.2 MiB/s   -      7      2       0 B   0.00  3m20s",
                "12  debian             1000 B   0.0%  downloading             -   -      7      2       0 B   0.00      ∞",
                " 3  arch               1000 B  50.0%  paused                  -   -      7      2       0 B   0.00      -",
                " 4  fedora             1000 B  50.0%  checking 40.0%          -   -      7      2       0 B   0.00      -"),
                table.build().lines());
    }

    @Test
    void goalsAndLimitsInWords() {
        assertEquals("ratio 1.00", TorrentViews.goal(SeedGoal.DEFAULT));
        assertEquals("forever", TorrentViews.goal(SeedGoal.FOREVER));
        assertEquals("ratio 2.50 or 12h of seeding",
                TorrentViews.goal(new SeedGoal(OptionalDouble.of(2.5), Optional.of(Duration.ofHours(12)))));
        assertEquals("1d of seeding", TorrentViews.goal(new SeedGoal(OptionalDouble.empty(), Optional.of(Duration.ofDays(1)))));
        assertEquals("down 500 KiB/s, up unlimited", TorrentViews.limits(new RateLimits(512_000, 0)));
    }

    @Test
    void infoHasOneFieldPerLine() {
        TorrentStatus s = new TorrentStatus(HASH, "ubuntu", TorrentState.ERROR, Optional.of("disk full"), 2048, 1024,
                2, 1, 0, 4096, 1024, 512, 0, 0, Optional.empty(), 0, 0, Duration.ZERO, List.of());
        List<String> lines = TorrentViews.info(5, HASH.hex(), s, 1024, 2, "/data", SeedGoal.DEFAULT,
                RateLimits.UNLIMITED).lines();
        assertEquals(List.of(
                "Id:           5",
                "Name:         ubuntu",
                "Info hash:    " + HASH.hex(),
                "State:        error: disk full",
                "Queue:        #2",
                "Directory:    /data",
                "Size:         2.0 KiB in 2 pieces of 1.0 KiB",
                "Done:         50.0% (1/2 pieces, 1.0 KiB)",
                "Downloaded:   4.0 KiB (512 B wasted)",
                "Uploaded:     1.0 KiB (ratio 0.50)",
                "Rates:        down -, up -",
                "Peers:        0 (0 seeds)",
                "ETA:          -",
                "Seeding time: 0s",
                "Seed goal:    ratio 1.00",
                "Limits:       down unlimited, up unlimited",
                "Trackers:     0 (shoal:trackers 5)"), lines);
    }

    @Test
    void peersAndTrackers() throws Exception {
        PeerStatus peer = new PeerStatus(new InetSocketAddress(InetAddress.getByName("::1"), 6881), "-TR3000-", true,
                0.5, 2048, 0, 1 << 20, 0, false, true, true, false, "tracker");
        PeerStatus pex = new PeerStatus(new InetSocketAddress("10.0.0.2", 51413), "-qB4000-", true, 1, 0, 0, 0, 0,
                true, true, false, false, "pex");
        PeerStatus in = new PeerStatus(new InetSocketAddress("10.0.0.3", 40000), "-lt0D00-", false, 0, 0, 0, 0, 0,
                true, true, false, false, "incoming", true);
        PeerStatus old = new PeerStatus(new InetSocketAddress("10.0.0.4", 6881), "-DE2000-", true, 0, 0, 0, 0, 0,
                true, true, false, false);
        assertEquals(List.of(
                "ADDRESS         CLIENT    FLAGS  SOURCE      HAS       DOWN  UP  DOWNLOADED  UPLOADED",
                "[::1]:6881      -TR3000-  DuO    tracker   50.0%  2.0 KiB/s   -     1.0 MiB       0 B",
                "10.0.0.2:51413  -qB4000-  dO     pex        100%          -   -         0 B       0 B",
                "10.0.0.3:40000  -lt0D00-  dEI    incoming   0.0%          -   -         0 B       0 B",
                "10.0.0.4:6881   -DE2000-  dO     unknown    0.0%          -   -         0 B       0 B",
                "10.0.0.5:6881   -TR3000-  dO     tracker    0.0%          -   -         0 B       0 B",
                "",
                "sources: tracker 2, incoming 1, pex 1, unknown 1"),
                DetailViews.peers(List.of(peer, pex, in, old, new PeerStatus(new InetSocketAddress("10.0.0.5", 6881),
                        "-TR3000-", true, 0, 0, 0, 0, 0, true, true, false, false, "tracker"))).lines());
        assertEquals(List.of(
                "URL                STATUS       PEERS  MESSAGE",
                "udp://t.example:1  not working      0  timed out"),
                DetailViews.trackers(List.of(new TrackerInfo("udp://t.example:1", false, Optional.of("timed out"), 0)))
                        .lines());
    }
}
