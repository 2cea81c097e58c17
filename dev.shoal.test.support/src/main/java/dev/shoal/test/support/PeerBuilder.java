package dev.shoal.test.support;

import java.io.IOException;
import java.nio.file.Path;

/**
 * What every {@link RealPeer} is told before it starts: its torrent and data directory, the port it
 * listens on and how fast it may go. Each client's own builder adds what only that client does.
 *
 * @param <B> the client's builder, returned by each setter
 * @param <P> the client
 */
public abstract class PeerBuilder<B extends PeerBuilder<B, P>, P extends RealPeer<?>> {

    private final Torrent torrent;
    private final Path dir;
    private int port;
    private long uploadLimit;
    private long downloadLimit;

    PeerBuilder(Torrent torrent, Path dir) {
        this.torrent = torrent;
        this.dir = dir.toAbsolutePath();
    }

    /** The peer port on 127.0.0.1; a free one when not set. */
    public B port(int port) {
        this.port = port;
        return self();
    }

    /** Bytes per second, for loopback peers too; 0 (the default) for none. */
    public B uploadLimit(long bytesPerSecond) {
        this.uploadLimit = bytesPerSecond;
        return self();
    }

    /** Bytes per second, for loopback peers too; 0 (the default) for none. */
    public B downloadLimit(long bytesPerSecond) {
        this.downloadLimit = bytesPerSecond;
        return self();
    }

    /** Starts the client; it is returned once it listens and, when a seed, once it seeds. */
    public abstract P start() throws IOException;

    Torrent torrent() {
        return torrent;
    }

    /** The data (seed) or download (leecher) directory: the torrent's name is a folder or file in it. */
    Path dir() {
        return dir;
    }

    /** The port asked for, or a free one. */
    int listenPort() throws IOException {
        return port != 0 ? port : OpenTracker.freePort();
    }

    long uploadLimit() {
        return uploadLimit;
    }

    long downloadLimit() {
        return downloadLimit;
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }
}
