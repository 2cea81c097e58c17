package dev.shoal.shell.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.felix.gogo.jline.Posix;
import org.apache.felix.gogo.runtime.CommandProcessorImpl;
import org.apache.felix.gogo.runtime.CommandSessionImpl;
import org.apache.felix.gogo.runtime.threadio.ThreadIOImpl;
import org.apache.felix.service.command.Converter;
import org.apache.felix.service.command.Job;

/**
 * A real Gogo runtime outside OSGi: the shell's commands registered under the functions their
 * component descriptions (as bnd generated them) name, the converter, and gogo.jline's grep and cd,
 * as the Gogo whiteboard would register them in the framework.
 */
final class GogoRig implements AutoCloseable {

    private static final Pattern FUNCTIONS = Pattern.compile(
            "<property name=\"osgi.command.function\" type=\"String\"(?: value=\"([^\"]*)\"/>|>([^<]*)</property>)");
    private static final Pattern SCOPE = Pattern.compile("<property name=\"osgi.command.scope\" type=\"String\" value=\"([^\"]*)\"/>");

    /**
     * One per JVM, started once and never stopped: it replaces System.out/err/in, and a pipe's
     * threads may still be finishing (and put its streams back) after a rig is closed, so a
     * second start would find them set.
     */
    private static final ThreadIOImpl THREAD_IO = startedThreadIO();

    private final CommandProcessorImpl processor;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final CommandSessionImpl session;

    GogoRig(Path currentDirectory) {
        processor = new CommandProcessorImpl(THREAD_IO);
        processor.addConverter(new ShoalConverter());
        Posix posix = new Posix(processor);
        processor.addCommand("gogo", posix, "grep");
        processor.addCommand("gogo", posix, "cd");
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        session = processor.createSession(new ByteArrayInputStream(new byte[0]), print, print);
        session.currentDir(currentDirectory);
    }

    /** Registers {@code commands} as the whiteboard would: the scope and functions of its component description. */
    GogoRig register(Object commands) {
        String xml = componentXml(commands.getClass());
        Matcher scope = SCOPE.matcher(xml);
        if (!scope.find()) {
            throw new IllegalStateException("no osgi.command.scope in " + commands.getClass());
        }
        for (String function : functions(commands.getClass())) {
            processor.addCommand(scope.group(1), commands, function);
        }
        return this;
    }

    /** The processor, for commands that open sessions of their own. */
    CommandProcessorImpl processor() {
        return processor;
    }

    /** Registers one function of a test's own command object. */
    void addCommand(String scope, Object commands, String function) {
        processor.addCommand(scope, commands, function);
    }

    /** The osgi.command.function values in the component description bnd wrote for {@code type}. */
    static List<String> functions(Class<?> type) {
        Matcher m = FUNCTIONS.matcher(componentXml(type));
        if (!m.find()) {
            throw new IllegalStateException("no osgi.command.function in " + type);
        }
        String value = m.group(1) != null ? m.group(1) : m.group(2);
        List<String> functions = new ArrayList<>();
        for (String line : value.split("\n")) {
            if (!line.isBlank()) {
                functions.add(line.trim());
            }
        }
        return functions;
    }

    private static String componentXml(Class<?> type) {
        String name = "OSGI-INF/" + type.getName() + ".xml";
        try (InputStream in = type.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no " + name + " (bnd-process writes it)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs a command line as the console does: what it prints, then its result formatted by
     * the session (INSPECT), as gogo.jline's Shell prints it.
     */
    String run(String commandLine) throws Exception {
        out.reset();
        Object result = session.execute(commandLine);
        String printed = out.toString(StandardCharsets.UTF_8);
        return result == null ? printed : printed + session.format(result, Converter.INSPECT);
    }

    /** The result object itself, for tests of what commands return. */
    Object execute(String commandLine) throws Exception {
        out.reset();
        return session.execute(commandLine);
    }

    /** What Ctrl-C at the console does: interrupts the command running, once there is one; false if none came. */
    boolean interruptForeground(Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            Job job = session.foregroundJob();
            if (job != null) {
                job.interrupt();
                return true;
            }
            Thread.sleep(10);
        }
        return false;
    }

    @Override
    public void close() {
        session.close();
        processor.stop();
    }

    private static ThreadIOImpl startedThreadIO() {
        ThreadIOImpl threadIO = new ThreadIOImpl();
        threadIO.start();
        return threadIO;
    }
}
