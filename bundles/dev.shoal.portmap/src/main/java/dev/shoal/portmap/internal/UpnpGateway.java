package dev.shoal.portmap.internal;

import dev.shoal.portmap.api.Mapping;
import java.io.IOException;

/**
 * UPnP toward one gateway's interface, the IGD found when first needed: the discovery runs in the
 * first mapping's call, and again in a later one's after the IGD stopped answering (a rebooted
 * router may come back on another port), so discovery failures retry with the mappings' backoff
 * and show as their error.
 */
final class UpnpGateway implements Router {

    private final Gateway gateway;
    private final UpnpDiscovery discovery;
    private UpnpRouter found;

    UpnpGateway(Gateway gateway, UpnpDiscovery discovery) {
        this.gateway = gateway;
        this.discovery = discovery;
    }

    @Override
    public String method() {
        return Mapping.UPNP;
    }

    @Override
    public String describe() {
        UpnpRouter f = found;
        return f == null ? gateway.interfaceName() + " (no IGD found yet)" : f.describe();
    }

    @Override
    public Grant map(Transport transport, int port, long leaseSeconds) throws IOException {
        UpnpRouter r = router(true);
        try {
            return r.map(transport, port, leaseSeconds);
        } catch (RouterRefusedException e) {
            throw e;
        } catch (IOException e) {
            found = null; // no answer: look for it again next time
            throw e;
        }
    }

    @Override
    public void unmap(Transport transport, int port) throws IOException {
        UpnpRouter r = router(false);
        if (r != null) {
            r.unmap(transport, port);
        }
    }

    private UpnpRouter router(boolean discover) throws IOException {
        if (found == null && discover) {
            found = discovery.find(gateway);
        }
        return found;
    }
}
