package dev.shoal.ui.swt.internal.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ShellDriverTest {

    @Test
    void labelsMatchWithoutMnemonicsColonOrCase() {
        assertEquals("save to", ShellDriver.normal("&Save to:"));
        assertEquals("save to", ShellDriver.normal("  Save to : "));
        assertEquals("add", ShellDriver.normal("&Add"));
    }
}
