package dev.shoal.rpc.internal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** {@code free-space}: the bytes usable, and the total, on the file system holding a folder. */
final class FreeSpace implements RpcMethod {

    @Override
    public ObjectNode call(Arguments arguments, boolean snake) throws RpcException {
        String given = arguments.string("path").orElseThrow(() -> new RpcException("free-space needs 'path'"));
        FileStore store;
        try {
            Path path = Path.of(given);
            if (!path.isAbsolute()) {
                throw new RpcException("'path' must be an absolute path: " + given);
            }
            store = Files.getFileStore(path);
        } catch (InvalidPathException | IOException e) {
            throw new RpcException(given + ": " + e.getMessage());
        }
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        answer.put("path", given);
        try {
            answer.put(snake ? "size_bytes" : "size-bytes", store.getUsableSpace());
            // Transmission 4.0 spells this one in snake_case already.
            answer.put("total_size", store.getTotalSpace());
        } catch (IOException e) {
            throw new RpcException(given + ": " + e.getMessage());
        }
        return answer;
    }

    /** The bytes usable in {@code folder}'s file system, or -1 when it cannot be told (it does not exist yet). */
    static long usable(Path folder) {
        try {
            return Files.getFileStore(folder).getUsableSpace();
        } catch (IOException e) {
            return -1;
        }
    }
}
