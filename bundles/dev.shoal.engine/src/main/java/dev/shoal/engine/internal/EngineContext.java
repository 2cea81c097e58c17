package dev.shoal.engine.internal;

import java.util.function.IntBinaryOperator;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What each torrent uses of the engine.
 *
 * @param services    the storage, announcer and swarm services there now
 * @param thread      the engine thread, where its state changes
 * @param closer      where blocking closes run (a storage's close waits for the disk)
 * @param listeners   the whiteboard listeners
 * @param peerSources the whiteboard peer sources
 * @param settings    the engine's settings now
 * @param table       the engine's torrents, for its place in the queue
 * @param queue       where it asks for a slot and says it changed
 * @param writer      where its record is saved
 * @param forget      drops a removed torrent from the engine's table and store (engine thread)
 * @param moveInQueue moves it in the queue (engine thread)
 */
record EngineContext(Services services, EngineThread thread,
        Executor closer, Listeners listeners, PeerSources peerSources, Supplier<EngineSettings> settings, TorrentTable table,
        TorrentQueue queue, SessionWriter writer, Consumer<TorrentRuntime> forget,
        BiConsumer<TorrentRuntime, IntBinaryOperator> moveInQueue) {
}
