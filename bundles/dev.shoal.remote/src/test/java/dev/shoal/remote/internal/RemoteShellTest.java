package dev.shoal.remote.internal;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.shoal.remote.protocol.Frames;
import dev.shoal.remote.protocol.Frames.Frame;
import dev.shoal.remote.protocol.NotRunningException;
import dev.shoal.remote.protocol.RefusedException;
import dev.shoal.remote.protocol.RemoteFiles;
import dev.shoal.remote.protocol.RemoteShell;

/** The remote shell over a real loopback socket, with the real Gogo runtime behind it. */
@Timeout(60)
class RemoteShellTest {

    @TempDir
    Path dataDir;

    private final Gogo gogo = new Gogo();
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
        gogo.close();
    }

    private RemoteEndpoint open(Limits limits) throws IOException {
        RemoteEndpoint endpoint = RemoteEndpoint.open(dataDir, 0, gogo.processor, limits);
        toClose.add(endpoint);
        return endpoint;
    }

    private RemoteShell connect() throws IOException {
        RemoteShell shell = RemoteShell.connect(dataDir);
        toClose.add(shell);
        return shell;
    }

    private record Run(int status, String out, String err) {
    }

    private static Run run(RemoteShell shell, String line) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = shell.run(line, out, err);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aGoodTokenRunsACommandWithItsOutputAndStatus() throws IOException {
        open(Limits.DEFAULT);
        Run run = run(connect(), "test:hello world");
        assertAll(run.toString(),
                () -> assertEquals(0, run.status()),
                () -> assertEquals("printing for world\nhello world\n", run.out()),
                () -> assertEquals("a note for world\n", run.err()));
    }

    @Test
    void variablesLastAsLongAsTheConnection() throws IOException {
        open(Limits.DEFAULT);
        RemoteShell shell = connect();
        assertEquals(0, run(shell, "x = shoal").status());
        assertEquals(new Run(0, "shoal\n", ""), run(shell, "test:show $x"));
        assertEquals(new Run(0, "", ""), run(connect(), "test:show $x"), "another connection is another session");
    }

    @Test
    void aFailingCommandHasStatusOneAndOneLineOnStderr() throws IOException {
        open(Limits.DEFAULT);
        RemoteShell shell = connect();
        assertEquals(new Run(1, "", "shoal: disk on fire second line\n"), run(shell, "test:fail 'disk on fire'"));
        Run unknown = run(shell, "nosuchcommand");
        assertAll(unknown.toString(),
                () -> assertEquals(1, unknown.status()),
                () -> assertTrue(unknown.err().contains("nosuchcommand"), "names the command"),
                () -> assertEquals(1, unknown.err().lines().count(), "one line"));
        assertEquals(0, run(shell, "test:show fine").status(), "the session goes on after a failure");
    }

    @Test
    void aWrongTokenIsRefusedAndTheConnectionClosed() throws IOException {
        open(Limits.DEFAULT);
        int port = RemoteFiles.port(dataDir).orElseThrow();
        String wrong = "0".repeat(64);
        RefusedException refused = assertThrows(RefusedException.class, () -> RemoteShell.connect(port, wrong));
        assertEquals("wrong token", refused.getMessage());

        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            Frames.write(out, Frames.HELLO, Frames.hello("f" + RemoteFiles.token(dataDir).orElseThrow()));
            DataInputStream in = new DataInputStream(socket.getInputStream());
            Frame reply = Frames.read(in, Frames.MAX_PAYLOAD);
            assertEquals(Frames.REFUSED, reply.type(), "a longer token that starts right is still wrong");
            assertEquals(null, Frames.read(in, Frames.MAX_PAYLOAD), "then the server closes");
        }
    }

    @Test
    void sessionsRunAtTheSameTime() throws Exception {
        open(Limits.DEFAULT);
        int clients = 8;
        gogo.commands.gate = new CountDownLatch(clients);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<Run>> runs = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                runs.add(pool.submit(() -> run(connect(), "test:meet")));
            }
            for (Future<Run> run : runs) {
                assertEquals(new Run(0, "met\n", ""), run.get(30, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void oneSessionMoreThanTheLimitIsRefused() throws Exception {
        open(new Limits(2, Frames.MAX_PAYLOAD, Duration.ofSeconds(10), Duration.ofMinutes(5)));
        RemoteShell first = connect();
        RemoteShell second = connect();
        RefusedException refused = assertThrows(RefusedException.class, this::connect);
        assertTrue(refused.getMessage().startsWith("too many sessions (2)"), refused.getMessage());
        first.close();
        // The first one's slot comes back once its thread has seen the close: retry, bounded.
        RemoteShell third = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (third == null && System.nanoTime() - deadline < 0) {
            try {
                third = connect();
            } catch (RefusedException e) {
                Thread.sleep(50);
            }
        }
        assertEquals(0, run(third, "test:show again").status());
        assertEquals(0, run(second, "test:show still").status());
    }

    @Test
    void aLineLongerThanTheLimitIsRefused() throws IOException {
        open(Limits.DEFAULT);
        RemoteShell shell = connect();
        String longest = "test:show " + "x".repeat(Frames.MAX_PAYLOAD - "test:show ".length());
        assertEquals(0, run(shell, longest).status(), "exactly the limit is fine");
        assertThrows(IllegalArgumentException.class, () -> run(shell, longest + "x"), "the client checks");

        int port = RemoteFiles.port(dataDir).orElseThrow();
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            DataInputStream in = new DataInputStream(socket.getInputStream());
            Frames.write(out, Frames.HELLO, Frames.hello(RemoteFiles.token(dataDir).orElseThrow()));
            assertEquals(Frames.READY, Frames.read(in, Frames.MAX_PAYLOAD).type());
            // Only the header: the server must refuse on the length alone, without waiting for the bytes.
            out.writeByte(Frames.COMMAND);
            out.writeInt(Frames.MAX_PAYLOAD + 1);
            out.flush();
            Frame reply = Frames.read(in, Frames.MAX_PAYLOAD);
            assertEquals(Frames.REFUSED, reply.type());
            assertTrue(reply.text().contains("65537 bytes"), reply.text());
        }
    }

    @Test
    void aClientThatSaysNothingIsClosedAfterTheHelloTimeout() throws IOException {
        open(new Limits(16, Frames.MAX_PAYLOAD, Duration.ofMillis(200), Duration.ofMinutes(5)));
        int port = RemoteFiles.port(dataDir).orElseThrow();
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            DataInputStream in = new DataInputStream(socket.getInputStream());
            Frame reply = Frames.read(in, Frames.MAX_PAYLOAD);
            assertEquals(Frames.REFUSED, reply.type());
            assertEquals(null, Frames.read(in, Frames.MAX_PAYLOAD));
        }
    }

    @Test
    void theTokenIsTheOwnersOnlyAndKeptAcrossRestarts() throws IOException {
        RemoteEndpoint first = open(Limits.DEFAULT);
        Path tokenFile = dataDir.resolve(RemoteFiles.TOKEN_FILE);
        String token = Files.readString(tokenFile);
        assertTrue(token.matches("[0-9a-f]{64}\n"), token);
        if (Files.getFileStore(tokenFile).supportsFileAttributeView("posix")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile)));
        }
        assertTrue(Files.exists(dataDir.resolve(RemoteFiles.PORT_FILE)));

        first.close();
        toClose.remove(first);
        assertFalse(Files.exists(dataDir.resolve(RemoteFiles.PORT_FILE)), "the port file goes with the server");
        assertThrows(NotRunningException.class, () -> RemoteShell.connect(dataDir));

        open(Limits.DEFAULT);
        assertEquals(token, Files.readString(tokenFile), "an existing token is kept");
        assertEquals(0, run(connect(), "test:show back").status());
    }

    @Test
    void aStalePortFileMeansNotRunning() throws IOException {
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Files.writeString(dataDir.resolve(RemoteFiles.PORT_FILE), port + "\n");
        Files.writeString(dataDir.resolve(RemoteFiles.TOKEN_FILE), "a".repeat(64) + "\n");
        assertThrows(NotRunningException.class, () -> RemoteShell.connect(dataDir));
    }
}
