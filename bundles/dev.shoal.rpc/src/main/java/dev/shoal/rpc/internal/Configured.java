package dev.shoal.rpc.internal;

import dev.shoal.support.config.CfgFiles;
import java.io.IOException;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;

/**
 * Other Shoal bundles' settings (the engine's queue sizes, the peer wire's connection limits, the
 * DHT and LSD switches) as {@code shoal:config} reads and changes them: the stored value, else the
 * default the bundle's metatype declares, so the RPC repeats no bundle's defaults. A change is saved
 * into the setting's {@code .cfg} file too, and the bundle applies it as it applies any.
 */
final class Configured {

    static final String ENGINE = "dev.shoal.engine";
    static final String PEER = "dev.shoal.peer";
    static final String DHT = "dev.shoal.dht";
    static final String LSD = "dev.shoal.lsd";

    private final BundleContext context;
    private final ConfigurationAdmin admin;
    private final Supplier<MetaTypeService> metatype;

    /** @param metatype the metatype service, or null while there is none */
    Configured(BundleContext context, ConfigurationAdmin admin, Supplier<MetaTypeService> metatype) {
        this.context = context;
        this.admin = admin;
        this.metatype = metatype;
    }

    /** The setting in force, as text; empty when neither stored nor described (its bundle is not installed). */
    Optional<String> value(String pid, String key) {
        Object stored = stored(pid).map(p -> p.get(key)).orElse(null);
        if (stored != null) {
            return Optional.of(String.valueOf(stored));
        }
        return attribute(pid, key).map(AttributeDefinition::getDefaultValue).filter(d -> d.length > 0)
                .map(d -> d[0]);
    }

    /** A number setting; empty when unknown or not a number. */
    Optional<Long> number(String pid, String key) {
        try {
            return value(pid, key).map(String::strip).map(Long::valueOf);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A switch; empty when unknown. */
    Optional<Boolean> flag(String pid, String key) {
        return value(pid, key).map(String::strip).map(Boolean::parseBoolean);
    }

    /**
     * Changes settings of {@code pid}, each typed as its metatype says, saved into its {@code .cfg}.
     *
     * @throws RpcException when the bundle describes no such setting, or it cannot be saved
     */
    void update(String pid, Map<String, Object> changes) throws RpcException {
        try {
            Configuration configuration = admin.getConfiguration(pid, "?");
            Dictionary<String, Object> properties = configuration.getProperties();
            Hashtable<String, Object> changed = new Hashtable<>();
            if (properties != null) {
                for (var keys = properties.keys(); keys.hasMoreElements();) {
                    String key = keys.nextElement();
                    changed.put(key, properties.get(key));
                }
            }
            for (Map.Entry<String, Object> change : changes.entrySet()) {
                AttributeDefinition attribute = attribute(pid, change.getKey()).orElseThrow(() -> new RpcException(
                        "Shoal has no setting " + pid + " " + change.getKey() + " (is its bundle running?)"));
                changed.put(change.getKey(), typed(attribute, change.getValue()));
            }
            CfgFiles.update(configuration, changed);
        } catch (IOException e) {
            throw new RpcException("cannot change " + pid + ": " + e.getMessage());
        }
    }

    private static Object typed(AttributeDefinition attribute, Object value) {
        String text = String.valueOf(value);
        return switch (attribute.getType()) {
            case AttributeDefinition.INTEGER -> Integer.valueOf(text);
            case AttributeDefinition.LONG -> Long.valueOf(text);
            case AttributeDefinition.BOOLEAN -> Boolean.valueOf(text);
            case AttributeDefinition.DOUBLE -> Double.valueOf(text);
            default -> text;
        };
    }

    private Optional<Dictionary<String, Object>> stored(String pid) {
        try {
            Configuration[] found = admin.listConfigurations("(service.pid=" + pid + ")");
            return found == null || found.length == 0 ? Optional.empty() : Optional.ofNullable(found[0].getProperties());
        } catch (IOException | InvalidSyntaxException e) {
            return Optional.empty();
        }
    }

    private Optional<AttributeDefinition> attribute(String pid, String key) {
        MetaTypeService service = metatype.get();
        if (service == null) {
            return Optional.empty();
        }
        for (Bundle bundle : context.getBundles()) {
            MetaTypeInformation info = service.getMetaTypeInformation(bundle);
            if (info == null || !Arrays.asList(info.getPids()).contains(pid)) {
                continue;
            }
            ObjectClassDefinition ocd = info.getObjectClassDefinition(pid, null);
            for (AttributeDefinition attribute : ocd.getAttributeDefinitions(ObjectClassDefinition.ALL)) {
                if (attribute.getID().equals(key)) {
                    return Optional.of(attribute);
                }
            }
        }
        return Optional.empty();
    }
}
