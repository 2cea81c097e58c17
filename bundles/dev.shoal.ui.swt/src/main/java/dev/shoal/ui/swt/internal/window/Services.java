package dev.shoal.ui.swt.internal.window;

import dev.shoal.engine.api.Engine;
import dev.shoal.metainfo.TorrentCreator;
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
 * The search service comes and goes with its bundle, so the window asks for it each time.
 */
public record Services(Engine engine, Executor work, ConfigurationAdmin admin, MetaTypeService metatype,
        TorrentCreator creator, BundleContext context, Supplier<Optional<SearchService>> search) {
}
