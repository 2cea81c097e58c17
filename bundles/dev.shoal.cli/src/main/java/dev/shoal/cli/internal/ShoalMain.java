package dev.shoal.cli.internal;

import java.util.Map;
import java.util.concurrent.Callable;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import dev.shoal.metainfo.TorrentCreator;

/**
 * Runs the command the user typed on the JVM's main thread. bnd's launcher calls the
 * {@code main.thread} service once the framework is up, exits with the Integer it returns, and
 * hands us the program arguments as the {@code launcher.arguments} property of its own service.
 */
@Component(service = Callable.class, property = "main.thread=true")
public final class ShoalMain implements Callable<Integer> {

    private final String[] arguments;
    private final String version;
    private final TorrentCreator creator;

    @Activate
    public ShoalMain(
            @Reference(service = Object.class, target = "(launcher.arguments=*)") Map<String, Object> launcher,
            @Reference TorrentCreator creator,
            BundleContext context) {
        this.arguments = (String[]) launcher.get("launcher.arguments");
        this.version = context.getBundle().getHeaders().get("Shoal-Version");
        this.creator = creator;
    }

    @Override
    public Integer call() {
        return new ShoalCommandLine(version, creator).run(arguments, System.out, System.err);
    }
}
