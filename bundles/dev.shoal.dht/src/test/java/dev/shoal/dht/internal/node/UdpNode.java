package dev.shoal.dht.internal.node;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.List;
import java.util.Random;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;

/** A DhtNode on its own DatagramChannel on 127.0.0.1, with a receive thread; ticked by the caller. */
public final class UdpNode implements AutoCloseable {

    final DatagramChannel channel;
    public final DhtNode node;
    public final InetSocketAddress address;

    public UdpNode(NodeSettings settings, DhtState saved, long seed) throws IOException {
        this(settings, saved, seed, System::currentTimeMillis);
    }

    /** A node whose timers (backoffs, timeouts, expiries) run on {@code clock}. */
    public UdpNode(NodeSettings settings, DhtState saved, long seed, LongSupplier clock) throws IOException {
        channel = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
        address = (InetSocketAddress) channel.getLocalAddress();
        node = new DhtNode(settings, (to, bytes) -> {
            try {
                channel.send(ByteBuffer.wrap(bytes), to);
            } catch (IOException e) {
                // UDP may lose anything; a closed channel at the end of a test too
            }
        }, clock, new Random(seed), saved);
        receiveOn(channel, (from, buffer) -> {
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            node.receive(from, bytes);
        });
    }

    /** Hands each datagram {@code channel} receives to {@code handler}, on a daemon thread, until it closes. */
    public static void receiveOn(DatagramChannel channel, BiConsumer<InetSocketAddress, ByteBuffer> handler) {
        Thread receiver = new Thread(() -> {
            ByteBuffer buffer = ByteBuffer.allocate(65536);
            try {
                while (true) {
                    buffer.clear();
                    InetSocketAddress from = (InetSocketAddress) channel.receive(buffer);
                    buffer.flip();
                    handler.accept(from, buffer);
                }
            } catch (ClosedChannelException e) {
                // closed: done
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }, "udp-receiver");
        receiver.setDaemon(true);
        receiver.start();
    }

    public void bootstrapFrom(InetSocketAddress router) {
        node.bootstrap().routers(List.of(router));
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
