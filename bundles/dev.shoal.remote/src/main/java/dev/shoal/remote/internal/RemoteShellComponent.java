package dev.shoal.remote.internal;

import java.io.IOException;
import java.nio.file.Path;

import org.apache.felix.service.command.CommandProcessor;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves Gogo sessions to {@code shoal cli} on 127.0.0.1 while Shoal runs as a daemon. It needs the
 * Gogo runtime, which only long-running Shoal commands start, so one-shot commands never listen.
 * A new configuration rebinds (no {@code @Modified}: DS deactivates and activates again).
 */
@Component(service = {}, configurationPid = RemoteShellComponent.PID)
@Designate(ocd = RemoteShellComponent.Config.class)
public final class RemoteShellComponent {

    public static final String PID = "dev.shoal.remote";
    static final String DATA_DIR_PROPERTY = "shoal.data.dir";

    private static final Logger LOG = LoggerFactory.getLogger(RemoteShellComponent.class);

    @ObjectClassDefinition(name = "Shoal remote shell",
            description = "Gogo sessions for `shoal cli`, on 127.0.0.1 only, behind the token in <data directory>/remote.token.")
    public @interface Config {

        @AttributeDefinition(name = "Port", description = "The TCP port on 127.0.0.1; 0 picks a free one "
                + "(clients find it in <data directory>/remote.port).", min = "0", max = "65535")
        int port() default 0;

        @AttributeDefinition(name = "Enabled", description = "Off: `shoal cli` cannot reach this Shoal.")
        boolean enabled() default true;
    }

    private final RemoteEndpoint endpoint;

    @Activate
    public RemoteShellComponent(Config config, BundleContext context, @Reference CommandProcessor processor) {
        this.endpoint = open(config, context.getProperty(DATA_DIR_PROPERTY), processor);
    }

    private static RemoteEndpoint open(Config config, String dataDir, CommandProcessor processor) {
        if (!config.enabled()) {
            LOG.info("remote shell disabled by configuration {}", PID);
            return null;
        }
        if (dataDir == null || dataDir.isBlank()) {
            LOG.warn("remote shell off: the framework property {} is not set, so there is nowhere to put its token",
                    DATA_DIR_PROPERTY);
            return null;
        }
        if (config.port() < 0 || config.port() > 65535) {
            LOG.error("remote shell off: port {} in {} is not a TCP port", config.port(), PID);
            return null;
        }
        try {
            RemoteEndpoint opened = RemoteEndpoint.open(Path.of(dataDir.strip()), config.port(), processor,
                    Limits.DEFAULT);
            LOG.info("remote shell on 127.0.0.1:{}", opened.port());
            return opened;
        } catch (IOException e) {
            LOG.error("remote shell off: {}", e.getMessage());
            return null;
        }
    }

    @Deactivate
    void deactivate() {
        if (endpoint == null) {
            return;
        }
        try {
            endpoint.close();
        } catch (IOException e) {
            LOG.warn("remote shell: closing: {}", e.getMessage());
        }
    }
}
