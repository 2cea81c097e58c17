package dev.shoal.dht.internal.krpc;

import dev.shoal.dht.internal.routing.NodeId;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** BEP 5/32 compact forms: address+port in 6 or 18 bytes, node id+address in 26 or 38. */
public final class Compact {

    public static final int V4 = 6;
    public static final int V6 = 18;

    private Compact() {
    }

    public static byte[] address(InetSocketAddress a) {
        byte[] ip = a.getAddress().getAddress();
        return ByteBuffer.allocate(ip.length + 2).put(ip).putShort((short) a.getPort()).array();
    }

    /** An address of 6 or 18 bytes, or null for any other length or port 0. */
    public static InetSocketAddress address(byte[] b) {
        if (b.length != V4 && b.length != V6) {
            return null;
        }
        int port = ((b[b.length - 2] & 0xff) << 8) | (b[b.length - 1] & 0xff);
        if (port == 0) {
            return null;
        }
        try {
            return new InetSocketAddress(InetAddress.getByAddress(Arrays.copyOf(b, b.length - 2)), port);
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    public static byte[] nodes(List<CompactNode> nodes) {
        ByteBuffer out = ByteBuffer.allocate(nodes.stream().mapToInt(n -> NodeId.LENGTH
                + n.address().getAddress().getAddress().length + 2).sum());
        for (CompactNode n : nodes) {
            out.put(n.id().bytes()).put(address(n.address()));
        }
        return out.array();
    }

    /** Nodes of one family ({@code ipLength} 4 or 16), skipping those with port 0. */
    static List<CompactNode> nodes(byte[] b, int ipLength, String field) throws KrpcException {
        int size = NodeId.LENGTH + ipLength + 2;
        if (b.length % size != 0) {
            throw new KrpcException(field + " of " + b.length + " bytes is not a multiple of " + size);
        }
        List<CompactNode> out = new ArrayList<>(b.length / size);
        for (int at = 0; at < b.length; at += size) {
            InetSocketAddress a = address(Arrays.copyOfRange(b, at + NodeId.LENGTH, at + size));
            if (a != null) {
                out.add(new CompactNode(NodeId.of(Arrays.copyOfRange(b, at, at + NodeId.LENGTH)), a));
            }
        }
        return out;
    }

    public static boolean isV6(InetSocketAddress a) {
        return a.getAddress() instanceof Inet6Address;
    }

    public static boolean isV4(InetSocketAddress a) {
        return a.getAddress() instanceof Inet4Address;
    }
}
