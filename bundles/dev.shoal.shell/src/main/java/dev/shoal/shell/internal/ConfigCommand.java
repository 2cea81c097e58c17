package dev.shoal.shell.internal;

import dev.shoal.shell.internal.args.Args;
import dev.shoal.shell.internal.args.Args.Spec;
import dev.shoal.shell.internal.args.ShellException;
import dev.shoal.shell.internal.config.Settings;
import dev.shoal.shell.internal.text.Table;
import dev.shoal.support.config.CfgFiles;
import java.io.IOException;
import java.util.Dictionary;
import java.util.Map;
import java.util.TreeMap;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;

/** {@code shoal:config}: Shoal's settings (the {@code dev.shoal.*} PIDs) as their metatypes describe them. */
@Component(service = ConfigCommand.class)
@Command(function = "config")
public final class ConfigCommand {

    static final String PREFIX = "dev.shoal.";

    private static final Spec CONFIG = Spec.of("shoal:config [<pid> [<attribute> <value>]]", 0, 3);

    private final BundleContext context;
    private final ConfigurationAdmin configAdmin;

    /**
     * Metatype starts late (start level 20) and may stop; the command says so instead of going away.
     * Package-private so tests outside DS can set it.
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile MetaTypeService metatype;

    @Activate
    public ConfigCommand(BundleContext context, @Reference ConfigurationAdmin configAdmin) {
        this.context = context;
        this.configAdmin = configAdmin;
    }

    @Descriptor("Shoal's settings: shoal:config lists them all, shoal:config <pid> one configuration,"
            + " shoal:config <pid> <attribute> <value> changes one")
    public Object config(CommandSession session, String... args) throws IOException {
        Args parsed = Args.parse(CONFIG, args);
        Map<String, ObjectClassDefinition> described = described();
        switch (parsed.operands().size()) {
            case 0 -> {
                Table.Builder table = Settings.table();
                described.forEach((pid, ocd) -> Settings.addRows(table, pid, ocd, stored(pid)));
                return table.build();
            }
            case 1 -> {
                String pid = parsed.operand(0);
                Table.Builder table = Settings.table();
                Settings.addRows(table, pid, ocd(described, pid), stored(pid));
                return table.build();
            }
            case 3 -> {
                String pid = parsed.operand(0);
                ObjectClassDefinition ocd = ocd(described, pid);
                Configuration configuration = configAdmin.getConfiguration(pid, "?");
                Settings.Change change = Settings.change(pid, ocd, configuration.getProperties(), parsed.operand(1),
                        parsed.operand(2));
                CfgFiles.update(configuration, change.properties());
                return change.summary();
            }
            default -> throw CONFIG.misuse("a value is missing");
        }
    }

    private static ObjectClassDefinition ocd(Map<String, ObjectClassDefinition> described, String pid) {
        ObjectClassDefinition ocd = described.get(pid);
        if (ocd == null) {
            throw new ShellException("no settings " + pid + " (there are " + String.join(", ", described.keySet()) + ")");
        }
        return ocd;
    }

    /** Every Shoal PID with a metatype, by PID. */
    private Map<String, ObjectClassDefinition> described() {
        MetaTypeService service = metatype;
        if (service == null) {
            throw new ShellException("no MetaTypeService: the org.apache.felix.metatype bundle is not running");
        }
        Map<String, ObjectClassDefinition> described = new TreeMap<>();
        for (Bundle bundle : context.getBundles()) {
            MetaTypeInformation info = service.getMetaTypeInformation(bundle);
            if (info == null) {
                continue;
            }
            for (String pid : info.getPids()) {
                if (pid.startsWith(PREFIX)) {
                    described.put(pid, info.getObjectClassDefinition(pid, null));
                }
            }
        }
        return described;
    }

    /** The stored properties of a PID, or null when it has none (listing must not create configurations). */
    private Dictionary<String, Object> stored(String pid) {
        try {
            Configuration[] found = configAdmin.listConfigurations("(service.pid=" + pid + ")");
            return found == null || found.length == 0 ? null : found[0].getProperties();
        } catch (IOException | InvalidSyntaxException e) {
            throw new ShellException("cannot read the configuration " + pid + ": " + e.getMessage(), e);
        }
    }
}
