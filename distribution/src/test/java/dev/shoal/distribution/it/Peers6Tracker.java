package dev.shoal.distribution.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An HTTP tracker on an IPv6 loopback address that answers every announce with the peers it was
 * given, IPv6 ones in BEP 7's compact {@code peers6} (18 bytes each), and notes who announced. Debian's
 * opentracker is built without IPv6 ({@code -i ::1}: "V4 Tracker is V4 only!"), so tests of IPv6
 * announces use this instead.
 */
final class Peers6Tracker implements AutoCloseable {

    /** One announce as it came: the address it came from and its query string. */
    record Announce(InetSocketAddress from, String query) {
    }

    private final String host;
    private final HttpServer server;
    private final List<Announce> announces = new CopyOnWriteArrayList<>();

    private Peers6Tracker(String host, List<InetSocketAddress> peers) throws IOException {
        this.host = host;
        byte[] answer = answer(peers);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(host), 0), 0);
        server.createContext("/announce", exchange -> {
            announces.add(new Announce(exchange.getRemoteAddress(), exchange.getRequestURI().getRawQuery()));
            reply(exchange, answer);
        });
        server.start();
    }

    /** Listens on {@code host}, an IPv6 literal ("::1"), handing out {@code peers}. */
    static Peers6Tracker start(String host, List<InetSocketAddress> peers) throws IOException {
        return new Peers6Tracker(host, peers);
    }

    URI announceUrl() {
        return URI.create("http://[" + host + "]:" + server.getAddress().getPort() + "/announce");
    }

    List<Announce> announces() {
        return List.copyOf(announces);
    }

    /** {@code d8:intervali60e5:peers<v4>6:peers6<v6>e}, both compact. */
    private static byte[] answer(List<InetSocketAddress> peers) {
        ByteArrayOutputStream v4 = new ByteArrayOutputStream();
        ByteArrayOutputStream v6 = new ByteArrayOutputStream();
        for (InetSocketAddress peer : peers) {
            byte[] ip = peer.getAddress().getAddress();
            ByteArrayOutputStream into = ip.length == 16 ? v6 : v4;
            into.writeBytes(ip);
            into.write(peer.getPort() >> 8);
            into.write(peer.getPort());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("d8:intervali60e5:peers" + v4.size() + ":").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(v4.toByteArray());
        out.writeBytes(("6:peers6" + v6.size() + ":").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(v6.toByteArray());
        out.write('e');
        return out.toByteArray();
    }

    private static void reply(HttpExchange exchange, byte[] body) throws IOException {
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", "text/plain");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
