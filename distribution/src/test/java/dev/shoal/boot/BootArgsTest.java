package dev.shoal.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

class BootArgsTest {

    @Test
    void theCommandIsTheFirstWordAfterTheOptions() {
        BootArgs args = BootArgs.parse(new String[] {"--data-dir", "/d", "-v", "cli", "lb", "-s"});
        assertEquals(List.of("--data-dir", "/d", "-v"), args.before());
        assertEquals("cli", args.command());
        assertEquals(List.of("lb", "-s"), args.after());
    }

    @Test
    void theDataDirOptionsValueIsNotTheCommand() {
        assertEquals("daemon", BootArgs.parse(new String[] {"--data-dir", "cli", "daemon"}).command());
        assertEquals("add", BootArgs.parse(new String[] {"--data-dir=/d", "add", "x"}).command());
    }

    @Test
    void noCommand() {
        assertNull(BootArgs.parse(new String[] {"--version"}).command());
        assertNull(BootArgs.parse(new String[0]).command());
        assertNull(BootArgs.parse(new String[] {"--", "cli"}).command(), "after -- nothing is ours");
    }

    @Test
    void forCliOnlyLeadingDataDirOptionsAreTaken() {
        BootArgs.Split split = BootArgs.splitDataDir(List.of("--data-dir", "/d", "echo", "--data-dir", "x"), true);
        assertEquals(List.of("--data-dir", "/d"), split.dataDirOptions());
        assertEquals(List.of("echo", "--data-dir", "x"), split.others(), "a Gogo command's own words stay");
    }

    @Test
    void forAddEveryDataDirOptionIsTaken() {
        BootArgs.Split split = BootArgs.splitDataDir(List.of("x.torrent", "--data-dir=/d", "--paused"), false);
        assertEquals(List.of("--data-dir=/d"), split.dataDirOptions());
        assertEquals(List.of("x.torrent", "--paused"), split.others());
    }

    @Test
    void theDataDirectoryComesFromTheOptionsBeforeAndTheTakenOnes() {
        BootArgs args = BootArgs.parse(new String[] {"cli", "--data-dir", "/from-cli", "lb"});
        String[] dataDirArgs = args.dataDirArgs(BootArgs.splitDataDir(args.after(), true).dataDirOptions());
        assertEquals(List.of("--data-dir", "/from-cli"), List.of(dataDirArgs));
    }
}
