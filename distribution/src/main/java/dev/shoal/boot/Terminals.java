package dev.shoal.boot;

import java.io.Console;

/** Whether a person is at the keyboard: stdin and stdout both a terminal. */
final class Terminals {

    private Terminals() {
    }

    static boolean interactive() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        // From Java 22 a Console exists even when redirected; isTerminal() (22+) tells the truth.
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
