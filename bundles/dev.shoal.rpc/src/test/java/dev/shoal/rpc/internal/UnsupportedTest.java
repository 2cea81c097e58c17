package dev.shoal.rpc.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** What Shoal cannot do is refused, naming it; asking what it does already is not. */
class UnsupportedTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void whatShoalDoesAlreadyPassesAndAnythingElseIsRefused() {
        assertDoesNotThrow(() -> refuse("{\"bandwidthPriority\":0,\"sequentialDownload\":false,"
                + "\"honorsSessionLimits\":true,\"trackerAdd\":[]}"));
        for (String asked : new String[] {"{\"bandwidthPriority\":1}", "{\"sequential_download\":true}",
            "{\"honorsSessionLimits\":false}", "{\"peer-limit\":30}", "{\"group\":\"g\"}"}) {
            RpcException refused = assertThrows(RpcException.class, () -> refuse(asked), asked);
            assertTrue(refused.getMessage().contains("not supported"), refused.getMessage());
        }
    }

    private void refuse(String arguments) throws Exception {
        Unsupported.refuse(new Arguments(json.readTree(arguments)), Unsupported.TORRENT);
    }
}
