package io.simfleet.config;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one DataSource: an external PostgreSQL when {@code SIMFLEET_DB_URL} is set, otherwise an
 * embedded PostgreSQL whose data directory is {@code SIMFLEET_DATA_DIR/pg}.
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfig {
    private static final Logger log = LoggerFactory.getLogger(DatabaseConfig.class);

    /** Started only in embedded mode; Spring stops it after the pool is closed. */
    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(SimfleetProperties props) throws IOException {
        if (!props.embeddedDatabase()) {
            return EmbeddedDatabase.NONE;
        }
        return EmbeddedDatabase.start(props.dataDir().resolve("pg"));
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(SimfleetProperties props, EmbeddedDatabase embedded,
                                @Value("${simfleet.db.pool-size:20}") int poolSize) {
        HikariConfig cfg = new HikariConfig();
        if (props.embeddedDatabase()) {
            cfg.setJdbcUrl(embedded.jdbcUrl());
            cfg.setUsername("postgres");
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

    /** Wrapper so that "no embedded database" is a bean too and the data source can depend on it. */
    public static final class EmbeddedDatabase implements AutoCloseable {
        static final EmbeddedDatabase NONE = new EmbeddedDatabase(null);
        private final EmbeddedPostgres postgres;

        private EmbeddedDatabase(EmbeddedPostgres postgres) {
            this.postgres = postgres;
        }

        static EmbeddedDatabase start(Path dir) throws IOException {
            Files.createDirectories(dir);
            log.info("Starting embedded PostgreSQL with data in {}", dir.toAbsolutePath());
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    // The library's defaults trade durability for speed (-F, synchronous_commit=off):
                    // an acknowledged write must survive a crash, so turn them back on.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("max_connections", "100")
                    .setRegisterShutdownHook(true)
                    .start();
            return new EmbeddedDatabase(pg);
        }

        String jdbcUrl() {
            return postgres.getJdbcUrl("postgres", "postgres");
        }

        @Override
        public void close() throws IOException {
            if (postgres != null) {
                postgres.close();
            }
        }
    }
}
