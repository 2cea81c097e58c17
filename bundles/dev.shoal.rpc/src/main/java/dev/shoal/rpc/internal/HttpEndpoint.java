package dev.shoal.rpc.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Objects;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the RPC listens: Felix HTTP's own Jetty, configured through its PID
 * {@value #FELIX_HTTP_PID}, which this component owns. Jetty stays off until this component
 * turns it on (the launch sets {@code org.apache.felix.http.enable=false}), and is turned off again
 * when it goes while Shoal runs on (stopped, updated, disabled).
 *
 * <p>This bundle starts a start level below Jetty's: its configuration is in Configuration Admin
 * before Jetty starts, so Jetty starts once, on the port chosen here. Were Jetty first, it would open
 * the port saved at the last run (or before a kill) and be moved at once, a restart after which
 * Felix HTTP sometimes served without the RPC's servlet (404 for good, seen in TransmissionRpcIT's
 * restart on a new port).
 *
 * <p>"The next free port when taken" is chosen here, before Jetty binds: from the configured port
 * up, the first that this component can bind on the address (or that Jetty already serves for it).
 * Another program may take the port between the probe and Jetty's bind; Jetty then logs why it
 * did not start, and a configuration change (or a restart) probes again.
 */
@Component(service = HttpEndpoint.class, immediate = true, configurationPid = RpcServlet.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class HttpEndpoint {

    static final String FELIX_HTTP_PID = "org.apache.felix.http";
    static final String ENABLE = "org.apache.felix.http.enable";
    static final String PORT = "org.osgi.service.http.port";
    static final String HOST = "org.apache.felix.http.host";
    /** How many ports above the configured one are tried. */
    static final int PORTS_TRIED = 100;

    private static final String[] RUNTIMES = {"org.osgi.service.servlet.runtime.HttpServiceRuntime",
        "org.osgi.service.http.runtime.HttpServiceRuntime"};
    private static final Logger LOG = LoggerFactory.getLogger(HttpEndpoint.class);

    private final ConfigurationAdmin configAdmin;
    private final BundleContext context;
    private volatile String url = "";
    private volatile boolean auth;
    private volatile String problem = "";

    @Activate
    public HttpEndpoint(RpcConfig config, BundleContext context, @Reference ConfigurationAdmin configAdmin) {
        this.configAdmin = configAdmin;
        this.context = context;
        modified(config);
    }

    @Modified
    void modified(RpcConfig config) {
        auth = !config.user().isEmpty();
        if (!config.enabled()) {
            url = "";
            problem = "disabled (setting enabled of " + RpcServlet.PID + ")";
            apply(false, 0, config.address());
            LOG.info("Transmission RPC disabled by configuration {}", RpcServlet.PID);
            return;
        }
        int port = choosePort(config.address(), config.port());
        if (port < 0) {
            url = "";
            problem = "no free port from " + config.port() + " to " + (config.port() + PORTS_TRIED) + " on "
                    + config.address();
            LOG.error("Transmission RPC off: {}", problem);
            apply(false, 0, config.address());
            return;
        }
        problem = "";
        url = "http://" + hostInUrl(config.address()) + ":" + port + RpcServlet.PATH;
        apply(true, port, config.address());
        LOG.info("Transmission RPC on {}{}{}", url, port != config.port() ? " (port " + config.port() + " was taken)"
                : "", auth ? ", credentials required" : ", no credentials required");
    }

    @Deactivate
    void deactivate() {
        if (context.getBundle(Constants.SYSTEM_BUNDLE_ID).getState() == Bundle.STOPPING) {
            // Shoal is quitting: Jetty, a start level above, has stopped already. A configuration
            // handed to Felix HTTP now could reach its bundle while it stops ("Invalid BundleContext").
            return;
        }
        apply(false, 0, null);
    }

    /** The URL clients use, or empty when the RPC is off. */
    String url() {
        return url;
    }

    boolean authRequired() {
        return auth;
    }

    /** Why the RPC is off, or empty. */
    String problem() {
        return problem;
    }

    /** Whether Jetty serves at {@link #url()} now, as its runtime service says. */
    boolean serving() {
        String current = url;
        if (current.isEmpty()) {
            return false;
        }
        String root = current.substring(0, current.length() - RpcServlet.PATH.length()) + "/";
        return endpoints().contains(root);
    }

    private int choosePort(String address, int first) {
        String served = endpoints();
        for (int port = Math.max(1, first); port <= Math.min(65535, first + PORTS_TRIED); port++) {
            if (served.contains(":" + port + "/") || free(address, port)) {
                return port;
            }
        }
        return -1;
    }

    private static boolean free(String address, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(address), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The endpoints of the HTTP runtimes registered now, as one string. */
    private String endpoints() {
        StringBuilder all = new StringBuilder();
        for (String runtime : RUNTIMES) {
            try {
                ServiceReference<?>[] refs = context.getAllServiceReferences(runtime, null);
                for (ServiceReference<?> ref : refs == null ? new ServiceReference<?>[0] : refs) {
                    Object endpoint = ref.getProperty("osgi.http.endpoint");
                    all.append(endpoint instanceof String[] list ? String.join(" ", list) : String.valueOf(endpoint))
                            .append(' ');
                }
            } catch (InvalidSyntaxException | IllegalStateException e) {
                // No filter is given; a stopping bundle has no runtimes to tell of.
            }
        }
        return all.toString();
    }

    private void apply(boolean enable, int port, String address) {
        try {
            Configuration configuration = configAdmin.getConfiguration(FELIX_HTTP_PID, "?");
            Dictionary<String, Object> current = configuration.getProperties();
            Dictionary<String, Object> wanted = new Hashtable<>();
            wanted.put(ENABLE, enable);
            if (enable) {
                wanted.put(PORT, port);
                wanted.put(HOST, address);
            } else if (current != null) {
                copy(current, wanted, PORT);
                copy(current, wanted, HOST);
            }
            wanted.put("org.apache.felix.https.enable", false);
            wanted.put("org.apache.felix.http.jetty.sendServerHeader", false);
            if (current == null || !same(current, wanted)) {
                configuration.update(wanted);
            }
        } catch (IOException | IllegalStateException e) {
            LOG.warn("Transmission RPC: cannot configure {}: {}", FELIX_HTTP_PID, e.getMessage());
        }
    }

    private static void copy(Dictionary<String, Object> from, Dictionary<String, Object> to, String key) {
        if (from.get(key) != null) {
            to.put(key, from.get(key));
        }
    }

    private static boolean same(Dictionary<String, Object> current, Dictionary<String, Object> wanted) {
        for (java.util.Enumeration<String> keys = wanted.keys(); keys.hasMoreElements();) {
            String key = keys.nextElement();
            if (!Objects.equals(String.valueOf(current.get(key)), String.valueOf(wanted.get(key)))) {
                return false;
            }
        }
        return true;
    }

    private static String hostInUrl(String address) {
        if (address.equals("0.0.0.0") || address.equals("::")) {
            return "127.0.0.1";
        }
        return address.contains(":") ? "[" + address + "]" : address;
    }
}
