package dev.shoal.rpc.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code shoal:rpc}: where Transmission's RPC listens, whether Jetty serves there, and whether credentials are needed. */
@Component(service = RpcCommand.class, property = {"osgi.command.scope=shoal", "osgi.command.function=rpc"})
public final class RpcCommand {

    private final HttpEndpoint endpoint;

    @Activate
    public RpcCommand(@Reference HttpEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    public String rpc() {
        if (endpoint.url().isEmpty()) {
            return "Transmission RPC off: " + endpoint.problem();
        }
        return "Transmission RPC on " + endpoint.url() + (endpoint.serving() ? "" : " (the HTTP server is not up yet)")
                + (endpoint.authRequired() ? ", credentials required (user and .password of " + RpcServlet.PID + ")"
                        : ", no credentials required");
    }
}
