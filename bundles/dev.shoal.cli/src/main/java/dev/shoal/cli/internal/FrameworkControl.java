package dev.shoal.cli.internal;

/** What {@code shoal daemon} needs of the OSGi framework it runs in; a fake in tests. */
interface FrameworkControl {

    /** Raises the framework's start level, starting the bundles that only long-running commands need. */
    void raiseStartLevel(int level);

    /**
     * Asks that Shoal goes on running once the command has returned, until the framework stops
     * (whoever stops it). The wait happens outside the command line's library: when the framework
     * has stopped, no bundle can load a class any more, and picocli still has work after a command.
     */
    void keepRunning();

    /** Outside a framework (tests of the other commands): the daemon cannot run. */
    FrameworkControl NONE = new FrameworkControl() {
        @Override
        public void raiseStartLevel(int level) {
            throw new IllegalStateException("the daemon runs inside the OSGi framework only");
        }

        @Override
        public void keepRunning() {
            throw new IllegalStateException("the daemon runs inside the OSGi framework only");
        }
    };
}
