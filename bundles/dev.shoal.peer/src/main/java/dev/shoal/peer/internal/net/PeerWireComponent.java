package dev.shoal.peer.internal.net;

import dev.shoal.metainfo.InfoHash;
import dev.shoal.peer.internal.codec.WireLimits;
import dev.shoal.peer.internal.handler.LocalTorrent;
import dev.shoal.peer.internal.handler.PeerConnection;
import dev.shoal.peer.internal.handler.WireTimeouts;
import dev.shoal.peer.internal.wire.PeerId;
import dev.shoal.peer.internal.wire.Reserved;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.concurrent.CompletableFuture;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Owns the listening socket and the dialler. A changed configuration restarts the component (no
 * {@code @Modified}): a new port needs a new acceptor anyway, and open connections are cheap to lose
 * compared with a half-applied setting.
 */
@Component(service = PeerWire.class, configurationPid = PeerWireComponent.PID)
@Designate(ocd = PeerWireComponent.Config.class)
public final class PeerWireComponent implements PeerWire {

    public static final String PID = "dev.shoal.peer.wire";

    @ObjectClassDefinition(name = "Shoal peer wire",
            description = "The BitTorrent peer connections: where to listen, time-outs, size limits.")
    public @interface Config {

        @AttributeDefinition(name = "Listen address", description = "0.0.0.0 for every interface.")
        String listenAddress() default "0.0.0.0";

        @AttributeDefinition(name = "Listen port", description = "0 picks a free port.", min = "0", max = "65535")
        int port() default 6881;

        @AttributeDefinition(name = "Keep-alive (s)", description = "Sent after this long without sending.", min = "1")
        int keepAliveSeconds() default 120;

        @AttributeDefinition(name = "Receive time-out (s)",
                description = "A peer silent for this long is disconnected.", min = "1")
        int receiveTimeoutSeconds() default 180;

        @AttributeDefinition(name = "Connect time-out (ms)", min = "1")
        int connectTimeoutMillis() default 10_000;

        @AttributeDefinition(name = "Largest block (bytes)",
                description = "Largest block a piece message may carry: what we request.", min = "1")
        int maxBlockLength() default WireLimits.BLOCK_LENGTH;

        @AttributeDefinition(name = "Largest request (bytes)",
                description = "Requests above this are a protocol error; below it the torrent decides.", min = "1")
        int maxRequestLength() default 128 * 1024;

        @AttributeDefinition(name = "Largest frame (bytes)", description = "Any message, e.g. extension messages.",
                min = "16393")
        int maxFrameLength() default 1024 * 1024 + 13;
    }

    private final PeerId peerId = PeerId.generate(new SecureRandom());
    private final PeerAcceptor acceptor;
    private final PeerConnector connector;

    @Activate
    public PeerWireComponent(Config config) throws IOException {
        PeerWireSettings settings = new PeerWireSettings(peerId, Reserved.NONE.withFastExtension(true),
                new WireTimeouts(config.keepAliveSeconds(), config.receiveTimeoutSeconds()),
                new WireLimits(config.maxBlockLength(), config.maxRequestLength(), config.maxFrameLength(),
                        WireLimits.UNKNOWN_PIECE_COUNT),
                config.connectTimeoutMillis());
        this.connector = new PeerConnector(settings);
        this.acceptor = new PeerAcceptor(settings);
        try {
            acceptor.bind(new InetSocketAddress(config.listenAddress(), config.port()));
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    @Deactivate
    void close() {
        acceptor.close();
        connector.close();
    }

    @Override
    public PeerId peerId() {
        return peerId;
    }

    @Override
    public InetSocketAddress listenAddress() {
        return acceptor.localAddress();
    }

    @Override
    public CompletableFuture<PeerConnection> connect(InetSocketAddress peer, LocalTorrent torrent) {
        return connector.connect(peer, torrent);
    }

    @Override
    public void register(LocalTorrent torrent) {
        acceptor.register(torrent);
    }

    @Override
    public void unregister(InfoHash infoHash) {
        acceptor.unregister(infoHash);
    }
}
