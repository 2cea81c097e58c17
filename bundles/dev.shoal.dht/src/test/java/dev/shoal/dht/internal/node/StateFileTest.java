package dev.shoal.dht.internal.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.shoal.dht.internal.krpc.CompactNode;
import dev.shoal.dht.internal.routing.NodeId;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateFileTest {

    @Test
    void roundTripsIdAndBothFamilies(@TempDir Path dir) throws IOException {
        Random r = new Random(1);
        DhtState state = new DhtState(NodeId.random(r),
                List.of(new CompactNode(NodeId.random(r), new InetSocketAddress("1.2.3.4", 6881))),
                List.of(new CompactNode(NodeId.random(r), new InetSocketAddress("2001:db8::7", 51413))));
        Path file = dir.resolve("dht.dat");
        assertNull(StateFile.read(file));
        StateFile.write(file, state);
        assertEquals(state, StateFile.read(file));
    }

    @Test
    void aDamagedFileIsOneLineOfError(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("dht.dat");
        Files.writeString(file, "d2:id3:abce");
        IOException e = assertThrows(IOException.class, () -> StateFile.read(file));
        assertEquals(file + ": not a DHT state (no 20-byte id)", e.getMessage());
        Files.writeString(file, "d2:id20:");
        assertThrows(IOException.class, () -> StateFile.read(file));
    }
}
