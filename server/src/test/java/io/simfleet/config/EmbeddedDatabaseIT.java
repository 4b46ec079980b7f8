package io.simfleet.config;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simfleet.config.DatabaseConfig.EmbeddedDatabase;
import io.simfleet.testkit.LocalAddresses;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded PostgreSQL asks for the password kept in {@code db-password} and listens on
 * loopback only: on a new data directory, and on one written by an older simfleet (trust, no
 * password), which is upgraded in place.
 */
class EmbeddedDatabaseIT {

    @Test
    void aNewDataDirectoryRequiresTheGeneratedPassword(@TempDir Path dataDir) throws Exception {
        String password;
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDir)) {
            password = db.password();
            assertEquals(password, Files.readString(dataDir.resolve("db-password")));
            assertTrue(password.length() >= 40, "32 random bytes");
            assertOwnerOnly(dataDir.resolve("db-password"));
            assertEquals(EmbeddedDatabase.PG_HBA, Files.readString(dataDir.resolve("pg/pg_hba.conf")));
            assertSecured(db);
        }
        try (EmbeddedDatabase again = EmbeddedDatabase.start(dataDir)) {
            assertEquals(password, again.password(), "the password is kept");
            assertSecured(again);
        }
    }

    @Test
    void aDataDirectoryWithoutPasswordIsUpgradedInPlace(@TempDir Path dataDir) throws Exception {
        Path pg = dataDir.resolve("pg");
        // what the older DatabaseConfig did: zonky's defaults, trust for everyone on 127.0.0.1
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(pg).setCleanDataDirectory(false).start();
             Connection c = connect(old.getPort(), "127.0.0.1", null); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE kept (x int)");
            st.execute("INSERT INTO kept VALUES (42)");
        }
        assertTrue(Files.readString(pg.resolve("pg_hba.conf")).contains("trust"));
        assertTrue(!Files.exists(dataDir.resolve("db-password")));

        try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDir)) {
            assertOwnerOnly(dataDir.resolve("db-password"));
            assertEquals(EmbeddedDatabase.PG_HBA, Files.readString(pg.resolve("pg_hba.conf")));
            awaitPasswordRequired(db); // pg_reload_conf() only signals the postmaster
            assertSecured(db);
            try (Connection c = connect(db.port(), "localhost", db.password()); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT x FROM kept")) {
                assertTrue(rs.next());
                assertEquals(42, rs.getInt(1), "the data is still there");
            }
        }
        try (EmbeddedDatabase again = EmbeddedDatabase.start(dataDir)) {
            assertSecured(again);
        }
    }

    @Test
    void aGroupReadablePasswordFileIsMadeOwnerOnly(@TempDir Path dataDir) throws Exception {
        Path file = dataDir.resolve("db-password");
        Files.writeString(file, "kept-password");
        if (!posix(file)) return;
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertEquals("kept-password", SecretFile.readOrCreate(file, () -> "new"));
        assertOwnerOnly(file);
    }

    private static void assertSecured(EmbeddedDatabase db) throws Exception {
        for (String host : new String[] {"localhost", "127.0.0.1"}) {
            SQLException none = assertThrows(SQLException.class, () -> connect(db.port(), host, null).close(), host);
            assertTrue(none.getMessage().contains("password"), none.getMessage());
            SQLException wrong = assertThrows(SQLException.class, () -> connect(db.port(), host, "wrong").close(), host);
            assertEquals("28P01", wrong.getSQLState(), "invalid_password: " + wrong.getMessage());
        }
        try (Connection c = connect(db.port(), "localhost", db.password()); Statement st = c.createStatement()) {
            assertEquals("localhost", show(st, "listen_addresses"));
            assertEquals("", show(st, "unix_socket_directories"));
            assertEquals("scram-sha-256", show(st, "password_encryption"));
            try (ResultSet rs = st.executeQuery("SELECT rolpassword LIKE 'SCRAM-SHA-256$%' FROM pg_authid WHERE rolname = 'postgres'")) {
                assertTrue(rs.next() && rs.getBoolean(1), "the password is stored as a SCRAM verifier");
            }
        }
        Optional<InetAddress> outside = LocalAddresses.nonLoopback();
        if (outside.isPresent()) {
            SQLException refused = assertThrows(SQLException.class,
                    () -> connect(db.port(), outside.get().getHostAddress(), db.password()).close());
            assertEquals("08001", refused.getSQLState(), "nothing listens on " + outside.get() + ": " + refused.getMessage());
        }
    }

    /** Waits until a connection without a password is refused: the server has reloaded pg_hba.conf. */
    private static void awaitPasswordRequired(EmbeddedDatabase db) {
        await().atMost(Duration.ofSeconds(10)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50)).until(() -> {
            try {
                connect(db.port(), "localhost", null).close();
                return false;
            } catch (SQLException refused) {
                return true;
            }
        });
    }

    private static Connection connect(int port, String host, String password) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", "postgres");
        if (password != null) p.setProperty("password", password);
        p.setProperty("connectTimeout", "5");
        return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/postgres", p);
    }

    private static String show(Statement st, String setting) throws SQLException {
        try (ResultSet rs = st.executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static boolean posix(Path file) {
        return file.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static void assertOwnerOnly(Path file) throws Exception {
        if (posix(file)) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        }
    }
}
