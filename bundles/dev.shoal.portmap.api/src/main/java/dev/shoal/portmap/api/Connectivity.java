package dev.shoal.portmap.api;

import java.util.Objects;

/**
 * Whether the peer port is reachable from the internet as far as Shoal can tell, as {@code shoal:ports}
 * says it: by the peers that dialled it and the routers' mappings, never by asking a service outside.
 *
 * @param port    the peer wire's TCP port; 0 while the peer wire is not running
 * @param verdict {@value #YES} (a peer from the internet dialled it), {@value #LIKELY} (a router maps it)
 *                or {@value #UNKNOWN}
 * @param reason  why, in a few words ("a router maps port 6881; no peer from the internet has dialled it yet")
 * @since 1.1
 */
public record Connectivity(int port, String verdict, String reason) {

    public static final String YES = "yes";
    public static final String LIKELY = "likely";
    public static final String UNKNOWN = "unknown";

    public Connectivity {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(reason, "reason");
    }
}
