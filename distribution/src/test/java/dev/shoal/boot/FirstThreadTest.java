package dev.shoal.boot;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When the desktop restarts Java with -XstartOnFirstThread, and the command line it uses. */
class FirstThreadTest {

    private static final String MAC = "Mac OS X";
    private static final long PID = 4242;
    private static final List<String> JVM_OPTIONS = List.of("-XX:+UseParallelGC", "-Xmx384m");

    @TempDir
    Path temp;

    @Test
    void macOsWithoutTheOptionRestarts() {
        assertTrue(FirstThread.needed(MAC, Map.of(), PID, JVM_OPTIONS));
    }

    @Test
    void theJavaLauncherMarksAProcessStartedOnTheFirstThread() {
        assertAll(
                () -> assertFalse(FirstThread.needed(MAC, Map.of("JAVA_STARTED_ON_FIRST_THREAD_4242", "1"), PID, JVM_OPTIONS)),
                // Another process's mark (an inherited environment) says nothing about this one.
                () -> assertTrue(FirstThread.needed(MAC, Map.of("JAVA_STARTED_ON_FIRST_THREAD_17", "1"), PID, JVM_OPTIONS)),
                () -> assertTrue(FirstThread.needed(MAC, Map.of("JAVA_STARTED_ON_FIRST_THREAD_4242", "0"), PID, JVM_OPTIONS)));
    }

    @Test
    void theOptionAmongTheJvmArgumentsIsEnough() {
        assertFalse(FirstThread.needed(MAC, Map.of(), PID, List.of("-XstartOnFirstThread", "-Xmx384m")));
    }

    @Test
    void theRestartedProcessNeverRestartsAgain() {
        assertFalse(FirstThread.needed(MAC, Map.of(FirstThread.RELAUNCHED_ENV, "1"), PID, JVM_OPTIONS));
    }

    @Test
    void otherSystemsNeverRestart() {
        assertAll(
                () -> assertFalse(FirstThread.needed("Linux", Map.of(), PID, JVM_OPTIONS)),
                () -> assertFalse(FirstThread.needed("Windows 11", Map.of(), PID, JVM_OPTIONS)),
                () -> assertFalse(FirstThread.needed(null, Map.of(), PID, JVM_OPTIONS)));
    }

    @Test
    void thisJvmGoesOnWithoutARestartOffMacOs() {
        assumeFalse(System.getProperty("os.name").startsWith("Mac"), "runs off macOS");
        assertTrue(FirstThread.relaunchIfNeeded(new String[] {"x.torrent"}).isEmpty());
    }

    @Test
    void commandRunsTheSameJarWithTheSameOptionsAndArguments() throws IOException {
        Path jar = Files.createFile(temp.resolve("shoal-macos-aarch64.jar"));
        List<String> command = FirstThread.command("/Library/Java/bin/java", JVM_OPTIONS, Map.of(), jar,
                new String[] {"--data-dir", "/tmp/d", "My File.torrent"});
        assertEquals(List.of("/Library/Java/bin/java", "-XstartOnFirstThread", "-XX:+UseParallelGC", "-Xmx384m",
                "-jar", jar.toString(), "--data-dir", "/tmp/d", "My File.torrent"), command);
    }

    @Test
    void optionsFromTheEnvironmentAreNotPassedTwice() throws IOException {
        Path jar = Files.createFile(temp.resolve("shoal.jar"));
        List<String> command = FirstThread.command("java",
                List.of("-Dfrom.tool=1", "-Xmx384m", "-Dfrom.jdk=2", "-Dfrom.tool=1"),
                Map.of("JAVA_TOOL_OPTIONS", " -Dfrom.tool=1 ", "JDK_JAVA_OPTIONS", "-Dfrom.jdk=2"), jar, new String[0]);
        // Only the first occurrence is the environment's: the second was given on the command line.
        assertEquals(List.of("java", "-XstartOnFirstThread", "-Xmx384m", "-Dfrom.tool=1", "-jar", jar.toString()), command);
    }

    @Test
    void aClassFolderRunsMainFromTheClassPath() throws IOException {
        Path classes = Files.createDirectory(temp.resolve("classes"));
        List<String> command = FirstThread.command("java", List.of(), Map.of(), classes, new String[] {"a"});
        assertEquals(List.of("java", "-XstartOnFirstThread", "-cp", classes.toString(), "dev.shoal.boot.Main", "a"),
                command);
    }
}
