package dev.shoal.cli.internal;

/** What {@code shoal daemon} needs of the OSGi framework it runs in; a fake in tests. */
interface FrameworkControl {

    /** Raises the framework's start level, starting the bundles that only long-running commands need. */
    void raiseStartLevel(int level);

    /** Returns once the framework has stopped, whoever stopped it. */
    void awaitStop() throws InterruptedException;

    /** Outside a framework (tests of the other commands): the daemon cannot run. */
    FrameworkControl NONE = new FrameworkControl() {
        @Override
        public void raiseStartLevel(int level) {
            throw new IllegalStateException("the daemon runs inside the OSGi framework only");
        }

        @Override
        public void awaitStop() {
            throw new IllegalStateException("the daemon runs inside the OSGi framework only");
        }
    };
}
