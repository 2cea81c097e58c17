package dev.shoal.distribution.it;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import dev.shoal.test.support.XvfbDisplay;

/**
 * An X display for the desktop tests of a class, as a JUnit extension in a static field: Xvfb started
 * before the class's tests (skipped, or failing under SHOAL_REQUIRE_ALL_TESTS=1, without Xvfb or
 * GTK 3) and stopped after them.
 */
final class VirtualDisplay implements BeforeAllCallback, AfterAllCallback {

    private static final int WIDTH = 1400;
    private static final int HEIGHT = 900;

    private XvfbDisplay display;

    @Override
    public void beforeAll(ExtensionContext context) {
        display = XvfbDisplay.start(WIDTH, HEIGHT);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (display != null) {
            display.close();
        }
    }

    /** The value for DISPLAY. */
    String name() {
        return display.name();
    }
}
