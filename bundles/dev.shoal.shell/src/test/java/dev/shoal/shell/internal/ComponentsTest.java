package dev.shoal.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The functions each component registers (in the description bnd wrote) are exactly its commands. */
class ComponentsTest {

    @ParameterizedTest
    @ValueSource(classes = {AddCommand.class, TorrentCommands.class, ContentCommands.class, TransferCommands.class,
        PlaceCommands.class, TrackerCommand.class, CreateCommand.class, ConfigCommand.class, SearchCommands.class})
    void everyRegisteredFunctionIsADescribedCommandAndEveryCommandIsRegistered(Class<?> component) {
        List<String> commands = new ArrayList<>();
        for (Method m : component.getDeclaredMethods()) {
            if (Modifier.isPublic(m.getModifiers())) {
                assertEquals(List.of(CommandSession.class, String[].class), Arrays.asList(m.getParameterTypes()),
                        m + " takes the session and the words");
                assertTrue(m.isAnnotationPresent(Descriptor.class), m + " has a @Descriptor for help");
                commands.add(m.getName());
            }
        }
        assertEquals(commands.stream().sorted().toList(), GogoRig.functions(component).stream().sorted().toList());
    }
}
