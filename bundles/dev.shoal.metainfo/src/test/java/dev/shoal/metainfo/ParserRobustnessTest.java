package dev.shoal.metainfo;

import static dev.shoal.metainfo.Torrents.file;
import static dev.shoal.metainfo.Torrents.multiInfo;
import static dev.shoal.metainfo.Torrents.torrent;
import static dev.shoal.metainfo.Torrents.v2Info;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Damaged torrents are refused with an InvalidTorrentException, never another exception: the
 * parser sees files from anywhere.
 */
class ParserRobustnessTest {

    static final List<byte[]> SEEDS = List.of(
            torrent(multiInfo("d", file(1000, "a", "b"), file(0, "c"), file(20_000, "e"))),
            torrent(V2ParseTest.hybridInfo(V2ParseTest.albumTree(), file(100_000, "a.txt"),
                    Torrents.padFile(7L * Torrents.PIECE - 100_000), file(5, "sub", "b.bin"), file(0, "zero"))),
            torrent(v2Info("album", V2ParseTest.albumTree())));

    @Property(tries = 2000)
    void mutatedTorrentsFailCleanly(@ForAll("seeds") byte[] seed, @ForAll @IntRange(min = 1, max = 8) int edits,
            @ForAll("positions") List<Integer> positions, @ForAll("bytes") List<Byte> values) {
        byte[] mutated = Arrays.copyOf(seed, seed.length);
        for (int i = 0; i < edits && i < positions.size() && i < values.size(); i++) {
            mutated[positions.get(i) % mutated.length] = values.get(i);
        }
        parse(mutated);
    }

    @Property(tries = 500)
    void truncatedTorrentsFailCleanly(@ForAll("seeds") byte[] seed, @ForAll @IntRange(min = 0, max = 100_000) int cut) {
        parse(Arrays.copyOf(seed, cut % seed.length));
    }

    private static void parse(byte[] bytes) {
        for (PathPolicy policy : PathPolicy.values()) {
            try {
                Metainfo.parse(bytes, ParseOptions.DEFAULT.withPathPolicy(policy));
            } catch (InvalidTorrentException e) {
                assertFalse(e.getMessage().contains("\n"), e.getMessage());
            }
        }
    }

    @Provide
    Arbitrary<byte[]> seeds() {
        return Arbitraries.of(SEEDS);
    }

    @Provide
    Arbitrary<List<Integer>> positions() {
        return Arbitraries.integers().between(0, Integer.MAX_VALUE).list().ofSize(8);
    }

    @Provide
    Arbitrary<List<Byte>> bytes() {
        Arbitrary<Byte> interesting = Arbitraries.of((byte) 'd', (byte) 'l', (byte) 'i', (byte) 'e', (byte) ':',
                (byte) '0', (byte) '9', (byte) '-', (byte) 0, (byte) '/', (byte) '.');
        return Arbitraries.oneOf(interesting, Arbitraries.bytes()).list().ofSize(8);
    }
}
