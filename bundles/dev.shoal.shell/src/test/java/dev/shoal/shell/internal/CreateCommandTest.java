package dev.shoal.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.create.standalone.StandaloneTorrentCreator;
import dev.shoal.metainfo.Metainfo;
import dev.shoal.shell.internal.args.ShellException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class CreateCommandTest {

    @TempDir
    Path dir;

    private GogoRig gogo;

    @BeforeEach
    void setUp() throws Exception {
        Path share = Files.createDirectories(dir.resolve("share/sub"));
        Files.write(share.resolve("a.bin"), new byte[100_000]);
        Files.writeString(dir.resolve("share/b.txt"), "hello");
        gogo = new GogoRig(dir).register(new CreateCommand(new StandaloneTorrentCreator(2), "Shoal test"));
    }

    @AfterEach
    void tearDown() {
        gogo.close();
    }

    @Test
    void createsATorrentOfAFolderBesideIt() throws Exception {
        String said = gogo.run("shoal:create share --tracker http://t1.example/announce --tracker udp://t2.example:6969"
                + " --private --piece-size 16K --comment 'for tests'");
        Metainfo m = Metainfo.parse(Files.readAllBytes(dir.resolve("share.torrent")));
        assertEquals("share", m.name());
        assertEquals(100_005, m.totalLength());
        assertEquals(16 * 1024, m.pieceLength());
        assertTrue(m.isPrivate());
        assertEquals(List.of(List.of("http://t1.example/announce"), List.of("udp://t2.example:6969")), m.trackers());
        assertEquals(Optional.of("for tests"), m.comment());
        assertEquals(Optional.of("Shoal test"), m.createdBy());
        assertEquals("created " + dir.resolve("share.torrent") + ": share, 97.7 KiB in 7 pieces of 16.0 KiB, info hash "
                + m.infoHash().hex(), said);
    }

    @Test
    void pathsStartAtTheSessionsDirectoryWhichCdChanges() throws Exception {
        gogo.run("cd share");
        assertEquals(dir.resolve("out/sub.torrent") + ": no such folder " + dir.resolve("out"),
                message("shoal:create sub --out ../out/sub.torrent"));
        Files.createDirectories(dir.resolve("out"));
        gogo.run("shoal:create sub --out ../out/sub.torrent");
        assertEquals("sub", Metainfo.parse(Files.readAllBytes(dir.resolve("out/sub.torrent"))).name());
    }

    @Test
    void refusesToOverwriteWithoutForce() throws Exception {
        gogo.run("shoal:create share");
        ShellException e = assertThrows(ShellException.class, () -> gogo.run("shoal:create share"));
        assertEquals(dir.resolve("share.torrent") + ": already exists (--force overwrites it)", e.getMessage());
        gogo.run("shoal:create share --force");
    }

    /** dev.shoal.create stopped: the command stays registered and says why it cannot make a torrent. */
    @Test
    void withoutTheCreatorServiceItSaysSoInOneLine() throws Exception {
        try (GogoRig without = new GogoRig(dir).register(new CreateCommand(null, "Shoal test"))) {
            ShellException e = assertThrows(ShellException.class, () -> without.run("shoal:create share"));
            assertEquals("torrent creation is not available (dev.shoal.create stopped)", e.getMessage());
        }
        assertFalse(Files.exists(dir.resolve("share.torrent")));
    }

    @Test
    void mistakesAreOneLineWithTheUsage() {
        String usage = "; usage: shoal:create <file|dir> [--tracker URL]... [--out FILE] [--piece-size 16K..256M]"
                + " [--private] [--comment C] [--force]";
        assertEquals("missing arguments" + usage, message("shoal:create"));
        assertEquals("unknown option --trackers" + usage, message("shoal:create share --trackers x"));
        assertEquals("--piece-size must be a power of two from 16K to 256M, not 100K" + usage,
                message("shoal:create share --piece-size 100K"));
        assertEquals("--tracker: not a tracker URL: \"ftp://x/a\" (http, https or udp, with a host)" + usage,
                message("shoal:create share --tracker ftp://x/a"));
        assertEquals(dir.resolve("nothing") + ": no such file or directory", message("shoal:create nothing"));
    }

    @Test
    void anUnwritableOutputIsOneLineAndLeavesNothing() throws Exception {
        Files.createDirectories(dir.resolve("taken.torrent"));
        String message = message("shoal:create share --out taken.torrent --force");
        assertTrue(message.startsWith(dir.resolve("taken.torrent") + ": cannot write: "), message);
        assertFalse(message.contains("\n"));
        assertFalse(Files.exists(dir.resolve(".taken.torrent.part")), "the partial file is gone");
    }

    private String message(String line) {
        return assertThrows(ShellException.class, () -> gogo.run(line)).getMessage();
    }
}
