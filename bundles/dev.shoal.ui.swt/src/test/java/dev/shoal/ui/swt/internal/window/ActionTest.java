package dev.shoal.ui.swt.internal.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.engine.api.TorrentState;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.swt.graphics.ImageData;
import org.junit.jupiter.api.Test;

/** The action registry's definitions: icons for both zoom levels, keys that never collide, enablement, names. */
class ActionTest {

    @Test
    void everyIconIsBundledAt16And32Pixels() throws Exception {
        for (Action action : Action.values()) {
            if (action.icon() == null) {
                continue;
            }
            assertEquals(16, size(action.icon() + ".png"), action + " at 100 %");
            assertEquals(32, size(action.icon() + "@2x.png"), action + " at 200 %");
        }
        try (InputStream notice = ActionTest.class.getResourceAsStream("/dev/shoal/ui/swt/icons/NOTICE.md")) {
            assertNotNull(notice, "the icons' source and licence");
        }
    }

    @Test
    void noTwoActionsShareAnAccelerator() {
        Map<Integer, Action> byKey = new HashMap<>();
        for (Action action : Action.values()) {
            if (action.accelerator() != 0) {
                Action before = byKey.put(action.accelerator(), action);
                assertEquals(null, before, () -> action + " and " + before + " share " + action.acceleratorText());
            }
        }
        assertTrue(Action.REMOVE_DATA.acceleratorText().endsWith("Shift+Del"), Action.REMOVE_DATA.acceleratorText());
        assertTrue(Action.OPEN.acceleratorText().endsWith("+O"), Action.OPEN.acceleratorText());
        assertEquals("", Action.START.acceleratorText());
    }

    @Test
    void enabledOnlyWhereTheSelectionAllows() {
        List<TorrentState> paused = List.of(TorrentState.PAUSED);
        List<TorrentState> seeding = List.of(TorrentState.SEEDING);
        assertTrue(Action.START.applies().test(1, paused));
        assertFalse(Action.START.applies().test(1, seeding));
        assertTrue(Action.PAUSE.applies().test(1, seeding));
        assertFalse(Action.PAUSE.applies().test(1, paused));
        assertTrue(Action.START.applies().test(2, List.of(TorrentState.PAUSED, TorrentState.SEEDING)));
        assertFalse(Action.REMOVE.applies().test(3, List.of()));
        assertTrue(Action.LIMITS.applies().test(2, seeding));
        assertFalse(Action.LIMITS.applies().test(2, List.of(TorrentState.SEEDING, TorrentState.PAUSED)));
        assertFalse(Action.SELECT_ALL.applies().test(0, List.of()));
        assertTrue(Action.OPEN.applies().test(0, List.of()));
    }

    @Test
    void namedByEnumNameOrLabel() {
        assertEquals(Action.PAUSE, Action.parse("pause"));
        assertEquals(Action.REMOVE_DATA, Action.parse("Remove with data"));
        assertEquals(Action.OPEN, Action.parse("Open torrent…"));
        assertEquals(Action.URL, Action.parse("url"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Action.parse("frobnicate"));
        assertTrue(e.getMessage().startsWith("no action 'frobnicate'"), e.getMessage());
    }

    private static int size(String file) throws Exception {
        try (InputStream in = ActionTest.class.getResourceAsStream("/dev/shoal/ui/swt/icons/" + file)) {
            assertNotNull(in, file + " is missing");
            ImageData data = new ImageData(in);
            assertEquals(data.width, data.height, file + " is square");
            return data.width;
        }
    }
}
