package io.simfleet.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A secret generated once and kept in a file of the data directory ({@code jwt-secret},
 * {@code db-password}) that only the owner can read (mode 600). The file is written whole under
 * another name and then renamed, so a crash never leaves a half-written secret, and it is never
 * readable by others, not even for a moment.
 */
final class SecretFile {
    private static final Logger log = LoggerFactory.getLogger(SecretFile.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretFile() {}

    static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    /** The secret kept in {@code file}; when there is none yet, one from {@code generator}, written to the file first. */
    static String readOrCreate(Path file, Supplier<String> generator) {
        try {
            if (Files.exists(file)) {
                restrict(file);
                return Files.readString(file).trim();
            }
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            String fresh = generator.get();
            Path tmp = posix(dir)
                    ? Files.createTempFile(dir, file.getFileName() + ".", ".tmp", ownerOnly())
                    : Files.createTempFile(dir, file.getFileName() + ".", ".tmp");
            try {
                Files.writeString(tmp, fresh);
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException e) {
                // another process created it first (ATOMIC_MOVE does not replace on every platform): theirs wins
                return Files.readString(file).trim();
            } finally {
                Files.deleteIfExists(tmp);
            }
            return fresh;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create " + file, e);
        }
    }

    /** A file copied around or restored from a backup may be readable by others: make it 600 again. */
    private static void restrict(Path file) throws IOException {
        if (!posix(file)) return;
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
        if (perms.stream().anyMatch(p -> p.name().startsWith("GROUP_") || p.name().startsWith("OTHERS_"))) {
            log.warn("{} was readable by others ({}); setting it to rw-------", file, PosixFilePermissions.toString(perms));
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static FileAttribute<Set<PosixFilePermission>> ownerOnly() {
        return PosixFilePermissions.asFileAttribute(OWNER_ONLY);
    }
}
