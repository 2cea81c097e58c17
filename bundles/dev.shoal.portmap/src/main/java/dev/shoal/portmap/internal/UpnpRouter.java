package dev.shoal.portmap.internal;

import dev.shoal.portmap.api.Mapping;
import dev.shoal.support.feed.SafeXml;
import dev.shoal.support.http.Deadline;
import dev.shoal.support.http.FetchLimits;
import dev.shoal.support.http.FetchResponse;
import dev.shoal.support.http.HttpFetcher;
import dev.shoal.support.http.Redactor;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamException;

/**
 * An IGD's WANIPConnection or WANPPPConnection (v1 or v2) through SOAP: AddPortMapping,
 * DeletePortMapping and GetExternalIPAddress. A router that refuses the lease asked for
 * (725 OnlyPermanentLeasesSupported, or 402 Invalid Args for the lease: qBittorrent #12610, #14144)
 * is asked again for a permanent mapping (lease 0), and the grant says so; the mapping is then
 * removed at stop like any other.
 */
final class UpnpRouter implements Router {

    static final int ONLY_PERMANENT_LEASES = 725;
    static final int INVALID_ARGS = 402;
    static final int NO_SUCH_ENTRY = 714;
    /** A SOAP answer is a few hundred bytes; this leaves room for chatty routers and no more. */
    static final int MAX_ANSWER_BYTES = 16 * 1024;
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

    private final ControlPoint control;
    private final Inet4Address local;
    private final HttpFetcher http;

    UpnpRouter(ControlPoint control, Inet4Address local, HttpFetcher http) {
        this.control = control;
        this.local = local;
        this.http = http;
    }

    @Override
    public String method() {
        return Mapping.UPNP;
    }

    @Override
    public String describe() {
        return control.controlUrl() + " (" + control.serviceType().replace("urn:schemas-upnp-org:service:", "") + ")";
    }

    @Override
    public Grant map(Transport transport, int port, long leaseSeconds) throws IOException {
        String note = "";
        long lease = leaseSeconds;
        try {
            add(transport, port, lease);
        } catch (UpnpFault fault) {
            if (lease == 0 || (fault.code != ONLY_PERMANENT_LEASES && fault.code != INVALID_ARGS)) {
                throw fault;
            }
            add(transport, port, 0);
            note = "the router refused a lease of " + leaseSeconds + " s (" + fault.getMessage()
                    + "); mapped permanently (lease 0), removed at stop";
            lease = 0;
        }
        return new Grant(port, lease, externalAddress(), note);
    }

    @Override
    public void unmap(Transport transport, int port) throws IOException {
        Map<String, String> args = new LinkedHashMap<>();
        args.put("NewRemoteHost", "");
        args.put("NewExternalPort", Integer.toString(port));
        args.put("NewProtocol", transport.name());
        try {
            call("DeletePortMapping", args);
        } catch (UpnpFault fault) {
            if (fault.code != NO_SUCH_ENTRY) {
                throw fault;
            }
        }
    }

    private void add(Transport transport, int port, long lease) throws IOException {
        Map<String, String> args = new LinkedHashMap<>();
        args.put("NewRemoteHost", "");
        args.put("NewExternalPort", Integer.toString(port));
        args.put("NewProtocol", transport.name());
        args.put("NewInternalPort", Integer.toString(port));
        args.put("NewInternalClient", local.getHostAddress());
        args.put("NewEnabled", "1");
        args.put("NewPortMappingDescription", "Shoal " + transport.name() + " " + port);
        args.put("NewLeaseDuration", Long.toString(lease));
        call("AddPortMapping", args);
    }

    /** The router's external address, when it knows a usable one (a router not yet online says 0.0.0.0 or nothing). */
    private InetAddress externalAddress() throws IOException {
        String text = call("GetExternalIPAddress", Map.of()).getOrDefault("NewExternalIPAddress", "");
        if (!IPV4.matcher(text).matches()) {
            return null;
        }
        InetAddress address = InetAddress.getByName(text); // a literal, checked above: no lookup
        return address.isAnyLocalAddress() ? null : address;
    }

    private Map<String, String> call(String action, Map<String, String> args) throws IOException {
        byte[] body = Soap.call(control.serviceType(), action, args);
        Map<String, String> headers = Map.of("Content-Type", "text/xml; charset=\"utf-8\"",
                "SOAPAction", "\"" + control.serviceType() + "#" + action + "\"");
        FetchLimits limits = new FetchLimits(Deadline.in(TIMEOUT), MAX_ANSWER_BYTES, () -> false, "");
        try (FetchResponse response = http.post(control.controlUrl(), headers, body, limits, Redactor.of())) {
            Map<String, String> values;
            try {
                values = Soap.values(response.body());
            } catch (XMLStreamException e) {
                throw new IOException("UPnP " + action + ": " + SafeXml.failure(e, response).getMessage());
            }
            if (values.containsKey("errorCode")) {
                throw new UpnpFault(values.get("errorCode"), values.getOrDefault("errorDescription", ""), action);
            }
            if (!response.ok()) {
                throw new IOException("UPnP " + action + ": " + response.statusLine());
            }
            return values;
        }
    }

    /** A UPnPError a router answered. */
    static final class UpnpFault extends RouterRefusedException {

        private static final long serialVersionUID = 1L;
        final int code;

        UpnpFault(String code, String description, String action) {
            super("UPnP " + action + ": the router answered " + HttpFetcher.oneLine(code) + " "
                    + HttpFetcher.oneLine(description));
            int parsed;
            try {
                parsed = Integer.parseInt(code.strip());
            } catch (NumberFormatException e) {
                parsed = -1;
            }
            this.code = parsed;
        }
    }
}
