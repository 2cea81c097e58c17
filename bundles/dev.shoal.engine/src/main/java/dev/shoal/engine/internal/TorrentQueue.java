package dev.shoal.engine.internal;

import dev.shoal.engine.internal.QueuePolicy.Entry;
import dev.shoal.engine.internal.QueuePolicy.Kind;
import dev.shoal.engine.internal.QueuePolicy.Plan;
import dev.shoal.engine.internal.QueuePolicy.Standing;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Applies the {@link QueuePolicy} to the engine's torrents: starts waiting ones when slots free and
 * sends back those over a limit. Engine thread only. It runs soon after every state change
 * ({@link #changed()}), folded into one run however many changes came, and on the engine's tick only
 * while a torrent waits. Each run also notes which torrents are awake (neither paused, finished nor
 * failed): the tick looks at those alone, so torrents at rest cost nothing however many there are.
 */
final class TorrentQueue {

    private final TorrentTable table;
    private final EngineThread thread;
    private final Supplier<EngineSettings> settings;
    private boolean scheduled;
    private List<TorrentRuntime> awake = List.of();
    private boolean waiting;

    TorrentQueue(TorrentTable table, EngineThread thread, Supplier<EngineSettings> settings) {
        this.table = table;
        this.thread = thread;
        this.settings = settings;
    }

    /** Whether a stopped torrent the user starts now gets a slot (torrents waiting ahead of it go first). */
    boolean slotFor(TorrentRuntime torrent) {
        List<TorrentRuntime> torrents = table.inOrder();
        List<Entry> entries = entries(torrents);
        int index = torrents.indexOf(torrent);
        if (index < 0) {
            return false;
        }
        entries.set(index, new Entry(Standing.WAITING, torrent.standing().kind()));
        return policy().plan(entries).starts(index);
    }

    /** Whether a torrent added now, at the end of the queue, gets a slot; its completeness is not known yet. */
    boolean slotForNew() {
        List<Entry> entries = entries(table.inOrder());
        entries.add(new Entry(Standing.WAITING, Kind.CHECK));
        return policy().plan(entries).starts(entries.size() - 1);
    }

    /** A torrent changed state or place: look again soon. */
    void changed() {
        if (!scheduled) {
            scheduled = true;
            thread.execute(this::balance);
        }
    }

    void balance() {
        scheduled = false;
        List<TorrentRuntime> torrents = table.inOrder();
        List<Entry> entries = entries(torrents);
        List<TorrentRuntime> nowAwake = new ArrayList<>();
        waiting = false;
        for (int i = 0; i < torrents.size(); i++) {
            // Starting or queueing moves a torrent between QUEUED and running: awake either way.
            if (torrents.get(i).awake()) {
                nowAwake.add(torrents.get(i));
            }
            waiting |= entries.get(i).standing() == Standing.WAITING;
        }
        awake = List.copyOf(nowAwake);
        Plan plan = policy().plan(entries);
        plan.queue().forEach(index -> torrents.get(index).sendBackToQueue());
        plan.start().forEach(index -> torrents.get(index).startFromQueue());
    }

    /** The torrents neither paused, finished nor failed at the last run (removed ones may linger until the next). */
    List<TorrentRuntime> awake() {
        return awake;
    }

    /** Whether a torrent waited for a slot at the last run. */
    boolean anyWaiting() {
        return waiting;
    }

    private QueuePolicy policy() {
        EngineSettings now = settings.get();
        return new QueuePolicy(now.maxActiveDownloads(), now.maxActiveSeeds());
    }

    private static List<Entry> entries(List<TorrentRuntime> torrents) {
        List<Entry> entries = new ArrayList<>(torrents.size());
        for (TorrentRuntime torrent : torrents) {
            entries.add(torrent.standing().entry());
        }
        return entries;
    }
}
