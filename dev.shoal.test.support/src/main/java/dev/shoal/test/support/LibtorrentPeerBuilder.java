package dev.shoal.test.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a {@link LibtorrentPeer} is started with (made by {@link LibtorrentPeer#seed} or
 * {@link LibtorrentPeer#leecher}): its role, address, limits, encryption, DHT and the peers it dials,
 * turned into the command-line options of {@code libtorrent_peer.py}. {@link #start()} hands them to
 * {@link LibtorrentPeer}, which runs the script and follows it.
 */
public final class LibtorrentPeerBuilder extends PeerBuilder<LibtorrentPeerBuilder, LibtorrentPeer> {

    private final boolean seed;
    private final List<InetSocketAddress> dial = new ArrayList<>();
    private boolean magnet;
    private boolean countBlocks;
    private String encryption;
    private InetSocketAddress dhtBootstrap;
    private String host = "127.0.0.1";

    LibtorrentPeerBuilder(boolean seed, Torrent torrent, Path dir) {
        super(torrent, dir);
        this.seed = seed;
    }

    /** A peer to dial as soon as the torrent is checked, e.g. one that ignores loopback tracker peers. */
    public LibtorrentPeerBuilder connectTo(int port) {
        return connectTo(new InetSocketAddress(host, port));
    }

    /**
     * Listens and dials on ::1 instead of 127.0.0.1 (call before {@link #connectTo(int)}); see
     * {@code Ipv6Loopback.require()} for a test that needs it.
     */
    public LibtorrentPeerBuilder onIpv6Loopback() {
        host = "::1";
        return this;
    }

    public LibtorrentPeerBuilder connectTo(InetSocketAddress peer) {
        dial.add(peer);
        return this;
    }

    /** Turns libtorrent's DHT on, joining through {@code node} (loopback restrictions off). */
    public LibtorrentPeerBuilder dhtBootstrap(InetSocketAddress node) {
        dhtBootstrap = node;
        return this;
    }

    /**
     * Message Stream Encryption forced both ways with RC4 only ({@code out_enc_policy} and
     * {@code in_enc_policy} = forced, {@code allowed_enc_level} = rc4): plaintext peers are refused.
     */
    public LibtorrentPeerBuilder forceEncryption() {
        encryption = "forced";
        return this;
    }

    /** Message Stream Encryption disabled both ways: encrypted handshakes are refused. */
    public LibtorrentPeerBuilder disableEncryption() {
        encryption = "disabled";
        return this;
    }

    /**
     * Counts every block it uploads, by epoch: see {@link LibtorrentPeer#newEpoch} and
     * {@link LibtorrentPeer#blockCounts}.
     */
    public LibtorrentPeerBuilder countBlocks() {
        countBlocks = true;
        return this;
    }

    /**
     * A leecher that starts from the magnet link {@code magnet:?xt=urn:btih:<info-hash>} alone and
     * gets the metadata from its peers (BEP 9); its status says {@code state=metadata} until then.
     */
    public LibtorrentPeerBuilder fromMagnet() {
        magnet = true;
        return this;
    }

    /**
     * Starts the peer and waits until it listens and, for a seed, has checked its data and seeds
     * (failing if the data does not match the torrent).
     */
    @Override
    public LibtorrentPeer start() throws IOException {
        return LibtorrentPeer.start(this);
    }

    boolean seeds() {
        return seed;
    }

    /** The loopback address it listens and dials on: 127.0.0.1 or ::1. */
    String host() {
        return host;
    }

    /** The script's options, for a peer listening on {@code listen}. */
    List<String> arguments(int listen) {
        List<String> arguments = new ArrayList<>(List.of(
                "--torrent", torrent().file().toAbsolutePath().toString(),
                "--dir", dir().toString(),
                "--port", String.valueOf(listen),
                "--host", host,
                "--role", seed ? "seed" : "leecher",
                "--upload-limit", String.valueOf(uploadLimit()),
                "--download-limit", String.valueOf(downloadLimit())));
        if (magnet) {
            arguments.add("--magnet");
            arguments.add("magnet:?xt=urn:btih:" + torrent().infoHash());
        }
        if (countBlocks) {
            arguments.add("--count-blocks");
        }
        if (encryption != null) {
            arguments.add("--encryption");
            arguments.add(encryption);
        }
        if (dhtBootstrap != null) {
            arguments.add("--dht-bootstrap");
            arguments.add(dhtBootstrap.getHostString() + ":" + dhtBootstrap.getPort());
        }
        for (InetSocketAddress peer : dial) {
            arguments.add("--connect");
            String name = peer.getHostString();
            arguments.add((name.indexOf(':') >= 0 ? "[" + name + "]" : name) + ":" + peer.getPort());
        }
        return arguments;
    }
}
