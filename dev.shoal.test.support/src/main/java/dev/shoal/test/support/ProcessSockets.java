package dev.shoal.test.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * What Linux's {@code /proc} says of a process's sockets, for tests that must show a server keeps
 * its connections and files within bounds while it is attacked. Linux only: elsewhere
 * {@link #available()} is false.
 */
public final class ProcessSockets {

    private static final List<Path> TCP_TABLES = List.of(Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6"));
    /** {@code st} of an established connection in the tables. */
    private static final String ESTABLISHED = "01";

    private ProcessSockets() {
    }

    public static boolean available() {
        return Files.isReadable(TCP_TABLES.get(0));
    }

    /**
     * Established TCP connections whose local port is {@code port}: the connections a server
     * listening there has accepted (and the kernel has accepted for it), whoever holds them.
     */
    public static int established(int port) {
        String hexPort = String.format(":%04X", port);
        int count = 0;
        for (Path table : TCP_TABLES) {
            if (!Files.isReadable(table)) {
                continue;
            }
            try (Stream<String> lines = Files.lines(table)) {
                count += (int) lines.skip(1).map(String::trim).map(line -> line.split("\\s+"))
                        .filter(fields -> fields.length > 3 && fields[1].endsWith(hexPort)
                                && ESTABLISHED.equals(fields[3]))
                        .count();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("cannot read " + table, e);
            }
        }
        return count;
    }

    /** Open file descriptors of process {@code pid}; -1 when it has gone. */
    public static int openFiles(long pid) {
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            return (int) fds.count();
        } catch (IOException gone) {
            return -1;
        }
    }
}
