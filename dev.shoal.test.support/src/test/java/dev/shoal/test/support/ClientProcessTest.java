package dev.shoal.test.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ClientProcessTest {

    @Test
    void closeKillsTheClientAndItsChildrenAndDeletesItsWorkDir() throws Exception {
        Path work = Files.createTempDirectory("client-process");
        ClientProcess client = ClientProcess.start("sh", List.of("/bin/sh", "-c", "sleep 60 & sleep 60 & wait"),
                work, line -> {
                });
        ProcessHandle shell = ProcessHandle.of(client.pid()).orElseThrow();
        client.await("two children", Duration.ofSeconds(30), () -> shell.descendants().count() == 2, () -> "");
        List<ProcessHandle> children = shell.descendants().toList();

        client.close();

        assertFalse(client.isAlive());
        assertTrue(children.stream().noneMatch(ProcessHandle::isAlive), children::toString);
        assertFalse(Files.exists(work));
    }

    @Test
    void aWaitThatRunsOutFailsWithTheLogTail() throws Exception {
        Path work = Files.createTempDirectory("client-process");
        try (ClientProcess client = ClientProcess.start("sh", List.of("/bin/sh", "-c", "echo hello; sleep 60"),
                work, line -> {
                })) {
            AssertionError failure = assertThrows(AssertionError.class,
                    () -> client.await("a miracle", Duration.ofMillis(300), () -> false, () -> "waiting"));

            assertTrue(failure.getMessage().contains("no a miracle within 300 ms"), failure::getMessage);
            assertTrue(failure.getMessage().contains("hello"), failure::getMessage);
        }
    }

    @Test
    void jsonFieldsAreReadFlat() {
        String json = "{\"a\":12,\"b\":\"x\\\"y\",\"c\":true,\"d\":0.25,\"e\":\"123\"}";

        assertEquals(Optional.of("12"), LocalRpc.field(json, "a"));
        assertEquals(Optional.of("x\\\"y"), LocalRpc.field(json, "b"));
        assertEquals(Optional.of("true"), LocalRpc.field(json, "c"));
        assertEquals(Optional.of("0.25"), LocalRpc.field(json, "d"));
        assertEquals(123, LocalRpc.longField(json, "e"));
        assertEquals(Optional.empty(), LocalRpc.field(json, "f"));
    }
}
