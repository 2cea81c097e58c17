package dev.shoal.portmap.internal;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * NOT a real router: a SOAP control endpoint on loopback for the router behaviours miniupnpd does
 * not have (it never refuses a lease, never floods, never sends a DTD). It answers each POST with
 * what {@code answer} makes of the request's body, as HTTP 500 when that is a fault (Device
 * Architecture §3.2.2), and records the requests.
 */
final class StandInIgd implements AutoCloseable {

    final List<String> requests = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    StandInIgd(Function<String, String> answer) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/ctl", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(exchange.getRequestHeaders().getFirst("SOAPAction") + " " + body);
            byte[] reply = answer.apply(body).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/xml");
            exchange.sendResponseHeaders(new String(reply, StandardCharsets.UTF_8).contains("UPnPError") ? 500 : 200,
                    reply.length);
            exchange.getResponseBody().write(reply);
            exchange.close();
        });
        server.start();
    }

    URI control() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/ctl");
    }

    static String ok(String action, String values) {
        return envelope("<u:" + action + "Response xmlns:u=\"urn:schemas-upnp-org:service:WANIPConnection:1\">" + values
                + "</u:" + action + "Response>");
    }

    static String fault(int code, String description) {
        return envelope("<s:Fault><faultcode>s:Client</faultcode><faultstring>UPnPError</faultstring><detail>"
                + "<UPnPError xmlns=\"urn:schemas-upnp-org:control-1-0\"><errorCode>" + code + "</errorCode>"
                + "<errorDescription>" + description + "</errorDescription></UPnPError></detail></s:Fault>");
    }

    private static String envelope(String body) {
        return "<?xml version=\"1.0\"?><s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\" "
                + "s:encodingStyle=\"http://schemas.xmlsoap.org/soap/encoding/\"><s:Body>" + body + "</s:Body></s:Envelope>";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
