package dev.shoal.peer.internal.swarm;

/** Time for swarms; tests may step it. */
interface Clock {

    Clock SYSTEM = new Clock() {
        @Override
        public long millis() {
            return System.currentTimeMillis();
        }

        @Override
        public long nanos() {
            return System.nanoTime();
        }
    };

    long millis();

    long nanos();
}
