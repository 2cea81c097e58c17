package dev.shoal.remote.protocol;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import dev.shoal.remote.protocol.Frames.Frame;
import dev.shoal.remote.protocol.Frames.ProtocolException;

/**
 * A session with a running Shoal's remote shell: command lines in, their output and exit status
 * out. One connection is one Gogo session, so variables set by one command are there for the next.
 * Not thread-safe: one command at a time.
 */
public final class RemoteShell implements Closeable {

    /** Loopback answers at once or not at all; this only bounds a wedged peer. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    /** How long the server may take to accept the token. */
    public static final Duration HELLO_TIMEOUT = Duration.ofSeconds(10);

    private final Socket socket;
    private final DataInputStream in;
    private final DataOutputStream out;

    private RemoteShell(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
        this.out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream()));
    }

    /**
     * Connects to the Shoal running for {@code dataDir}, with the port and token it left there.
     *
     * @throws NotRunningException when none answers
     * @throws RefusedException    when it refuses the session
     */
    public static RemoteShell connect(Path dataDir) throws IOException {
        Integer port = RemoteFiles.port(dataDir).orElseThrow(() -> new NotRunningException("no " + RemoteFiles.PORT_FILE));
        String token = RemoteFiles.token(dataDir).orElseThrow(() -> new NotRunningException("no " + RemoteFiles.TOKEN_FILE));
        return connect(port, token);
    }

    /** Connects to 127.0.0.1:{@code port} and presents {@code token}. */
    public static RemoteShell connect(int port, String token) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port),
                    (int) CONNECT_TIMEOUT.toMillis());
        } catch (ConnectException | SocketTimeoutException e) {
            socket.close();
            throw new NotRunningException("nothing answers on port " + port);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
        RemoteShell shell = new RemoteShell(socket);
        try {
            shell.hello(token);
            return shell;
        } catch (IOException | RuntimeException e) {
            shell.close();
            throw e;
        }
    }

    private void hello(String token) throws IOException {
        Frames.write(out, Frames.HELLO, Frames.hello(token));
        socket.setSoTimeout((int) HELLO_TIMEOUT.toMillis());
        Frame reply = next();
        if (reply.type() != Frames.READY) {
            throw unexpected(reply);
        }
        // A command may run as long as it likes.
        socket.setSoTimeout(0);
    }

    /**
     * Runs one Gogo command line; its output and error output are copied to {@code stdout} and
     * {@code stderr} as they come.
     *
     * @return the exit status: 0 ok, 1 the command failed (its one-line message on stderr)
     * @throws IllegalArgumentException when the line is longer than {@link Frames#MAX_PAYLOAD} bytes
     * @throws RefusedException         when the server ended the session
     */
    public int run(String commandLine, OutputStream stdout, OutputStream stderr) throws IOException {
        byte[] line = commandLine.getBytes(StandardCharsets.UTF_8);
        if (line.length > Frames.MAX_PAYLOAD) {
            throw new IllegalArgumentException("the command line is " + line.length + " bytes, more than the "
                    + Frames.MAX_PAYLOAD + " allowed");
        }
        Frames.write(out, Frames.COMMAND, line);
        while (true) {
            Frame frame = next();
            switch (frame.type()) {
                case Frames.OUT -> {
                    stdout.write(frame.payload());
                    stdout.flush();
                }
                case Frames.ERR -> {
                    stderr.write(frame.payload());
                    stderr.flush();
                }
                case Frames.EXIT -> {
                    return frame.status();
                }
                default -> throw unexpected(frame);
            }
        }
    }

    private Frame next() throws IOException {
        Frame frame = Frames.read(in, Frames.MAX_PAYLOAD);
        if (frame == null) {
            throw new IOException("Shoal closed the connection");
        }
        return frame;
    }

    private static IOException unexpected(Frame frame) {
        if (frame.type() == Frames.REFUSED) {
            return new RefusedException(frame.text());
        }
        return new ProtocolException("an unexpected frame of type " + (frame.type() & 0xff));
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
