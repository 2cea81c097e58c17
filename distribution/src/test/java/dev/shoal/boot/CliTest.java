package dev.shoal.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.shoal.remote.protocol.RemoteFiles;

/** {@code shoal cli} without a running Shoal; with one, the distribution's ITs run it. */
class CliTest {

    @TempDir
    Path dataDir;

    private String errOf(List<String> words) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.run(dataDir, words, new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                false);
        assertEquals(1, code);
        assertEquals("", out.toString(StandardCharsets.UTF_8));
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void noShoalRunning() {
        String expected = "shoal: no Shoal is running for data directory " + dataDir
                + " (start one with ./shoal daemon)\n";
        assertEquals(expected, errOf(List.of("lb")));
        assertEquals(expected, errOf(List.of()), "the interactive session too");
    }

    @Test
    void aPortFileLeftByAShoalThatDiedIsNoShoalRunning() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Files.writeString(dataDir.resolve(RemoteFiles.PORT_FILE), port + "\n");
        Files.writeString(dataDir.resolve(RemoteFiles.TOKEN_FILE), "0".repeat(64) + "\n");
        assertEquals("shoal: no Shoal is running for data directory " + dataDir + " (start one with ./shoal daemon)\n",
                errOf(List.of("lb")));
    }

    @Test
    void linesAreBounded() throws IOException {
        BoundedLines lines = new BoundedLines(new StringReader("lb\r\n" + "x".repeat(11) + "\nok\nlast"), 10);
        List<String> read = new ArrayList<>();
        for (String line = lines.next(); line != null; line = lines.next()) {
            read.add(line);
        }
        assertEquals(List.of("lb", BoundedLines.TOO_LONG, "ok", "last"), read);
    }
}
