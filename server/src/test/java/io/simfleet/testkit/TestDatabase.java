package io.simfleet.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The PostgreSQL the tests run against: the one named by {@code SIMFLEET_TEST_DB_URL} (with
 * {@code SIMFLEET_TEST_DB_USER}/{@code SIMFLEET_TEST_DB_PASSWORD}) when set, otherwise one
 * embedded PostgreSQL per test JVM. Every Spring context gets a fresh schema of its own.
 */
public final class TestDatabase {
    private static EmbeddedPostgres embedded;
    private static String url;
    private static String user;
    private static String password;

    private TestDatabase() {}

    private static synchronized void init() {
        if (url != null) return;
        String external = System.getenv("SIMFLEET_TEST_DB_URL");
        if (external != null && !external.isBlank()) {
            url = external;
            user = System.getenv("SIMFLEET_TEST_DB_USER");
            password = System.getenv("SIMFLEET_TEST_DB_PASSWORD");
            if (user == null || user.isBlank()) user = System.getProperty("user.name");
            if (password == null) password = "";
            return;
        }
        try {
            embedded = EmbeddedPostgres.builder().setServerConfig("max_connections", "300").start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                embedded.close();
            } catch (IOException ignored) {
                // the JVM is exiting
            }
        }));
        url = embedded.getJdbcUrl("postgres", "postgres");
        user = "postgres";
        password = "postgres";
    }

    public static boolean external() {
        init();
        return embedded == null;
    }

    /** Creates an empty schema and answers a JDBC URL whose connections use it. */
    public static String newSchemaUrl() {
        init();
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection(url, user, password); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test schema in " + url, e);
        }
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    public static String user() {
        init();
        return user;
    }

    public static String password() {
        init();
        return password;
    }
}
