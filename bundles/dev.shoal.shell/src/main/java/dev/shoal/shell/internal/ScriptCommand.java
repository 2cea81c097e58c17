package dev.shoal.shell.internal;

import dev.shoal.shell.internal.args.ShellException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.felix.gogo.runtime.CommandSessionImpl;
import org.apache.felix.gogo.runtime.Parser;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code shoal:source}: runs a Gogo script in bounded memory. Gogo's own {@code source} runs the whole
 * script inside its own job, and the runtime keeps every statement's job (with its pipes and their
 * buffered streams, ~25 KiB each) as a child of that job until the script ends: 10,000
 * {@code shoal:add} lines outgrew a 384 MiB heap. Here the statements run one by one in a session of
 * the script's own (the caller's streams, directory and variables), on a thread where no job is
 * current: each is a job with no parent, dropped once done. An unscoped {@code source} in Shoal's
 * shells is this one (their scope path puts {@code shoal} first).
 */
@Component(service = ScriptCommand.class)
@Command(function = "source")
public final class ScriptCommand {

    /** Larger scripts are refused: the script is read whole. */
    static final long MAX_BYTES = 64L << 20;

    private final CommandProcessor processor;

    @Activate
    public ScriptCommand(@Reference CommandProcessor processor) {
        this.processor = processor;
    }

    @Descriptor("run a Gogo script, a statement at a time: shoal:source <file>; relative paths start at the"
            + " session's directory; its value is the last statement's")
    public Object source(CommandSession session, String script) throws Exception {
        Path file = Targets.resolve(Targets.currentDirectory(session), script);
        String text = read(file);
        List<Parser.Executable> parts = new Parser(text).program().tokens();
        CommandSession own = processor.createSession(session);
        Map<String, Object> variables = variables(session);
        Map<String, Object> ownVariables = variables(own);
        ownVariables.putAll(variables);
        ExecutorService alone = Executors.newSingleThreadExecutor(work -> {
            Thread thread = new Thread(work, "shoal-source");
            thread.setDaemon(true);
            return thread;
        });
        try {
            if (parts.stream().anyMatch(Parser.Operator.class::isInstance)) {
                // Statements joined by && or || (or sent to the background) depend on each other: as one job.
                return run(alone, own, text);
            }
            Object last = null;
            for (Parser.Executable part : parts) {
                last = run(alone, own, part);
            }
            return last;
        } finally {
            alone.shutdownNow();
            // What the script set stays set, as with Gogo's source.
            variables.putAll(ownVariables);
            session.currentDir(own.currentDir());
            own.close();
        }
    }

    private static Map<String, Object> variables(CommandSession session) {
        if (session instanceof CommandSessionImpl impl) {
            return impl.getVariables();
        }
        throw new ShellException("shoal:source needs Gogo's own sessions, not a " + session.getClass().getName());
    }

    private static Object run(ExecutorService alone, CommandSession session, CharSequence statement)
            throws Exception {
        Future<Object> result = alone.submit(() -> session.execute(statement));
        try {
            return result.get();
        } catch (InterruptedException e) {
            result.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private static String read(Path file) {
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new ShellException(file + ": a script larger than " + MAX_BYTES + " bytes");
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ShellException(file + ": cannot read the script (" + e.getMessage() + ")");
        }
    }
}
