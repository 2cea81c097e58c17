package dev.shoal.udp.internal;

import dev.shoal.udp.api.DatagramHandler;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands every registered {@link DatagramHandler} to the port's dispatch, in its
 * {@link DatagramHandler#ORDER}.
 *
 * <p>A component of its own, not references of the port's: the DHT and the UDP tracker both offer a
 * handler and hold the {@code UdpPort}. Were the port to track the handlers, activating it would
 * activate a handler, whose activation asks for the port being activated: SCR breaks that cycle by
 * leaving the handler without its port, for good (seen: the UDP tracker answered "UDP port not
 * available" to every announce). Here the port depends on nothing that depends on it.
 */
@Component(immediate = true)
public final class HandlerWhiteboard {

    private static final Logger LOG = LoggerFactory.getLogger(HandlerWhiteboard.class);

    private final DatagramDispatch dispatch;

    @Activate
    public HandlerWhiteboard(@Reference DatagramDispatch dispatch) {
        this.dispatch = dispatch;
    }

    @Reference(name = "handlers", cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeHandler", updated = "updateHandler")
    void addHandler(DatagramHandler handler, Map<String, Object> properties) {
        Object id = properties.get("service.id");
        String name = String.valueOf(properties.getOrDefault("component.name", handler.getClass().getName()));
        int order = order(properties);
        dispatch.add(handler, order, id instanceof Long serviceId ? serviceId : Long.MAX_VALUE, name);
        LOG.debug("UDP handler {} asked at order {}", name, order);
    }

    void updateHandler(DatagramHandler handler, Map<String, Object> properties) {
        addHandler(handler, properties);
    }

    void removeHandler(DatagramHandler handler) {
        dispatch.remove(handler);
    }

    /** A handler without a usable order is asked last, rather than ahead of a protocol it might shadow. */
    static int order(Map<String, Object> properties) {
        Object order = properties.get(DatagramHandler.ORDER);
        if (order instanceof Number number) {
            return number.intValue();
        }
        if (order instanceof String text) {
            try {
                return Integer.parseInt(text.trim());
            } catch (NumberFormatException e) {
                // falls through to last
            }
        }
        LOG.warn("UDP handler {} has no integer {} ({}): asked last", properties.get("component.name"),
                DatagramHandler.ORDER, order);
        return Integer.MAX_VALUE;
    }
}
