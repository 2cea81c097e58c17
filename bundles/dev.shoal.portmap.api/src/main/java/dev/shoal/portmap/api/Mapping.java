package dev.shoal.portmap.api;

/**
 * One port mapping asked of one router.
 *
 * @param method        {@value #UPNP}, {@value #NAT_PMP} or {@value #PCP}
 * @param transport     "TCP" or "UDP"
 * @param gateway       the router, as "interface address" ("eth0 192.168.1.1", "upnp http://192.168.1.1:5000/ctl")
 * @param internalPort  our port
 * @param externalPort  the router's port for it, 0 while not mapped
 * @param state         {@value #MAPPED}, {@value #PENDING} or {@value #FAILED}
 * @param leaseSeconds  the lease the router granted (0 = permanent)
 * @param renewAtMillis when it is asked again (epoch millis), 0 when not scheduled
 * @param note          what is worth knowing: the router's last error, or that it only takes permanent leases; empty for nothing
 */
public record Mapping(String method, String transport, String gateway, int internalPort, int externalPort,
        String state, long leaseSeconds, long renewAtMillis, String note) {

    public static final String UPNP = "UPnP";
    public static final String NAT_PMP = "NAT-PMP";
    public static final String PCP = "PCP";

    public static final String MAPPED = "mapped";
    public static final String PENDING = "pending";
    public static final String FAILED = "failed";
}
