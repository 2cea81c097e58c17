package dev.shoal.portmap.internal;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.MulticastSocket;
import java.net.NetworkInterface;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * SSDP discovery of Internet Gateway Devices (UPnP Device Architecture 1.1 §1.3): an M-SEARCH to
 * 239.255.255.250:1900 from our address on one interface, and the {@code LOCATION} of each answer
 * read strictly. An answer counts only when its LOCATION is an http URL on the very address that
 * sent it, so nothing on the LAN can send Shoal to fetch from elsewhere.
 */
final class Ssdp {

    static final InetSocketAddress GROUP = new InetSocketAddress("239.255.255.250", 1900);
    /** At most this many devices are kept per search; a LAN with more is not a home. */
    static final int MAX_DEVICES = 8;
    private static final int MAX_ANSWER = 2048;
    private static final String[] TARGETS = {"urn:schemas-upnp-org:device:InternetGatewayDevice:1",
        "urn:schemas-upnp-org:device:InternetGatewayDevice:2"};

    private Ssdp() {
    }

    /**
     * The description URLs of the IGDs that answer within {@code windowMillis}; returns at once
     * when {@code router} answers, as the interface's own gateway is the one wanted.
     */
    static List<URI> discover(Inet4Address local, InetAddress router, int windowMillis) throws IOException {
        List<URI> found = new ArrayList<>();
        try (MulticastSocket socket = new MulticastSocket(new InetSocketAddress(local, 0))) {
            NetworkInterface ni = NetworkInterface.getByInetAddress(local);
            if (ni != null) {
                socket.setNetworkInterface(ni);
            }
            socket.setTimeToLive(2);
            for (String target : TARGETS) {
                byte[] search = search(target);
                socket.send(new DatagramPacket(search, search.length, GROUP));
            }
            long end = System.nanoTime() + windowMillis * 1_000_000L;
            byte[] buffer = new byte[MAX_ANSWER];
            while (found.size() < MAX_DEVICES) {
                long left = (end - System.nanoTime()) / 1_000_000L;
                if (left <= 0) {
                    break;
                }
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                socket.setSoTimeout((int) left);
                try {
                    socket.receive(packet);
                } catch (SocketTimeoutException e) {
                    break;
                }
                URI location = location(new String(buffer, 0, packet.getLength(), StandardCharsets.ISO_8859_1),
                        packet.getAddress());
                if (location != null && !found.contains(location)) {
                    found.add(location);
                    if (packet.getAddress().equals(router)) {
                        found.remove(location);
                        found.add(0, location);
                        break;
                    }
                }
            }
        }
        return found;
    }

    static byte[] search(String target) {
        return ("M-SEARCH * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\nMAN: \"ssdp:discover\"\r\nMX: 1\r\nST: " + target
                + "\r\nUSER-AGENT: Shoal UPnP/1.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** The LOCATION of an answer from {@code sender}, or {@code null} when the answer is no valid one. */
    static URI location(String answer, InetAddress sender) {
        String[] lines = answer.split("\r?\n", 32);
        if (lines.length < 2 || !lines[0].startsWith("HTTP/1.1 200")) {
            return null;
        }
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0 && lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("location")) {
                return sameHost(lines[i].substring(colon + 1).trim(), sender);
            }
        }
        return null;
    }

    private static URI sameHost(String text, InetAddress sender) {
        try {
            URI uri = new URI(text);
            if (!"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null
                    || !uri.getHost().equals(sender.getHostAddress())) {
                return null;
            }
            return uri;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
