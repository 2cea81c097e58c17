package dev.shoal.cli.internal;

import java.io.Console;
import java.lang.reflect.Method;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * What the user's screen can do.
 *
 * @param interactive stdin and stdout are a terminal: redraw a line in place
 * @param unicode     the arrows ↓ ↑ reach the terminal intact
 * @param columns     characters per line ($COLUMNS, else 80)
 */
record Terminal(boolean interactive, boolean unicode, int columns) {

    static final String ARROWS = "\u2193\u2191";
    private static final int DEFAULT_COLUMNS = 80;

    /** Output that is not a terminal: a log file or a pipe. */
    static final Terminal LOG = new Terminal(false, false, DEFAULT_COLUMNS);

    static Terminal detect() {
        boolean interactive = isTerminal(System.console());
        return new Terminal(interactive, interactive && canShowArrows(System.getProperties(), Charset.defaultCharset()),
                columns(System.getenv()));
    }

    /**
     * {@code System.console()} is null unless stdin and stdout are a terminal up to Java 21 and again
     * from Java 25; Java 22 to 24 return a console for redirected output too and tell the two apart
     * with {@code Console.isTerminal()} (added in 22, so called by name: we compile for 17).
     */
    static boolean isTerminal(Console console) {
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Our writers encode with {@code writerCharset} (the JVM default); the terminal decodes with its
     * own ({@code stdout.encoding} from Java 19, {@code sun.stdout.encoding}, else
     * {@code native.encoding}, else the default). Arrows only when both are the same charset and it
     * has them: a UTF-8 JVM writing to a C-locale terminal would show garbage.
     */
    static boolean canShowArrows(Properties system, Charset writerCharset) {
        Charset terminal = charset(system.getProperty("stdout.encoding"))
                .or(() -> charset(system.getProperty("sun.stdout.encoding")))
                .or(() -> charset(system.getProperty("native.encoding")))
                .orElse(writerCharset);
        return terminal.equals(writerCharset) && writerCharset.newEncoder().canEncode(ARROWS);
    }

    static int columns(Map<String, String> env) {
        String value = env.get("COLUMNS");
        if (value != null && value.matches("\\d{2,4}")) {
            return Math.max(20, Integer.parseInt(value));
        }
        return DEFAULT_COLUMNS;
    }

    private static Optional<Charset> charset(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Charset.forName(name));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return Optional.empty();
        }
    }
}
