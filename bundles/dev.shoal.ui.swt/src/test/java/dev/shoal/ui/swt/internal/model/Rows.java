package dev.shoal.ui.swt.internal.model;

import dev.shoal.engine.api.TorrentState;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Rows made up for tests, varied in every column (a seeded random, so runs repeat). */
final class Rows {

    private Rows() {
    }

    static TorrentRow row(int id, String name, TorrentState state, double progress) {
        return new TorrentRow(id, name, 1000L * id, progress, state, 0, 0, -1, 0, 0, 0, 0, "");
    }

    static List<TorrentRow> many(int count) {
        Random random = new Random(42);
        TorrentState[] states = TorrentState.values();
        List<TorrentRow> rows = new ArrayList<>(count);
        for (int id = 1; id <= count; id++) {
            TorrentState state = states[random.nextInt(states.length)];
            boolean idle = id % 3 == 0; // some torrents move no bytes at all: the Inactive ones
            double progress = state == TorrentState.SEEDING || state == TorrentState.FINISHED ? 1.0
                    : random.nextInt(1001) / 1000.0;
            rows.add(new TorrentRow(id, String.format("%s-%05d", random.nextBoolean() ? "Ubuntu" : "debian",
                    random.nextInt(100_000)), random.nextInt(1 << 30), progress, state, idle ? 0 : random.nextInt(1 << 20),
                    idle ? 0 : random.nextInt(1 << 20), random.nextBoolean() ? -1 : random.nextInt(100_000), random.nextInt(50),
                    random.nextInt(80), random.nextInt(1 << 30), random.nextDouble() * 3,
                    state == TorrentState.ERROR ? "disk full" : ""));
        }
        return rows;
    }
}
