package dev.shoal.dht.internal.node;

import dev.shoal.bencode.BDictionary;
import dev.shoal.bencode.BString;
import dev.shoal.bencode.BValue;
import dev.shoal.bencode.BencodeDecoder;
import dev.shoal.bencode.BencodeEncoder;
import dev.shoal.bencode.BencodeException;
import dev.shoal.bencode.DecoderLimits;
import dev.shoal.dht.internal.krpc.Compact;
import dev.shoal.dht.internal.krpc.CompactNode;
import dev.shoal.dht.internal.routing.NodeId;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code dht.dat}: Transmission's layout, a bencoded {@code {id, nodes, nodes6}} with compact
 * node lists. Written to a temporary file then moved, so a crash leaves the old one; read with
 * a bounded decoder, so a damaged or foreign file costs nothing but a fresh start.
 */
public final class StateFile {

    private static final BencodeDecoder DECODER = new BencodeDecoder(new DecoderLimits(64 << 10, 2, 32 << 10, 16));

    private StateFile() {
    }

    public static void write(Path file, DhtState state) throws IOException {
        BDictionary d = BDictionary.builder().put("id", BString.of(state.id().bytes()))
                .put("nodes", BString.of(compact(state.nodes())))
                .put("nodes6", BString.of(compact(state.nodes6()))).build();
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, BencodeEncoder.encode(d));
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The saved state, or null when there is none; an unreadable file is an IOException saying why. */
    public static DhtState read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            if (!(DECODER.decode(Files.readAllBytes(file)).value() instanceof BDictionary d)
                    || !(d.get("id").orElse(null) instanceof BString id) || id.length() != NodeId.LENGTH) {
                throw new IOException(file + ": not a DHT state (no 20-byte id)");
            }
            return new DhtState(NodeId.of(id.bytes()), nodes(d.get("nodes").orElse(null), 4),
                    nodes(d.get("nodes6").orElse(null), 16));
        } catch (BencodeException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    private static byte[] compact(List<CompactNode> nodes) {
        return Compact.nodes(nodes);
    }

    private static List<CompactNode> nodes(BValue v, int ipLength) {
        List<CompactNode> out = new ArrayList<>();
        if (v instanceof BString s) {
            byte[] b = s.bytes();
            int size = NodeId.LENGTH + ipLength + 2;
            for (int at = 0; at + size <= b.length; at += size) {
                InetSocketAddress a = Compact.address(Arrays.copyOfRange(b, at + NodeId.LENGTH, at + size));
                if (a != null) {
                    out.add(new CompactNode(NodeId.of(Arrays.copyOfRange(b, at, at + NodeId.LENGTH)), a));
                }
            }
        }
        return out;
    }
}
