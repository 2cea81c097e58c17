package dev.shoal.search.internal;

import static dev.shoal.search.internal.TestProvider.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.search.api.ProviderInfo;
import dev.shoal.search.api.ProviderOutcome;
import dev.shoal.search.api.SearchOptions;
import dev.shoal.search.api.SearchProvider;
import dev.shoal.search.api.SearchService;
import dev.shoal.search.api.SearchSession;
import dev.shoal.search.internal.TestProvider.Gated;
import dev.shoal.search.internal.TestProvider.Hanging;
import dev.shoal.search.internal.TestProvider.Healthy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.apache.felix.framework.FrameworkFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.launch.Framework;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The bundle as built (target/classes, with the manifest and component description bnd wrote) in a
 * Felix framework with the real SCR and Configuration Admin: providers registered as services are
 * searched, go when unregistered, the configuration reaches the component, and stopping the bundle
 * cancels the searches running.
 */
@Timeout(120)
class FrameworkTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private Framework framework;
    private BundleContext context;
    private Bundle search;
    private final List<TestProvider> providers = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        framework = new FrameworkFactory().newFramework(Map.of(
                Constants.FRAMEWORK_STORAGE, dir.resolve("framework").toString(),
                Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT,
                // The test's providers and the bundle must share the API; the log goes where the test's goes.
                Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, "dev.shoal.search.api;version=1.0.0,"
                        + "org.slf4j;version=1.7.36,org.osgi.service.cm;version=1.6.0",
                "felix.cm.dir", dir.resolve("config").toString()));
        framework.start();
        context = framework.getBundleContext();
        // Each bundle's jar found by a class only it holds.
        for (String inBundle : List.of("org.osgi.util.function.Function", "org.osgi.util.promise.Promise",
                "org.osgi.service.component.ComponentContext", "org.apache.felix.cm.PersistenceManager",
                "org.apache.felix.scr.impl.Activator")) {
            context.installBundle(location(Class.forName(inBundle))).start();
        }
        search = context.installBundle("reference:" + location(SearchComponent.class));
        search.start();
    }

    @AfterEach
    void stop() throws Exception {
        framework.stop();
        framework.waitForStop(30_000);
        for (TestProvider provider : providers) {
            provider.release();
        }
        for (TestProvider provider : providers) {
            provider.join();
        }
    }

    private static String location(Class<?> type) {
        return type.getProtectionDomain().getCodeSource().getLocation().toString();
    }

    private ServiceRegistration<SearchProvider> register(TestProvider provider) {
        providers.add(provider);
        return context.registerService(SearchProvider.class, provider, null);
    }

    private static <T> T await(Supplier<T> value, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        for (T v = value.get(); ; v = value.get()) {
            if (v != null) {
                return v;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + WAIT + ": " + what);
            }
            Thread.sleep(20);
        }
    }

    private SearchService service() throws InterruptedException {
        ServiceReference<SearchService> reference = await(() -> context.getServiceReference(SearchService.class),
                "the SearchService registered");
        return context.getService(reference);
    }

    private static Map<String, ProviderOutcome> byId(SearchSession search) {
        Map<String, ProviderOutcome> outcomes = new TreeMap<>();
        search.outcomes().forEach(o -> outcomes.put(o.providerId(), o));
        return outcomes;
    }

    @Test
    void providersRegisteredAsServicesAreSearchedWithTheConfiguredTimeout() throws Exception {
        SearchService service = service();
        ServiceRegistration<SearchProvider> quick = register(new Healthy("quick", List.of(result("found", 1, 3))));
        register(new Hanging("stuck"));
        assertEquals(List.of("quick", "stuck"), service.providers().stream().map(ProviderInfo::id).toList());

        ConfigurationAdmin config = context.getService(context.getServiceReference(ConfigurationAdmin.class));
        // The quick one must be done within the time-out, however loaded the machine: 5 s, not less.
        config.getConfiguration(SearchComponent.PID, "?").update(new Hashtable<>(Map.of("timeoutSeconds", 5)));
        // The component's properties reach its service's once @Modified has run.
        await(() -> Integer.valueOf(5).equals(context.getServiceReference(SearchService.class)
                .getProperty("timeoutSeconds")) ? Boolean.TRUE : null, "the configuration applied");

        SearchSession session = service.search("x", SearchOptions.defaults(), null);
        assertTrue(session.await(WAIT));
        assertEquals(List.of("found"), session.hits().stream().map(h -> h.result().title()).toList());
        assertEquals(ProviderOutcome.Status.DONE, byId(session).get("quick").status());
        assertEquals("timed out after 5 s", byId(session).get("stuck").message());

        quick.unregister();
        assertEquals(List.of("stuck"), service.providers().stream().map(ProviderInfo::id).toList());
    }

    @Test
    void stoppingTheBundleCancelsTheSearchesRunning() throws Exception {
        SearchService service = service();
        Gated gated = new Gated("gated", List.of());
        register(gated);
        SearchSession session = service.search("x", SearchOptions.defaults(), null);
        await(() -> gated.calls.get() == 1 ? Boolean.TRUE : null, "the provider asked");
        search.stop();
        assertTrue(session.done());
        assertEquals("cancelled: the search service stopped", session.outcomes().get(0).message());
    }
}
