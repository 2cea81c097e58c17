package dev.shoal.peer.internal.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.metainfo.InfoHash;
import dev.shoal.peer.internal.handler.LocalTorrent;
import dev.shoal.peer.internal.handler.PeerConnection;
import dev.shoal.peer.internal.wire.Have;
import java.lang.annotation.Annotation;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The component as DS would make it, given a configuration, talking to itself on 127.0.0.1. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PeerWireComponentTest {

    @Test
    void listensOnAFreeLoopbackPortAndConnectsToItself() throws Exception {
        PeerWireComponent wire = new PeerWireComponent(loopbackConfig());
        try {
            assertNotEquals(0, wire.listenAddress().getPort());
            assertTrue(wire.peerId().toString().startsWith("-SH0100-"));
            InfoHash infoHash = InfoHash.fromHex("12".repeat(20));
            RecordingListener incoming = new RecordingListener();
            wire.register(new LocalTorrent(infoHash, 3, incoming));
            PeerConnection out = wire.connect(wire.listenAddress(), new LocalTorrent(infoHash, 3, new RecordingListener()))
                    .get(10, TimeUnit.SECONDS);
            assertEquals(wire.peerId(), out.remote().peerId(), "it reached itself");
            out.send(new Have(2));
            assertEquals(new Have(2), incoming.next(java.time.Duration.ofSeconds(10)));
        } finally {
            wire.close();
        }
    }

    private static PeerWireComponent.Config loopbackConfig() {
        return new PeerWireComponent.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return PeerWireComponent.Config.class;
            }

            @Override
            public String listenAddress() {
                return "127.0.0.1";
            }

            @Override
            public int port() {
                return 0;
            }

            @Override
            public int keepAliveSeconds() {
                return 120;
            }

            @Override
            public int receiveTimeoutSeconds() {
                return 180;
            }

            @Override
            public int connectTimeoutMillis() {
                return 5_000;
            }

            @Override
            public int maxBlockLength() {
                return 16 * 1024;
            }

            @Override
            public int maxRequestLength() {
                return 128 * 1024;
            }

            @Override
            public int maxFrameLength() {
                return 1024 * 1024 + 13;
            }
        };
    }
}
