package dev.shoal.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.shoal.engine.api.FilePriority;
import dev.shoal.engine.api.FileStatus;
import dev.shoal.shell.internal.text.Details;
import dev.shoal.shell.internal.view.DetailViews;
import java.nio.file.Path;
import java.util.List;
import org.apache.felix.service.command.CommandSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a table or details result looks like at the console and in a pipe, in a real Gogo runtime
 * with gogo.jline's grep. The commands here return what {@code shoal:files} and {@code shoal:info}
 * return, built from fixed records rather than from an engine.
 */
@Timeout(30)
class PipeTest {

    /** Registered as the "test" scope: two functions with the shape of the shoal commands. */
    public static final class Samples {

        public Object files(CommandSession session, String... args) {
            return DetailViews.files(List.of(
                    new FileStatus(0, "ubuntu/ubuntu-24.04.iso", 6_000_000_000L, 3_000_000_000L, FilePriority.HIGH),
                    new FileStatus(1, "ubuntu/SHA256SUMS", 1_000, 1_000, FilePriority.NORMAL),
                    new FileStatus(2, "debian/debian-12.iso", 700_000_000L, 0, FilePriority.SKIP)));
        }

        public Object info(CommandSession session, String... args) {
            return Details.of().with("Name", "ubuntu").with("State", "paused");
        }
    }

    private static final List<String> FILES = List.of(
            "#  PRIORITY   DONE     SIZE  PATH",
            "1  high      50.0%  5.6 GiB  ubuntu/ubuntu-24.04.iso",
            "2  normal     100%   1000 B  ubuntu/SHA256SUMS",
            "3  skip       0.0%  668 MiB  debian/debian-12.iso");

    @TempDir
    Path dir;

    private GogoRig gogo;

    @BeforeEach
    void setUp() {
        gogo = new GogoRig(dir);
        for (String function : List.of("files", "info")) {
            gogo.addCommand("test", new Samples(), function);
        }
    }

    void tearDown() {
        gogo.close();
    }

    @Test
    void theConsoleShowsTheHeaderAndOneLinePerRow() throws Exception {
        assertEquals(String.join("\n", FILES), gogo.run("test:files"));
    }

    @Test
    void grepKeepsTheMatchingRows() throws Exception {
        assertEquals(FILES.get(1) + "\n" + FILES.get(2) + "\n", gogo.run("test:files | grep --color=never ubuntu"));
        assertEquals(FILES.get(3) + "\n", gogo.run("test:files | grep --color=never -i DEBIAN"));
        assertEquals(FILES.get(0) + "\n" + FILES.get(3) + "\n", gogo.run("test:files | grep --color=never -v ubuntu"));
    }

    @Test
    void detailsArePipedLineByLine() throws Exception {
        assertEquals("Name:  ubuntu\nState: paused", gogo.run("test:info"));
        assertEquals("State: paused\n", gogo.run("test:info | grep --color=never State"));
    }
}
