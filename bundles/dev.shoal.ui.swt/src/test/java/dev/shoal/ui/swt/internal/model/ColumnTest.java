package dev.shoal.ui.swt.internal.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.shoal.engine.api.TorrentState;
import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnTest {

    @Test
    void linesAreTheTitlesThenOneLinePerRowInOrder() {
        List<String> lines = Column.lines(List.of(Rows.row(7, "b.iso", TorrentState.PAUSED, 0.4239),
                Rows.row(3, "a.iso", TorrentState.DOWNLOADING, 1)));
        assertEquals(List.of("# | Name | Size | Progress | State | Down | Up | ETA | Seeds | Peers | Uploaded | Ratio",
                "7 | b.iso | 6.8 KiB | 42.3% | Paused | 0 B/s | 0 B/s |  | 0 | 0 | 0 B | 0.00",
                "3 | a.iso | 2.9 KiB | 100% | Downloading | 0 B/s | 0 B/s | ∞ | 0 | 0 | 0 B | 0.00"), lines);
        assertEquals(List.of(lines.get(0)), Column.lines(List.of()));
    }
}
