package dev.shoal.rpc.internal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shoal.engine.api.Engine;
import dev.shoal.engine.api.EngineTotals;
import dev.shoal.engine.api.Torrent;
import dev.shoal.engine.api.TorrentState;
import java.lang.management.ManagementFactory;

/**
 * {@code session-stats}: torrent counts and rates now, and {@code current-stats}: the bytes moved
 * since this RPC server started (the engine's totals then subtracted; a torrent removed since takes its
 * bytes along, so these never go below 0 rather than being exact) and the daemon's uptime. Shoal keeps
 * no record of its runs, so {@code cumulative-stats} (which web clients read unconditionally) is what
 * the torrents held now have moved in all runs, as their resume data keeps it, over this run's uptime.
 */
final class SessionStats implements RpcMethod {

    private final Engine engine;
    private final EngineTotals atStart;

    SessionStats(Engine engine) {
        this.engine = engine;
        this.atStart = engine.totals();
    }

    @Override
    public ObjectNode call(Arguments arguments, boolean snake) throws RpcException {
        EngineTotals totals = engine.totals();
        int paused = 0;
        for (Torrent torrent : engine.torrents()) {
            TorrentState state = torrent.status().state();
            if (state == TorrentState.PAUSED || state == TorrentState.FINISHED || state == TorrentState.ERROR) {
                paused++;
            }
        }
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        answer.put(name("activeTorrentCount", snake), totals.active());
        answer.put(name("pausedTorrentCount", snake), paused);
        answer.put(name("torrentCount", snake), totals.torrents());
        answer.put(name("downloadSpeed", snake), totals.downloadRate());
        answer.put(name("uploadSpeed", snake), totals.uploadRate());
        ObjectNode current = answer.putObject(name("current-stats", snake));
        current.put(name("uploadedBytes", snake), Math.max(0, totals.uploaded() - atStart.uploaded()));
        current.put(name("downloadedBytes", snake), Math.max(0, totals.downloaded() - atStart.downloaded()));
        current.put(name("secondsActive", snake), ManagementFactory.getRuntimeMXBean().getUptime() / 1000);
        current.put(name("sessionCount", snake), 1);
        ObjectNode cumulative = answer.putObject(name("cumulative-stats", snake));
        cumulative.put(name("uploadedBytes", snake), totals.uploaded());
        cumulative.put(name("downloadedBytes", snake), totals.downloaded());
        cumulative.put(name("secondsActive", snake), ManagementFactory.getRuntimeMXBean().getUptime() / 1000);
        cumulative.put(name("sessionCount", snake), 1);
        return answer;
    }

    private static String name(String historic, boolean snake) {
        return snake ? Names.snake(historic) : historic;
    }
}
