package dev.shoal.shell.internal;

import dev.shoal.engine.api.Engine;
import dev.shoal.search.api.SearchProvider;
import dev.shoal.search.api.SearchService;
import dev.shoal.test.support.ShoalFramework;
import java.nio.file.Path;
import java.util.Map;

/**
 * The real engine over real storage, announcer and swarm service on 127.0.0.1, and the real search
 * service, as their bundles run in a framework under SCR; the tests see them through the API only.
 * Their data under {@code dir} (resume records in resume/, torrents/, downloads in downloads/).
 */
final class EngineRig implements AutoCloseable {

    private final ShoalFramework framework;

    EngineRig(Path dir) throws Exception {
        framework = ShoalFramework.in(dir.resolve("framework"))
                .shared("dev.shoal.bencode", "dev.shoal.metainfo", "dev.shoal.engine.api", "dev.shoal.search.api")
                .platform("org.apache.felix.log", "org.apache.felix.configadmin", "org.osgi.util.function",
                        "org.osgi.util.promise", "org.osgi.service.component", "org.apache.felix.scr", "slf4j.api",
                        "slf4j.simple", "org.apache.mina.core")
                .configuration("dev.shoal.engine", Map.of("resumeDirectory", dir.resolve("resume").toString(),
                        "torrentsDirectory", dir.resolve("torrents").toString(),
                        "downloadDirectory", dir.resolve("downloads").toString()))
                .configuration("dev.shoal.peer", Map.of("listenAddress", "127.0.0.1", "port", 0))
                .bundles("dev.shoal.storage.api", "dev.shoal.tracker.api", "dev.shoal.peer.api", "dev.shoal.storage",
                        "dev.shoal.tracker", "dev.shoal.peer", "dev.shoal.engine", "dev.shoal.search")
                .start();
    }

    Engine engine() throws InterruptedException {
        return framework.service(Engine.class);
    }

    SearchService search() throws InterruptedException {
        return framework.service(SearchService.class);
    }

    /** Offers {@code provider} to the search service as a plugin bundle would: a service. */
    void addProvider(SearchProvider provider) {
        framework.register(SearchProvider.class, provider);
    }

    @Override
    public void close() throws Exception {
        framework.close();
    }
}
