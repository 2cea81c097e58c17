package dev.shoal.create.standalone;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.shoal.metainfo.CreateRequest;
import dev.shoal.metainfo.Metainfo;
import dev.shoal.test.support.Processes;
import dev.shoal.test.support.SystemProgram;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shoal and mktorrent must make the same info dictionary from the same files: same file order,
 * same keys, same hashes. Needs mktorrent on the PATH; skipped without it unless
 * SHOAL_REQUIRE_ALL_TESTS=1, when its absence fails the test.
 */
class MktorrentCompatibilityTest {

    @TempDir
    Path dir;

    @Test
    void sameInfoHashAsMktorrent() throws Exception {
        Path mktorrent = SystemProgram.require("mktorrent");

        Path root = dir.resolve("share");
        TestFiles.write(root.resolve("b/z.bin"), TestFiles.randomBytes(70_000, 1));
        TestFiles.write(root.resolve("b.txt"), TestFiles.randomBytes(1_234, 2));
        TestFiles.write(root.resolve("a/x"), TestFiles.randomBytes(100_000, 3));
        TestFiles.write(root.resolve(".hidden"), TestFiles.randomBytes(10, 4));
        TestFiles.write(root.resolve("Upper.dat"), TestFiles.randomBytes(33_000, 5));
        Path output = dir.resolve("out.torrent");

        Processes.run(List.of(mktorrent.toString(), "-l", "15", "-a", "http://t/announce", "-p",
                "-o", output.toString(), root.toString()), Duration.ofSeconds(60)).assertSuccess();

        Metainfo theirs = Metainfo.parse(Files.readAllBytes(output));
        Metainfo ours = new StandaloneTorrentCreator(2).create(CreateRequest.builder(root)
                .pieceLength(1 << 15).tracker("http://t/announce").privateFlag(true).build()).metainfo();
        assertEquals(theirs.files(), ours.files());
        assertEquals(theirs.infoHash(), ours.infoHash());
    }
}
