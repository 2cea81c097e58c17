package dev.shoal.distribution.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import dev.shoal.test.support.Processes;

/**
 * {@code shoal cli} against a running daemon, as a script would use it, and what its {@code shoal:info}
 * says about one torrent ({@code Label:  value} lines).
 */
final class ShoalCli {

    private static final Duration POLL = Duration.ofMillis(250);
    private static final Pattern PERCENT = Pattern.compile("([0-9.]+)%");
    private static final Pattern RATIO = Pattern.compile("ratio ([0-9.]+)");
    private static final Pattern LEADING_NUMBER = Pattern.compile("^(\\d+)");

    private final Shoal shoal;

    ShoalCli(Shoal shoal) {
        this.shoal = shoal;
    }

    Processes.Result run(String... words) {
        String[] args = new String[words.length + 1];
        args[0] = "cli";
        System.arraycopy(words, 0, args, 1, words.length);
        return shoal.run(args);
    }

    /** Runs a command that must succeed; its stdout. */
    String ok(String... words) {
        Processes.Result result = run(words);
        assertEquals(0, result.exitCode(), () -> "shoal cli " + String.join(" ", words) + "\n" + result.describe());
        return result.stdout();
    }

    /** {@code shoal:info} of one torrent, parsed. */
    Info info(String torrent) {
        return new Info(ok("shoal:info", torrent));
    }

    /**
     * Polls {@code shoal:info} until {@code goal} holds; the info that met it. A failing {@code shoal:info}
     * (the shell or the engine being restarted) counts as not yet.
     */
    Info awaitInfo(String torrent, String what, Duration timeout, Predicate<Info> goal, Supplier<String> context) {
        return new Info(awaitOutput(what, timeout, out -> goal.test(new Info(out)), context, "shoal:info", torrent));
    }

    /**
     * Runs {@code command} until it succeeds with output {@code done} accepts; that output. A failing
     * run (a bundle being installed or restarted) counts as not yet.
     */
    String awaitOutput(String what, Duration timeout, Predicate<String> done, Supplier<String> context,
            String... command) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Processes.Result last = null;
        while (System.nanoTime() - deadline < 0) {
            last = run(command);
            if (last.exitCode() == 0 && done.test(last.stdout())) {
                return last.stdout();
            }
            ShoalGet.sleep(POLL);
        }
        Object seen = last == null ? "nothing" : last.exitCode() == 0 ? last.stdout() : last.describe();
        return fail("not " + what + " within " + timeout.toSeconds() + " s; " + String.join(" ", command)
                + " last said:\n" + seen + "\n" + context.get());
    }

    /** One torrent's {@code shoal:info}. */
    record Info(String text) {

        Optional<String> field(String label) {
            return text.lines().filter(line -> line.startsWith(label + ":"))
                    .map(line -> line.substring(label.length() + 1).strip()).findFirst();
        }

        String state() {
            return field("State").orElse("?");
        }

        /** Done, in percent. */
        double done() {
            return number(PERCENT, field("Done").orElse(""));
        }

        double ratio() {
            return number(RATIO, field("Uploaded").orElse(""));
        }

        int peers() {
            return (int) number(LEADING_NUMBER, field("Peers").orElse(""));
        }

        private static double number(Pattern pattern, String text) {
            Matcher matcher = pattern.matcher(text);
            return matcher.find() ? Double.parseDouble(matcher.group(1)) : -1;
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
