package dev.shoal.portmap.internal;

import dev.shoal.portmap.api.Mapping;
import dev.shoal.portmap.api.PortMapStatus;
import dev.shoal.portmap.api.PortMapper;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code shoal:portmap}: the gateways, each mapping (protocol, router, ports, lease, last error) and the external address. */
@Component(service = PortmapCommand.class, property = {"osgi.command.scope=shoal", "osgi.command.function=portmap"})
public final class PortmapCommand {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final PortMapper mapper;

    @Activate
    public PortmapCommand(@Reference PortMapper mapper) {
        this.mapper = mapper;
    }

    public List<String> portmap() {
        return lines(mapper.status());
    }

    static List<String> lines(PortMapStatus status) {
        List<String> lines = new ArrayList<>();
        if (!status.enabled()) {
            lines.add("port mapping off (enabled=false in dev.shoal.portmap)");
            return lines;
        }
        lines.add("external address: " + status.externalAddress()
                .map(a -> a.address().getHostAddress() + " (from " + a.source() + ")").orElse("not known"));
        lines.add("gateways: " + (status.gateways().isEmpty() ? "none found" : String.join(", ", status.gateways())));
        for (Mapping m : status.mappings()) {
            StringBuilder line = new StringBuilder()
                    .append(m.method()).append(' ').append(m.transport()).append(' ').append(m.internalPort())
                    .append(m.externalPort() > 0 ? " -> " + m.externalPort() : "").append(' ').append(m.state())
                    .append(" on ").append(m.gateway());
            if (m.state().equals(Mapping.MAPPED)) {
                line.append(", lease ").append(m.leaseSeconds() == 0 ? "permanent" : m.leaseSeconds() + " s");
            }
            if (m.renewAtMillis() > 0) {
                line.append(m.state().equals(Mapping.MAPPED) ? ", renewed at " : ", retried at ")
                        .append(TIME.format(Instant.ofEpochMilli(m.renewAtMillis())));
            }
            if (!m.note().isEmpty()) {
                line.append(" — ").append(m.note());
            }
            lines.add(line.toString());
        }
        return lines;
    }
}
