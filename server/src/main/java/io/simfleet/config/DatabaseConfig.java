package io.simfleet.config;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one DataSource: an external PostgreSQL when {@code SIMFLEET_DB_URL} is set, otherwise an
 * embedded PostgreSQL whose data directory is {@code SIMFLEET_DATA_DIR/pg}, on loopback only and
 * with a generated password ({@link EmbeddedDatabase}).
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfig {
    private static final Logger log = LoggerFactory.getLogger(DatabaseConfig.class);

    /** Started only in embedded mode; Spring stops it after the pool is closed. */
    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(SimfleetProperties props,
                                      @Value("${simfleet.db.shared-buffers:512MB}") String sharedBuffers) throws IOException {
        if (!props.embeddedDatabase()) {
            return EmbeddedDatabase.NONE;
        }
        return EmbeddedDatabase.start(props.dataDir(), sharedBuffers);
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(SimfleetProperties props, EmbeddedDatabase embedded,
                                @Value("${simfleet.db.pool-size:20}") int poolSize) {
        HikariConfig cfg = new HikariConfig();
        if (props.embeddedDatabase()) {
            cfg.setJdbcUrl(embedded.jdbcUrl());
            cfg.setUsername(EmbeddedDatabase.USER);
            cfg.setPassword(embedded.password());
        } else {
            cfg.setJdbcUrl(props.db().url());
            if (notBlank(props.db().user())) cfg.setUsername(props.db().user());
            if (notBlank(props.db().password())) cfg.setPassword(props.db().password());
        }
        cfg.setMaximumPoolSize(poolSize);
        cfg.setPoolName("simfleet");
        return new HikariDataSource(cfg);
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    /**
     * The embedded PostgreSQL of {@code SIMFLEET_DATA_DIR/pg}. It listens on loopback only (no
     * Unix socket either), and every connection must give the superuser's password, generated once
     * and kept in {@code SIMFLEET_DATA_DIR/db-password} (mode 600) beside the JWT secret.
     * <p>
     * zonky's {@code initdb} trusts every local connection and sets no password. A new data
     * directory gets the password from initdb itself ({@code --pwfile}), so it never accepts a
     * connection without one. A data directory written without a password (by an older simfleet)
     * is upgraded in place: started once with its loopback-only trust, given the password, then
     * {@code pg_hba.conf} is rewritten and reloaded.
     */
    public static final class EmbeddedDatabase implements AutoCloseable {
        static final EmbeddedDatabase NONE = new EmbeddedDatabase(null, null);
        static final String USER = "postgres";
        static final String PASSWORD_FILE = "db-password";

        /** The whole pg_hba.conf of a secured data directory; any other content is upgraded at start. */
        static final String PG_HBA = """
                # Written by simfleet at start-up; an edited file is replaced at the next start.
                # Loopback only, and always the password of SIMFLEET_DATA_DIR/db-password.
                # TYPE  DATABASE  USER  ADDRESS        METHOD
                local   all       all                  scram-sha-256
                host    all       all   127.0.0.1/32   scram-sha-256
                host    all       all   ::1/128        scram-sha-256
                """;
        /** Only while an old data directory is given its password: what initdb wrote, minus the Unix socket and replication. */
        private static final String PG_HBA_UPGRADE = """
                # Written by simfleet while it sets the superuser's password; replaced right after.
                host    all       postgres   127.0.0.1/32   trust
                host    all       postgres   ::1/128        trust
                """;

        private final EmbeddedPostgres postgres;
        private final String password;

        private EmbeddedDatabase(EmbeddedPostgres postgres, String password) {
            this.postgres = postgres;
            this.password = password;
        }

        static EmbeddedDatabase start(Path dataDir) throws IOException {
            return start(dataDir, "512MB");
        }

        static EmbeddedDatabase start(Path dataDir, String sharedBuffers) throws IOException {
            Path dir = dataDir.resolve("pg");
            Path passwordFile = dataDir.resolve(PASSWORD_FILE);
            Path hba = dir.resolve("pg_hba.conf");
            boolean fresh = !Files.exists(dir.resolve("postgresql.conf"));
            boolean secured = fresh || Files.exists(passwordFile) && Files.exists(hba) && Files.readString(hba).equals(PG_HBA);
            String password = SecretFile.readOrCreate(passwordFile,
                    () -> Base64.getUrlEncoder().withoutPadding().encodeToString(SecretFile.randomBytes(32)));
            Files.createDirectories(dir);
            log.info("Starting embedded PostgreSQL with data in {}", dir.toAbsolutePath());
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    // zonky passes these to initdb as --name=value (it is meant for --locale and
                    // friends): a new cluster's superuser gets its password when it is created
                    .setLocaleConfig("pwfile", passwordFile.toAbsolutePath().toString())
                    // runs before every start: the secured file, or the trust needed to upgrade
                    .setDataDirectoryCustomizer(d -> writeHba(d.toPath(), secured ? PG_HBA : PG_HBA_UPGRADE))
                    // zonky's own readiness check connects over TCP as the superuser
                    .setConnectConfig("password", password)
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("unix_socket_directories", "")
                    .setServerConfig("password_encryption", "scram-sha-256")
                    // The library's defaults trade durability for speed (-F, synchronous_commit=off):
                    // an acknowledged write must survive a crash, so turn them back on.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("max_connections", "100")
                    // initdb's memory and WAL defaults are for a small machine: with 128 MB of buffers and
                    // a checkpoint every 1 GB of WAL, usage ingestion on a large fleet spends its time
                    // evicting dirty pages and writing whole-page images after each checkpoint
                    // (docs/performance.md); the data directory keeps these until the next start
                    .setServerConfig("shared_buffers", sharedBuffers)
                    .setServerConfig("max_wal_size", "4GB")
                    .setServerConfig("checkpoint_timeout", "15min")
                    .setServerConfig("wal_compression", "on")
                    .setRegisterShutdownHook(true)
                    .start();
            EmbeddedDatabase db = new EmbeddedDatabase(pg, password);
            if (!secured) {
                try {
                    db.setPasswordAndRequireIt(dir);
                } catch (IOException | SQLException | RuntimeException e) {
                    db.close();
                    throw new IOException("Cannot set the password of the embedded PostgreSQL in " + dir, e);
                }
                log.warn("The embedded PostgreSQL in {} accepted connections without a password (a data directory of an "
                        + "older simfleet): its superuser now has the password kept in {}, and pg_hba.conf requires it",
                        dir.toAbsolutePath(), passwordFile.toAbsolutePath());
            }
            log.info("Embedded PostgreSQL listens on localhost:{} only; user postgres, password in {}",
                    db.port(), passwordFile.toAbsolutePath());
            return db;
        }

        /** Over the one trusted connection: the password (hashed here, never sent in clear), then the secured pg_hba.conf. */
        private void setPasswordAndRequireIt(Path dir) throws IOException, SQLException {
            try (Connection c = DriverManager.getConnection(jdbcUrl(), USER, password)) {
                c.unwrap(PGConnection.class).alterUserPassword(USER, password.toCharArray(), "scram-sha-256");
                writeHba(dir, PG_HBA);
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT pg_reload_conf()")) {
                    if (!rs.next() || !rs.getBoolean(1)) {
                        throw new SQLException("pg_reload_conf() failed");
                    }
                }
            }
        }

        private static void writeHba(Path dir, String content) {
            try {
                Files.writeString(dir.resolve("pg_hba.conf"), content);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write " + dir.resolve("pg_hba.conf"), e);
            }
        }

        String jdbcUrl() {
            return postgres.getJdbcUrl(USER, "postgres");
        }

        String password() {
            return password;
        }

        int port() {
            return postgres.getPort();
        }

        @Override
        public void close() throws IOException {
            if (postgres != null) {
                postgres.close();
            }
        }
    }
}
