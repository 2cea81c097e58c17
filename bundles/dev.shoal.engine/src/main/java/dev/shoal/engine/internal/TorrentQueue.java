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
 * sends back those over a limit. Engine thread only. It runs on every tick and soon after every state
 * change ({@link #changed()}), folded into one run however many changes came.
 */
final class TorrentQueue {

    private final TorrentTable table;
    private final EngineThread thread;
    private final Supplier<EngineSettings> settings;
    private boolean scheduled;

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
        Plan plan = policy().plan(entries(torrents));
        plan.queue().forEach(index -> torrents.get(index).sendBackToQueue());
        plan.start().forEach(index -> torrents.get(index).startFromQueue());
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
