package dev.shoal.test.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import org.apache.felix.framework.FrameworkFactory;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.launch.Framework;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;

/**
 * A Felix framework running real bundles from the test's class path (found by symbolic name, jar
 * or target/classes alike) under Declarative Services and Configuration Admin, so a test reaches
 * Shoal's implementations through their API services only, as every other bundle does: renaming
 * a bundle's private class breaks none of its neighbours' tests. The {@link Builder#shared} bundles
 * are not installed: the system bundle exports their packages from the test's own class path, so
 * the test and the bundles see one {@code Engine}, one {@code Metainfo}.
 */
public final class ShoalFramework implements AutoCloseable {

    private static final Duration SERVICE_WAIT = Duration.ofSeconds(30);

    private final Framework framework;

    private ShoalFramework(Framework framework) {
        this.framework = framework;
    }

    /** A framework keeping its cache in {@code storage}. */
    public static Builder in(Path storage) {
        return new Builder(storage);
    }

    /** The service of that type, waiting for it as long as a component may take to activate. */
    public <T> T service(Class<T> type) throws InterruptedException {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context(), type, null);
        tracker.open();
        T service = tracker.waitForService(SERVICE_WAIT.toMillis());
        if (service == null) {
            throw new IllegalStateException("no " + type.getName() + " within " + SERVICE_WAIT.toSeconds() + " s");
        }
        return service;
    }

    /** Registers {@code service} as the test's own bundle would: for whiteboards. */
    public <T> ServiceRegistration<T> register(Class<T> type, T service) {
        return context().registerService(type, service, null);
    }

    private BundleContext context() {
        return framework.getBundleContext();
    }

    @Override
    public void close() throws Exception {
        framework.stop();
        framework.waitForStop(SERVICE_WAIT.toMillis());
    }

    /** What the framework runs, in order. */
    public static final class Builder {

        private final Path storage;
        private final List<String> shared = new ArrayList<>();
        private final List<String> platform = new ArrayList<>();
        private final List<String> bundles = new ArrayList<>();
        private final Map<String, Map<String, Object>> configurations = new LinkedHashMap<>();

        private Builder(Path storage) {
            this.storage = storage;
        }

        /** Bundles whose exported packages the test shares with the framework (APIs the test calls). */
        public Builder shared(String... symbolicNames) {
            shared.addAll(List.of(symbolicNames));
            return this;
        }

        /** Started first (Configuration Admin, SCR, libraries): then the configurations are set. */
        public Builder platform(String... symbolicNames) {
            platform.addAll(List.of(symbolicNames));
            return this;
        }

        /** Started last, once every configuration is there: no component starts on its defaults first. */
        public Builder bundles(String... symbolicNames) {
            bundles.addAll(List.of(symbolicNames));
            return this;
        }

        public Builder configuration(String pid, Map<String, ?> properties) {
            configurations.put(pid, new HashMap<>(properties));
            return this;
        }

        public ShoalFramework start() throws Exception {
            Map<String, ClassPathBundle> found = ClassPathBundle.all();
            List<String> exports = new ArrayList<>(List.of("org.osgi.service.cm;version=1.6.0"));
            for (String name : shared) {
                exports.add(bundle(found, name).exports());
            }
            Framework framework = new FrameworkFactory().newFramework(Map.of(
                    Constants.FRAMEWORK_STORAGE, storage.toString(),
                    Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT,
                    Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, String.join(",", exports)));
            framework.start();
            ShoalFramework running = new ShoalFramework(framework);
            try {
                BundleContext context = framework.getBundleContext();
                List<Bundle> first = install(context, found, platform);
                List<Bundle> last = install(context, found, bundles);
                startAll(first);
                configure(running.service(ConfigurationAdmin.class));
                startAll(last);
                return running;
            } catch (Exception | Error e) {
                running.close();
                throw e;
            }
        }

        private static List<Bundle> install(BundleContext context, Map<String, ClassPathBundle> found, List<String> names)
                throws Exception {
            List<Bundle> installed = new ArrayList<>();
            for (String name : names) {
                installed.add(context.installBundle(bundle(found, name).location()));
            }
            return installed;
        }

        private static void startAll(List<Bundle> bundles) throws Exception {
            for (Bundle bundle : bundles) {
                if (bundle.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                    bundle.start();
                }
            }
        }

        private void configure(ConfigurationAdmin configAdmin) throws IOException {
            for (Map.Entry<String, Map<String, Object>> pid : configurations.entrySet()) {
                Dictionary<String, Object> properties = new Hashtable<>(pid.getValue());
                configAdmin.getConfiguration(pid.getKey(), "?").update(properties);
            }
        }

        private static ClassPathBundle bundle(Map<String, ClassPathBundle> found, String name) {
            ClassPathBundle bundle = found.get(name);
            if (bundle == null) {
                throw new IllegalStateException("no bundle " + name + " on the test class path (a test dependency?)");
            }
            return bundle;
        }
    }

    /** A bundle on the class path: where it is and its manifest's main attributes. */
    private record ClassPathBundle(String location, Attributes manifest) {

        private static final String MANIFEST = "META-INF/MANIFEST.MF";

        /** Every bundle the test's class loader sees, by symbolic name (the first of each name). */
        static Map<String, ClassPathBundle> all() throws IOException {
            Map<String, ClassPathBundle> found = new HashMap<>();
            Enumeration<URL> manifests = ShoalFramework.class.getClassLoader().getResources(MANIFEST);
            while (manifests.hasMoreElements()) {
                URL url = manifests.nextElement();
                Attributes main;
                try (InputStream in = url.openStream()) {
                    main = new Manifest(in).getMainAttributes();
                }
                String name = main.getValue(Constants.BUNDLE_SYMBOLICNAME);
                if (name != null) {
                    found.putIfAbsent(name.split(";")[0].strip(), new ClassPathBundle(location(url), main));
                }
            }
            return found;
        }

        /** A jar's own URL, or a class folder's as Felix installs a folder in place ("reference:"). */
        private static String location(URL manifest) {
            String text = manifest.toString();
            String root = text.substring(0, text.length() - MANIFEST.length());
            return root.startsWith("jar:") ? root.substring("jar:".length(), root.length() - "!/".length())
                    : "reference:" + root;
        }

        /** Its Export-Package header, without the uses directives the system bundle cannot honour. */
        String exports() {
            String header = manifest.getValue(Constants.EXPORT_PACKAGE);
            if (header == null) {
                throw new IllegalStateException(manifest.getValue(Constants.BUNDLE_SYMBOLICNAME) + " exports nothing");
            }
            return header.replaceAll(";uses:=\"[^\"]*\"", "");
        }
    }
}
