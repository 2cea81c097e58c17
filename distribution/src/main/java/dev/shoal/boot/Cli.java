package dev.shoal.boot;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;

import dev.shoal.remote.protocol.Frames;
import dev.shoal.remote.protocol.NotRunningException;
import dev.shoal.remote.protocol.RefusedException;
import dev.shoal.remote.protocol.RemoteShell;

/**
 * {@code shoal cli [WORDS...]}: a command for the Shoal running on this data directory, through its
 * remote shell, without starting a framework here (so it answers in milliseconds). With words: they
 * are one Gogo command line, and its exit status is ours. Without: a session, line by line, until
 * the end of input or {@code exit}.
 *
 * <p>Lines are read plainly: JLine lives in the framework's bundles, not on this jar's class path.
 */
final class Cli {

    private Cli() {
    }

    static int run(Path dataDir, List<String> words, InputStream in, PrintStream out, PrintStream err,
            boolean terminal) {
        try (RemoteShell shell = RemoteShell.connect(dataDir)) {
            if (!words.isEmpty()) {
                return shell.run(GogoLine.join(words), terminal ? out : plain(out), err);
            }
            return session(shell, in, out, err, terminal);
        } catch (NotRunningException e) {
            err.println(notRunning(dataDir));
            return 1;
        } catch (RefusedException e) {
            err.println("shoal: " + e.getMessage());
            return 1;
        } catch (IllegalArgumentException e) {
            err.println("shoal: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("shoal: the connection to Shoal failed: " + e.getMessage());
            return 1;
        }
    }

    /** Output for a pipe or a file: without the colour codes the daemon's session writes. */
    private static PrintStream plain(PrintStream out) {
        return new PrintStream(new AnsiStripping(out), true, Charset.defaultCharset());
    }

    static String notRunning(Path dataDir) {
        return "shoal: no Shoal is running for data directory " + dataDir + " (start one with ./shoal daemon)";
    }

    private static int session(RemoteShell shell, InputStream in, PrintStream out, PrintStream err, boolean terminal)
            throws IOException {
        BoundedLines lines = new BoundedLines(new InputStreamReader(in, Charset.defaultCharset()), Frames.MAX_PAYLOAD);
        int status = 0;
        while (true) {
            if (terminal) {
                out.print("shoal> ");
                out.flush();
            }
            String line = lines.next();
            if (line == null || line.strip().equals("exit")) {
                return status;
            }
            if (line == BoundedLines.TOO_LONG) {
                err.println("shoal: line longer than " + Frames.MAX_PAYLOAD + " characters, skipped");
                status = 2;
            } else if (!line.isBlank()) {
                status = shell.run(line, out, err);
            }
        }
    }
}
