package dev.shoal.ui.swt.internal.window;

import dev.shoal.dht.api.Dht;
import dev.shoal.engine.api.Engine;
import dev.shoal.metainfo.TorrentCreator;
import dev.shoal.portmap.api.PortMapper;
import dev.shoal.search.api.SearchService;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.metatype.MetaTypeService;

/**
 * What the window's actions reach: the engine and the services the dialogs need, and the "work"
 * executor every engine call, file read and ConfigAdmin write goes through (never the display thread).
 * The search, creator, DHT and port mapping services come and go with their bundles, so the window asks for them each time.
 */
public record Services(Engine engine, Executor work, ConfigurationAdmin admin, MetaTypeService metatype,
        Supplier<Optional<TorrentCreator>> creator, BundleContext context, Supplier<Optional<SearchService>> search,
        Supplier<Optional<Dht>> dht, Supplier<Optional<PortMapper>> portmap) {
}
