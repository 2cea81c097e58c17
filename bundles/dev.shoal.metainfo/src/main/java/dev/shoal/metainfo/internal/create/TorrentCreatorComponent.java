package dev.shoal.metainfo.internal.create;

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
 * The {@link TorrentCreator} service. Each request runs on its own thread pool, sized by the
 * configuration, so a changed thread count applies to the next request without a restart.
 */
@Component(service = TorrentCreator.class, configurationPid = TorrentCreatorComponent.PID)
@Designate(ocd = TorrentCreatorComponent.Config.class)
public final class TorrentCreatorComponent implements TorrentCreator {

    public static final String PID = "dev.shoal.metainfo.creator";

    @ObjectClassDefinition(name = "Shoal torrent creator", description = "Hashes files into new torrents.")
    public @interface Config {

        @AttributeDefinition(name = "Hashing threads",
                description = "Threads that hash pieces; 0 means one per available processor.", min = "0")
        int threads() default 0;
    }

    private volatile StandaloneTorrentCreator creator;

    @Activate
    public TorrentCreatorComponent(Config config) {
        this.creator = creatorFor(config);
    }

    @Modified
    void modified(Config config) {
        this.creator = creatorFor(config);
    }

    @Override
    public CreatedTorrent create(CreateRequest request, HashProgress progress) throws IOException {
        return creator.create(request, progress);
    }

    static StandaloneTorrentCreator creatorFor(Config config) {
        int threads = config.threads() > 0 ? config.threads() : Runtime.getRuntime().availableProcessors();
        return new StandaloneTorrentCreator(threads);
    }
}
