package dev.shoal.distribution.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import dev.shoal.test.support.Processes;

/**
 * Runs {@code java -jar shoal.jar} as a user would, with its data directory and temp folder inside
 * a test's own folder, so a test never touches the user's {@code ~/.local/share/shoal}.
 */
final class Shoal {

    static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** Strict: "one JSON object" means nothing may follow it. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final Path java;
    private final boolean throughScript;
    private final Path dataDir;
    private final Path tmpDir;

    /** Shoal on the JVM running the tests, with its state under {@code base}. */
    Shoal(Path base) {
        this(Path.of(System.getProperty("java.home"), "bin", "java"), base);
    }

    /** Shoal on the JVM {@code java}, with its state under {@code base}. */
    Shoal(Path java, Path base) {
        this(java, false, base);
    }

    /**
     * Shoal started as the README says, through the {@code ./shoal} script, on the JDK whose
     * {@code bin/java} is {@code java}; the script runs the jar under test rather than building.
     */
    static Shoal throughScript(Path java, Path base) {
        return new Shoal(java, true, base);
    }

    private Shoal(Path java, boolean throughScript, Path base) {
        this.java = java;
        this.throughScript = throughScript;
        this.dataDir = base.resolve("shoal-data");
        this.tmpDir = base.resolve("shoal-tmp");
        try {
            Files.createDirectories(tmpDir);
            ShoalDaemon.extrasOff(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The jar under test: the system property failsafe sets from distribution/pom.xml. */
    static Path jar() {
        String property = System.getProperty("shoal.jar");
        if (property == null) {
            fail("system property shoal.jar is not set: run the ITs with 'mvn verify -pl distribution'");
        }
        Path jar = Path.of(property);
        if (!Files.isRegularFile(jar)) {
            fail(jar + " does not exist: build it with 'mvn install -Dmaven.test.skip=true' at the root");
        }
        return jar;
    }

    /** The {@code ./shoal} script at the root of the checkout (the system property failsafe sets). */
    static Path launcherScript() {
        Path script = Path.of(System.getProperty("shoal.launcher", "../shoal"));
        if (!Files.isRegularFile(script)) {
            fail(script + " does not exist");
        }
        return script;
    }

    Path dataDir() {
        return dataDir;
    }

    Processes.Result run(String... args) {
        return run(Map.of(), args);
    }

    /** Runs Shoal with {@code args}; {@code env} is added to (and may override) the usual environment. */
    Processes.Result run(Map<String, String> env, String... args) {
        // Keeps the framework's per-run storage out of /tmp even when a run is killed.
        String tmpOption = "-Djava.io.tmpdir=" + tmpDir;
        Map<String, String> environment = new HashMap<>();
        List<String> command = new ArrayList<>();
        if (throughScript) {
            command.addAll(List.of("bash", launcherScript().toString()));
            environment.put("SHOAL_JAR", jar().toString());
            environment.put("JAVA_HOME", java.getParent().getParent().toString());
            environment.put("SHOAL_JAVA_OPTS", tmpOption);
        } else {
            command.addAll(List.of(java.toString(), tmpOption, "-jar", jar().toString()));
        }
        command.addAll(Arrays.asList(args));
        environment.put("SHOAL_DATA_DIR", dataDir.toString());
        // Belt and braces: should the variable above be ignored, the XDG default is ours too.
        environment.put("XDG_DATA_HOME", dataDir.resolveSibling("xdg-data").toString());
        environment.putAll(env);
        return Processes.run(command, environment, null, TIMEOUT);
    }

    /** {@code shoal info --json target}, which must succeed with one JSON object on stdout. */
    JsonNode infoJson(String target) {
        Processes.Result result = run("info", "--json", target).assertSuccess();
        JsonNode node = parseJson(result);
        assertEquals(true, node.isObject(), () -> "not a JSON object\n" + result.describe());
        return node;
    }

    /**
     * Asserts how Shoal reports bad input: exit code 1, nothing on stdout, and on stderr exactly
     * one line, "shoal: " and a reason, with no trace of a Java exception.
     */
    static void assertOneLineError(Processes.Result result) {
        String stderr = result.stderr();
        String line = stderr.endsWith("\n") ? stderr.substring(0, stderr.length() - 1) : stderr;
        String oneLine = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        assertAll(result.describe(),
                () -> assertEquals(1, result.exitCode(), "exit code"),
                () -> assertEquals("", result.stdout(), "stdout"),
                () -> assertFalse(oneLine.isBlank(), "stderr is empty"),
                () -> assertFalse(oneLine.contains("\n"), "stderr has more than one line"),
                () -> assertTrue(oneLine.startsWith("shoal: "), "stderr does not start with 'shoal: '"),
                () -> assertTrue(oneLine.length() > "shoal: ".length() + 5, "stderr gives no reason"),
                () -> assertFalse(stderr.contains("Exception"), "stderr names an exception"),
                () -> assertFalse(stderr.contains("\tat "), "stderr has a stack trace"));
    }

    static JsonNode parseJson(Processes.Result result) {
        try {
            return JSON.readTree(result.stdout());
        } catch (JsonProcessingException e) {
            return fail("stdout is not JSON: " + e.getOriginalMessage() + "\n" + result.describe());
        }
    }

    static JsonNode parseJson(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return fail("not JSON: " + e.getOriginalMessage() + "\n" + text);
        }
    }
}
