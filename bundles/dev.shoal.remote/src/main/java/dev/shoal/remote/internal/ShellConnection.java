package dev.shoal.remote.internal;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Converter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.shoal.remote.protocol.Frames;
import dev.shoal.remote.protocol.Frames.Frame;
import dev.shoal.remote.protocol.Frames.ProtocolException;

/**
 * One client: checks its token, then runs its command lines one by one in a Gogo session of its
 * own, as the console would, and reports each one's exit status.
 */
final class ShellConnection implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(ShellConnection.class);
    /** Gogo's command search order for unscoped names: Shoal's scope first, then any. */
    static final String SCOPE = "shoal:*";

    private final Socket socket;
    private final byte[] token;
    private final CommandProcessor processor;
    private final Limits limits;

    ShellConnection(Socket socket, String token, CommandProcessor processor, Limits limits) {
        this.socket = socket;
        this.token = token.getBytes(StandardCharsets.US_ASCII);
        this.processor = processor;
        this.limits = limits;
    }

    @Override
    public void run() {
        try (socket) {
            DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
            FrameWriter writer = new FrameWriter(socket.getOutputStream());
            try {
                socket.setSoTimeout((int) limits.helloTimeout().toMillis());
                if (!hello(in, writer)) {
                    return;
                }
                socket.setSoTimeout((int) limits.idleTimeout().toMillis());
                serve(in, writer);
            } catch (SocketTimeoutException e) {
                writer.refuse("no command for " + limits.idleTimeout().toMinutes() + " minutes");
            } catch (ProtocolException e) {
                writer.refuse(e.getMessage());
            }
        } catch (IOException e) {
            // The client went away; nothing to tell it.
            LOG.debug("remote session ended: {}", e.getMessage());
        }
    }

    private boolean hello(DataInputStream in, FrameWriter writer) throws IOException {
        Frame hello;
        try {
            hello = Frames.read(in, limits.lineBytes());
        } catch (SocketTimeoutException e) {
            writer.refuse("no token within " + limits.helloTimeout().toSeconds() + " s");
            return false;
        }
        if (hello == null) {
            return false;
        }
        byte[] payload = hello.payload();
        if (hello.type() != Frames.HELLO || payload.length < 1 || payload[0] != Frames.VERSION) {
            writer.refuse("not a Shoal remote shell client of protocol version " + Frames.VERSION);
            return false;
        }
        // Constant time: how much of a guess matched must not show in how long the answer takes.
        if (!MessageDigest.isEqual(token, Arrays.copyOfRange(payload, 1, payload.length))) {
            writer.refuse("wrong token");
            return false;
        }
        writer.write(Frames.READY, new byte[0]);
        return true;
    }

    private void serve(DataInputStream in, FrameWriter writer) throws IOException {
        PrintStream out = new PrintStream(writer.stream(Frames.OUT), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(writer.stream(Frames.ERR), true, StandardCharsets.UTF_8);
        try (CommandSession session = processor.createSession(new ByteArrayInputStream(new byte[0]), out, err)) {
            // What the user means by an unscoped name is Shoal's command: `info 7` is shoal:info, not the
            // scr:info that Gogo's default search order ("*") happens to find first.
            session.put("SCOPE", SCOPE);
            while (true) {
                Frame frame = Frames.read(in, limits.lineBytes());
                if (frame == null) {
                    return;
                }
                if (frame.type() != Frames.COMMAND) {
                    throw new ProtocolException("expected a command, got a frame of type " + (frame.type() & 0xff));
                }
                int status = execute(session, frame.text(), out, err);
                out.flush();
                err.flush();
                writer.write(Frames.EXIT, Frames.status(status));
            }
        }
    }

    /** Runs one line as Gogo's console does: the result formatted when there is one. */
    static int execute(CommandSession session, String line, PrintStream out, PrintStream err) {
        try {
            Object result = session.execute(line);
            if (result != null) {
                out.println(session.format(result, Converter.INSPECT));
            }
            return 0;
        } catch (Exception e) {
            // As every Shoal command reports a failure: one line, named.
            err.println("shoal: " + oneLine(e));
            return 1;
        }
    }

    static String oneLine(Throwable e) {
        String message = e.getMessage() != null && !e.getMessage().isBlank() ? e.getMessage() : e.toString();
        return message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
