package dev.shoal.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shoal.shell.internal.args.ShellException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.felix.gogo.runtime.CommandSessionImpl;
import org.apache.felix.service.command.Job;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A script's statements each run as a job of their own: nothing of one is kept while the next runs. */
class ScriptCommandTest {

    @TempDir
    Path temp;

    private GogoRig scripted() {
        GogoRig gogo = new GogoRig(temp);
        return gogo.register(new ScriptCommand(gogo.processor()));
    }

    /** Notes, per call, the job it runs in and that job's parent. */
    public static final class Probe {
        final List<String> names = Collections.synchronizedList(new ArrayList<>());
        final List<Job> parents = Collections.synchronizedList(new ArrayList<>());

        public String probe(String name) {
            Job job = CommandSessionImpl.currentJob();
            names.add(name);
            parents.add(job == null ? null : job.parent());
            return name;
        }
    }

    @Test
    void each_statement_is_a_job_of_its_own_and_the_last_value_is_the_scripts() throws Exception {
        Probe probe = new Probe();
        Path script = temp.resolve("three.gosh");
        Files.writeString(script, "test:probe one\n\ntest:probe two; test:probe three\n");
        try (GogoRig gogo = scripted()) {
            gogo.addCommand("test", probe, "probe");
            assertEquals("three", gogo.execute("shoal:source three.gosh"));
        }
        assertEquals(List.of("one", "two", "three"), probe.names);
        for (Job parent : probe.parents) {
            assertNull(parent, "a statement ran inside the script's job, which keeps it until the end");
        }
    }

    @Test
    void statements_joined_by_operators_run_together_as_gogo_runs_them() throws Exception {
        Probe probe = new Probe();
        Files.writeString(temp.resolve("and.gosh"), "test:probe one && test:probe two\n");
        try (GogoRig gogo = scripted()) {
            gogo.addCommand("test", probe, "probe");
            gogo.execute("shoal:source and.gosh");
        }
        assertEquals(List.of("one", "two"), probe.names);
    }

    @Test
    void the_script_sees_and_sets_the_sessions_variables() throws Exception {
        Probe probe = new Probe();
        Files.writeString(temp.resolve("vars.gosh"), "test:probe $before\nafter = set-here\n");
        try (GogoRig gogo = scripted()) {
            gogo.addCommand("test", probe, "probe");
            gogo.execute("before = from-caller");
            gogo.execute("shoal:source vars.gosh");
            gogo.execute("test:probe $after");
        }
        assertEquals(List.of("from-caller", "set-here"), probe.names);
    }

    @Test
    void a_missing_script_is_one_line_naming_it() throws Exception {
        try (GogoRig gogo = scripted()) {
            ShellException failure = assertThrows(ShellException.class, () -> gogo.execute("shoal:source none.gosh"));
            assertTrue(failure.getMessage().contains("none.gosh"), failure.getMessage());
            assertFalse(failure.getMessage().contains("\n"));
        }
    }
}
