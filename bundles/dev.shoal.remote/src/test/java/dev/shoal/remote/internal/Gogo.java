package dev.shoal.remote.internal;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.felix.gogo.runtime.CommandProcessorImpl;
import org.apache.felix.gogo.runtime.threadio.ThreadIOImpl;

/** The real Gogo runtime outside OSGi, with a few commands of scope {@code test}. */
final class Gogo implements AutoCloseable {

    final ThreadIOImpl threadIO = new ThreadIOImpl();
    final CommandProcessorImpl processor;
    final Commands commands = new Commands();

    Gogo() {
        threadIO.start();
        processor = new CommandProcessorImpl(threadIO);
        processor.addCommand("test", commands);
    }

    @Override
    public void close() {
        processor.stop();
        threadIO.stop();
    }

    /** Public methods are the commands. */
    public static final class Commands {

        volatile CountDownLatch gate = new CountDownLatch(0);

        public String hello(String name) {
            System.out.println("printing for " + name);
            System.err.println("a note for " + name);
            return "hello " + name;
        }

        public void fail(String message) {
            throw new IllegalStateException(message + "\nsecond line");
        }

        public Object show(Object value) {
            return value;
        }

        /** Counts down the gate, then waits (bounded) until every caller has: proves concurrency. */
        public String meet() throws InterruptedException {
            CountDownLatch latch = gate;
            latch.countDown();
            return latch.await(20, TimeUnit.SECONDS) ? "met" : "alone";
        }
    }
}
