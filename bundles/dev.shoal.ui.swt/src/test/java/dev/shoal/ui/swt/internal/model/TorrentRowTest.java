package dev.shoal.ui.swt.internal.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.engine.api.MetadataStatus;
import dev.shoal.engine.api.TorrentState;
import dev.shoal.engine.api.TorrentStatus;
import dev.shoal.metainfo.InfoHash;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TorrentRowTest {

    private static final String HASH = "ab".repeat(20);

    @Test
    void aMagnetFetchingItsMetadataShowsTheMetadatasProgressAndCountsAsDownloading() {
        TorrentRow row = TorrentRow.of(4, status(TorrentState.METADATA, Optional.of(new MetadataStatus(12_288, 49_152, 1))));
        assertEquals(0.25, row.progress(), 1e-9);
        assertEquals(HASH, row.name());
        assertEquals(List.of("4 | " + HASH + " | 0 B | 25.0% | Metadata | 0 B/s | 0 B/s |  | 0 | 1 | 0 B | 0.00"),
                Column.lines(List.of(row)).subList(1, 2));
        assertTrue(StateFilter.DOWNLOADING.test(row));
        assertTrue(!StateFilter.SEEDING.test(row) && !StateFilter.PAUSED.test(row));
    }

    @Test
    void beforeAPeerTellsTheMetadatasSizeItsProgressIsNone() {
        TorrentRow row = TorrentRow.of(4, status(TorrentState.METADATA, Optional.of(new MetadataStatus(0, -1, 0))));
        assertEquals(0.0, row.progress());
    }

    private static TorrentStatus status(TorrentState state, Optional<MetadataStatus> metadata) {
        return new TorrentStatus(InfoHash.fromHex(HASH), HASH, state, Optional.empty(), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                Optional.empty(), 1, 0, Duration.ZERO, List.of(), metadata);
    }
}
