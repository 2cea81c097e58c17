package dev.shoal.remote.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.shoal.remote.protocol.RemoteFiles;

/**
 * The secret a client must show: 32 random bytes in hex, kept in {@code <data>/remote.token},
 * readable by its owner only. Created when missing and then kept, so a script that read it once
 * goes on working across restarts.
 */
final class TokenFile {

    private static final Logger LOG = LoggerFactory.getLogger(TokenFile.class);
    private static final Pattern TOKEN = Pattern.compile("[0-9a-f]{64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenFile() {
    }

    /** The token in {@code dataDir}, made first when there is none (or it is not a token). */
    static String ensure(Path dataDir) throws IOException {
        Path file = dataDir.resolve(RemoteFiles.TOKEN_FILE);
        Optional<String> existing = RemoteFiles.token(dataDir);
        if (existing.isPresent() && TOKEN.matcher(existing.get()).matches()) {
            return existing.get();
        }
        if (existing.isPresent()) {
            // Damaged (an editor, a full disk): no client can use it either, so start again.
            LOG.warn("{} does not hold a token; writing a new one", file);
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = HexFormat.of().formatHex(secret);
        write(file, token);
        return token;
    }

    /**
     * Writes beside the file and moves it in, so a reader never sees half a token; the permissions
     * are set as the file is created, so the token is never readable by others, not even briefly.
     */
    private static void write(Path file, String token) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        try {
            Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(temporary);
            restrictToOwner(temporary);
        } catch (FileAlreadyExistsException e) {
            throw new IOException(temporary + " appeared while writing the token");
        }
        try {
            Files.write(temporary, (token + "\n").getBytes(StandardCharsets.US_ASCII));
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Not POSIX (Windows): an ACL with one entry, the owner, replaces the inherited ones. Best
     * effort: a file system with neither POSIX permissions nor ACLs keeps its defaults, and we say so.
     */
    private static void restrictToOwner(Path file) {
        AclFileAttributeView acl = Files.getFileAttributeView(file, AclFileAttributeView.class);
        if (acl == null) {
            LOG.warn("{}: this file system has neither POSIX permissions nor ACLs; the token keeps its default access",
                    file);
            return;
        }
        try {
            AclEntry owner = AclEntry.newBuilder()
                    .setType(AclEntryType.ALLOW)
                    .setPrincipal(acl.getOwner())
                    .setPermissions(EnumSet.allOf(AclEntryPermission.class))
                    .build();
            acl.setAcl(List.of(owner));
        } catch (IOException | RuntimeException e) {
            LOG.warn("{}: could not restrict the token to its owner: {}", file, e.getMessage());
        }
    }
}
