package dev.shoal.ui.swt.internal.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.shoal.engine.api.TorrentState;
import org.junit.jupiter.api.Test;

class CompletionListenerTest {

    @Test
    void onlyADownloadThatFinishesCounts() {
        for (TorrentState before : TorrentState.values()) {
            for (TorrentState after : TorrentState.values()) {
                boolean expected = before == TorrentState.DOWNLOADING
                        && (after == TorrentState.SEEDING || after == TorrentState.FINISHED);
                assertEquals(expected, CompletionListener.completed(before, after), before + " -> " + after);
            }
        }
    }

    @Test
    void aTorrentFailsOnceWhenItGoesIntoError() {
        for (TorrentState before : TorrentState.values()) {
            for (TorrentState after : TorrentState.values()) {
                boolean expected = before != TorrentState.ERROR && after == TorrentState.ERROR;
                assertEquals(expected, CompletionListener.failed(before, after), before + " -> " + after);
            }
        }
    }
}
