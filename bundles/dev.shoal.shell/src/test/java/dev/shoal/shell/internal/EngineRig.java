package dev.shoal.shell.internal;

import dev.shoal.engine.api.Engine;
import dev.shoal.engine.api.SeedGoal;
import dev.shoal.engine.internal.EngineComponent;
import dev.shoal.engine.internal.EngineSettings;
import dev.shoal.peer.internal.swarm.SwarmComponent;
import dev.shoal.peer.internal.swarm.SwarmSettings;
import dev.shoal.storage.internal.StorageComponent;
import dev.shoal.tracker.internal.component.AnnouncerComponent;
import dev.shoal.tracker.internal.session.Timing;
import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.function.Function;

/**
 * The real engine over real storage, announcer and swarm service on 127.0.0.1, built by hand as
 * OSGi would; its data under {@code dir} (resume records in resume/, downloads in downloads/).
 */
final class EngineRig implements AutoCloseable {

    private final AnnouncerComponent announcer;
    private final SwarmComponent swarms;
    private final EngineComponent engine;

    EngineRig(Path dir) throws IOException {
        announcer = new AnnouncerComponent(Timing.DEFAULTS, new Random());
        swarms = new SwarmComponent(SwarmSettings.defaults().withListen("127.0.0.1", 0));
        engine = new EngineComponent(EngineSettings.defaults(dir.resolve("resume")).withTick(Duration.ofMillis(200))
                .withAdditions(new EngineSettings.AddDefaults(dir.resolve("downloads"), SeedGoal.DEFAULT)),
                defaults(StorageComponent.Config.class, StorageComponent::new), announcer, swarms);
    }

    Engine engine() {
        return engine;
    }

    /**
     * A component made with its configuration's defaults, as DS would make it with no configuration.
     */
    static <C, T> T defaults(Class<C> config, Function<C, T> component) {
        InvocationHandler defaults = (proxy, method, args) -> method.getName().equals("annotationType")
                ? config : method.getDefaultValue();
        return component.apply(config.cast(Proxy.newProxyInstance(config.getClassLoader(), new Class<?>[] {config},
                defaults)));
    }

    @Override
    public void close() {
        engine.deactivate();
        announcer.deactivate();
        swarms.close();
    }
}
