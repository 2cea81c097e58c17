package dev.shoal.boot;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * macOS runs Cocoa only on the process's first thread, which Java gives to {@code main} only with
 * {@code java -XstartOnFirstThread}. The {@code shoal} script adds it; for {@code java -jar} and a
 * double-click this class starts the same Java again with it, passing the JVM options, the jar and the
 * arguments on, and the desktop process becomes a parent that waits for it.
 */
final class FirstThread {

    static final String OPTION = "-XstartOnFirstThread";
    /** Set to "1" by macOS's java launcher, for its own pid, when it was given {@link #OPTION}. */
    static final String STARTED_ENV_PREFIX = "JAVA_STARTED_ON_FIRST_THREAD_";
    /** Set for the child: if it still is not on the first thread, it goes on rather than relaunch forever. */
    static final String RELAUNCHED_ENV = "SHOAL_RELAUNCHED_ON_FIRST_THREAD";
    /** Options the java launcher reads from the environment: they reach the child that way again. */
    private static final List<String> OPTION_ENVS = List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS");
    private static final long CHILD_STOP_SECONDS = 20;

    private FirstThread() {
    }

    /**
     * For the desktop path of {@link Main}: on macOS without {@link #OPTION}, runs Shoal again with it
     * and returns its exit code; otherwise (nothing to do) returns empty and the caller goes on.
     */
    static OptionalInt relaunchIfNeeded(String[] args) {
        Map<String, String> env = System.getenv();
        List<String> inputArgs = ManagementFactory.getRuntimeMXBean().getInputArguments();
        long pid = ProcessHandle.current().pid();
        if (!needed(System.getProperty("os.name"), env, pid, inputArgs)) {
            if (isMac(System.getProperty("os.name")) && !startedOnFirstThread(env, pid, inputArgs)) {
                System.err.println("shoal: still not on the first thread after a restart with " + OPTION
                        + "; the window may not open");
            }
            return OptionalInt.empty();
        }
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command;
        try {
            command = command(java, inputArgs, env, RunningJar.location(), args);
        } catch (IOException e) {
            System.err.println("shoal: cannot restart with " + OPTION + " (" + e.getMessage() + "); run: java "
                    + OPTION + " -jar shoal.jar");
            return OptionalInt.of(1);
        }
        return OptionalInt.of(runChild(command));
    }

    /** Whether to restart: on macOS, unless this JVM has the option or is already the restarted one. */
    static boolean needed(String osName, Map<String, String> env, long pid, List<String> inputArgs) {
        return isMac(osName) && !startedOnFirstThread(env, pid, inputArgs) && !"1".equals(env.get(RELAUNCHED_ENV));
    }

    /**
     * The child's command line: the same java, {@link #OPTION}, this JVM's options except those the
     * environment hands the child anyway, then the jar (or class folder) and the program arguments.
     */
    static List<String> command(String java, List<String> inputArgs, Map<String, String> env, Path code, String[] args) {
        List<String> jvmOptions = new ArrayList<>(inputArgs);
        for (String name : OPTION_ENVS) {
            String value = env.get(name);
            if (value != null) {
                for (String token : value.trim().split("\\s+")) {
                    jvmOptions.remove(token);
                }
            }
        }
        jvmOptions.remove(OPTION);
        List<String> command = new ArrayList<>();
        command.add(java);
        command.add(OPTION);
        command.addAll(jvmOptions);
        if (Files.isDirectory(code)) {
            command.addAll(List.of("-cp", code.toString(), Main.class.getName()));
        } else {
            command.addAll(List.of("-jar", code.toString()));
        }
        command.addAll(Arrays.asList(args));
        return command;
    }

    private static boolean isMac(String osName) {
        return osName != null && osName.toLowerCase(Locale.ROOT).startsWith("mac");
    }

    private static boolean startedOnFirstThread(Map<String, String> env, long pid, List<String> inputArgs) {
        return "1".equals(env.get(STARTED_ENV_PREFIX + pid)) || inputArgs.contains(OPTION);
    }

    private static int runChild(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().put(RELAUNCHED_ENV, "1");
        Process child;
        try {
            child = builder.start();
        } catch (IOException e) {
            System.err.println("shoal: cannot restart with " + OPTION + ": " + e.getMessage());
            return 1;
        }
        // Stopping this parent (Ctrl+C, logout) stops the child too, which then saves its state.
        Thread stopChild = new Thread(() -> {
            child.destroy();
            try {
                if (!child.waitFor(CHILD_STOP_SECONDS, TimeUnit.SECONDS)) {
                    child.destroyForcibly();
                }
            } catch (InterruptedException e) {
                child.destroyForcibly();
            }
        }, "shoal-stop-first-thread-child");
        Runtime.getRuntime().addShutdownHook(stopChild);
        try {
            int code = child.waitFor();
            Runtime.getRuntime().removeShutdownHook(stopChild);
            return code;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (IllegalStateException shuttingDown) {
            return child.exitValue();
        }
    }
}
