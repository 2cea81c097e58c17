package dev.shoal.create.internal;

import dev.shoal.create.standalone.StandaloneTorrentCreator;
import dev.shoal.metainfo.CreateRequest;
import dev.shoal.metainfo.CreatedTorrent;
import dev.shoal.metainfo.HashProgress;
import dev.shoal.metainfo.TorrentCreator;
import java.io.IOException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The {@link TorrentCreator} service: the standalone creator, hashing on as many threads as configured.
 * Each request runs on a thread pool of its own, so a changed thread count applies to the next
 * request without a restart.
 */
@Component(service = TorrentCreator.class, configurationPid = TorrentCreatorComponent.PID)
@Designate(ocd = TorrentCreatorComponent.Config.class)
public final class TorrentCreatorComponent implements TorrentCreator {

    public static final String PID = "dev.shoal.create";

    @ObjectClassDefinition(name = "Shoal torrent creator", description = "Hashes files into new torrents.")
    public @interface Config {

        @AttributeDefinition(name = "Hashing threads",
                description = "Threads that hash pieces; 0 means one per available processor.", min = "0")
        int threads() default 0;
    }

    private volatile TorrentCreator creator;

    @Activate
    public TorrentCreatorComponent(Config config) {
        this.creator = new StandaloneTorrentCreator(threads(config));
    }

    @Modified
    void modified(Config config) {
        this.creator = new StandaloneTorrentCreator(threads(config));
    }

    @Override
    public CreatedTorrent create(CreateRequest request, HashProgress progress) throws IOException {
        return creator.create(request, progress);
    }

    static int threads(Config config) {
        return config.threads() > 0 ? config.threads() : Runtime.getRuntime().availableProcessors();
    }
}
