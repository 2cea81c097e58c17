package dev.shoal.engine.internal;

import dev.shoal.engine.api.AddMagnet;
import dev.shoal.engine.api.AddTorrent;
import dev.shoal.engine.api.Engine;
import dev.shoal.engine.api.EngineException;
import dev.shoal.engine.api.EngineTotals;
import dev.shoal.engine.api.PeerSource;
import dev.shoal.engine.api.RateLimits;
import dev.shoal.engine.api.Torrent;
import dev.shoal.engine.api.TorrentListener;
import dev.shoal.metainfo.InfoHash;
import dev.shoal.metainfo.MagnetLink;
import dev.shoal.metainfo.Metainfo;
import dev.shoal.peer.api.SwarmService;
import dev.shoal.storage.api.StorageService;
import dev.shoal.tracker.api.Announcer;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The {@link Engine} as a DS component: its configuration, and the services it uses, wired into
 * an {@link EngineCore}, which does the work. The storage, announcer and swarm services are dynamic
 * references: when one leaves (its bundle is updated), the torrents let go of what they opened from
 * it and keep running, and take up the next one when it comes; the engine is never restarted for it.
 */
@Component(service = Engine.class, configurationPid = EngineComponent.PID)
@Designate(ocd = EngineComponent.Config.class)
public final class EngineComponent implements Engine {

    public static final String PID = "dev.shoal.engine";

    @ObjectClassDefinition(name = "Shoal engine", description = "Torrents' downloading and seeding.")
    public @interface Config {

        @AttributeDefinition(name = "Download limit (KiB/s)", description = "Over every torrent together; 0 for none.",
                min = "0")
        long downloadLimitKiB() default 0;

        @AttributeDefinition(name = "Upload limit (KiB/s)", description = "Over every torrent together; 0 for none.",
                min = "0")
        long uploadLimitKiB() default 0;

        @AttributeDefinition(name = "Alternative limits on", description = "Transmission's turtle mode: while on,"
                + " the alternative limits replace the download and upload limits (which are kept).")
        boolean altLimitsEnabled() default false;

        @AttributeDefinition(name = "Alternative download limit (KiB/s)", description = "In force while the"
                + " alternative limits are on; 0 for none.", min = "0")
        long altDownloadLimitKiB() default 49;

        @AttributeDefinition(name = "Alternative upload limit (KiB/s)", description = "In force while the"
                + " alternative limits are on; 0 for none.", min = "0")
        long altUploadLimitKiB() default 49;

        @AttributeDefinition(name = "Resume directory",
                description = "Where fast-resume files are kept; empty for <data directory>/resume.")
        String resumeDirectory() default "";

        @AttributeDefinition(name = "Torrents directory",
                description = "Where the engine keeps its torrents (torrent files and their state) across restarts;"
                        + " empty for <data directory>/torrents. Read at start.")
        String torrentsDirectory() default "";

        @AttributeDefinition(name = "Download directory",
                description = "Where torrents added without one download to; empty for <user.home>/Downloads.")
        String downloadDirectory() default "";

        @AttributeDefinition(name = "Seed ratio",
                description = "Torrents added without a goal stop seeding at this upload/size ratio; empty or"
                        + " negative for none.")
        String seedRatio() default "1.0";

        @AttributeDefinition(name = "Seed time (minutes)",
                description = "Torrents added without a goal stop seeding after this long; 0 for none.", min = "0")
        long seedTimeMinutes() default 0;

        @AttributeDefinition(name = "Idle seeding limit (minutes)",
                description = "A seeding torrent following the global idle limit stops after this long without"
                        + " uploading; 0 for none.", min = "0")
        long seedIdleMinutes() default 0;

        @AttributeDefinition(name = "Most active downloads",
                description = "Torrents downloading at once; more wait QUEUED, in queue order. 0 for no limit.",
                min = "0")
        int maxActiveDownloads() default 5;

        @AttributeDefinition(name = "Most active seeds",
                description = "Torrents seeding at once; more wait QUEUED, in queue order. 0 for no limit.", min = "0")
        int maxActiveSeeds() default 10;

        @AttributeDefinition(name = "Metadata timeout (seconds)",
                description = "A torrent added from a magnet link fails when its metadata has not come from peers"
                        + " within this long; 0 to wait for ever.", min = "0")
        long metadataTimeoutSeconds() default 0;
    }

    private final Services services;
    private final String dataDir;
    private final EngineCore core;

    @Activate
    public EngineComponent(Config config, BundleContext bundleContext) {
        this.dataDir = bundleContext.getProperty(EngineSettings.DATA_DIR_PROPERTY);
        this.services = new Services();
        EngineSettings settings = EngineSettings.oneShotSession(settingsOf(config, dataDir),
                bundleContext.getProperty(EngineSettings.SESSION_DIR_PROPERTY));
        // Shutting down, bundles stop one by one: a service leaving then is part of the stop.
        this.core = new EngineCore(settings, services, () -> bundleContext.getBundle(0).getState() == Bundle.STOPPING);
    }

    /** For use without OSGi, every service given; {@link #deactivate()} when done. */
    public EngineComponent(EngineSettings settings, StorageService storage, Announcer announcer,
            SwarmService swarms) {
        this.dataDir = null;
        this.services = new Services(storage, announcer, swarms);
        this.core = new EngineCore(settings, services, () -> false);
        core.start();
    }

    /** After the references are bound: the kept torrents come back, with the services there. */
    @Activate
    void activate() {
        core.start();
    }

    @Modified
    void modified(Config config) {
        core.setSettings(settingsOf(config, dataDir));
    }

    static EngineSettings settingsOf(Config config, String dataDir) {
        return Configured.settings(config, dataDir);
    }

    @Deactivate
    public void deactivate() {
        core.stop();
    }

    // ---- the services, each swappable while the torrents run ----

    @Reference(name = "storage", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unbindStorage")
    void bindStorage(StorageService storage) {
        arrived(services.storage, storage);
    }

    void unbindStorage(StorageService storage) {
        leaving(services.storage, storage);
    }

    @Reference(name = "announcer", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unbindAnnouncer")
    void bindAnnouncer(Announcer announcer) {
        arrived(services.announcer, announcer);
    }

    void unbindAnnouncer(Announcer announcer) {
        leaving(services.announcer, announcer);
    }

    @Reference(name = "swarms", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unbindSwarms")
    void bindSwarms(SwarmService swarms) {
        arrived(services.swarms, swarms);
    }

    void unbindSwarms(SwarmService swarms) {
        leaving(services.swarms, swarms);
    }

    private <T> void arrived(Services.Current<T> current, T service) {
        current.bind(service);
        core.serviceArrived();
    }

    private <T> void leaving(Services.Current<T> current, T service) {
        current.unbind(service);
        core.serviceLeaving();
    }

    @Reference(name = "listener", service = TorrentListener.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, unbind = "removeListener")
    public void addListener(TorrentListener listener) {
        core.addListener(listener);
    }

    public void removeListener(TorrentListener listener) {
        core.removeListener(listener);
    }

    @Reference(name = "peerSource", service = PeerSource.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, unbind = "removePeerSource")
    public void addPeerSource(PeerSource source) {
        core.addPeerSource(source);
    }

    public void removePeerSource(PeerSource source) {
        core.removePeerSource(source);
    }

    // ---- the Engine, as the core does it ----

    @Override
    public Torrent add(AddTorrent request) throws EngineException {
        return core.add(request);
    }

    @Override
    public AddTorrent defaults(Metainfo metainfo) {
        return core.defaults(metainfo);
    }

    @Override
    public Torrent add(AddMagnet request) throws EngineException {
        return core.add(request);
    }

    @Override
    public AddMagnet defaults(MagnetLink magnet) {
        return core.defaults(magnet);
    }

    @Override
    public Path downloadDirectory() {
        return core.downloadDirectory();
    }

    @Override
    public Torrent find(String idOrInfoHashPrefix) throws EngineException {
        return core.find(idOrInfoHashPrefix);
    }

    @Override
    public List<Torrent> torrents() {
        return core.torrents();
    }

    @Override
    public Optional<Torrent> torrent(InfoHash infoHash) {
        return core.torrent(infoHash);
    }

    @Override
    public EngineTotals totals() {
        return core.totals();
    }

    @Override
    public void setGlobalRateLimits(RateLimits limits) {
        core.setGlobalRateLimits(limits);
    }

    @Override
    public RateLimits globalRateLimits() {
        return core.globalRateLimits();
    }

    @Override
    public int listenPort() {
        return core.listenPort();
    }

    @Override
    public void setListenPort(int port) throws EngineException {
        core.setListenPort(port);
    }
}
