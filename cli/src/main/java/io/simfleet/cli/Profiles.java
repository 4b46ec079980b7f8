package io.simfleet.cli;

import io.simfleet.client.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The saved logins: one file per profile, {@code <config dir>/profiles/<name>.json}, holding the
 * server's URL, the user name and the token pair (never the password). The directories are made
 * owner-only (700) and each file is written owner-only (600) from its creation — to a temporary
 * file in the same directory, moved into place, so a reader never sees half a file.
 */
final class Profiles {
    static final String DEFAULT = "default";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    /** A saved login. */
    record Profile(String url, String username, String targetAccountId, String accountId, String accessToken, String refreshToken) {
        @Override
        public String toString() {
            return "Profile[" + username + "@" + url + "]";
        }
    }

    private final Path dir;

    Profiles(Path configDir) {
        this.dir = configDir.resolve("profiles");
    }

    static String checkName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new CliException(ExitCodes.USAGE, "profile name must be 1-64 letters, digits, '.', '_' or '-': " + name);
        }
        return name;
    }

    Path file(String name) {
        return dir.resolve(checkName(name) + ".json");
    }

    Optional<Profile> load(String name) {
        Path f = file(name);
        if (!Files.exists(f)) return Optional.empty();
        try {
            return Optional.of(Json.MAPPER.readValue(Files.readString(f), Profile.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw new CliException(ExitCodes.ERROR, "profile file " + f + " cannot be read (" + e.getMessage() + "); run simfleet login again");
        }
    }

    void save(String name, Profile p) {
        Path f = file(name);
        try {
            createPrivateDirectories(dir);
            Path tmp = POSIX ? Files.createTempFile(dir, "." + name, ".tmp", PosixFilePermissions.asFileAttribute(ownerOnly()))
                    : Files.createTempFile(dir, "." + name, ".tmp");
            try {
                Files.writeString(tmp, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(p));
                try {
                    Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
            if (POSIX) Files.setPosixFilePermissions(f, ownerOnly());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save profile " + f, e);
        }
    }

    boolean delete(String name) {
        try {
            return Files.deleteIfExists(file(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void createPrivateDirectories(Path d) throws IOException {
        if (Files.isDirectory(d)) return;
        if (d.getParent() != null) createPrivateDirectories(d.getParent());
        if (POSIX) {
            FileAttribute<Set<PosixFilePermission>> attr = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
            Files.createDirectory(d, attr);
        } else {
            Files.createDirectory(d);
        }
    }

    private static Set<PosixFilePermission> ownerOnly() {
        return PosixFilePermissions.fromString("rw-------");
    }
}
