package io.simfleet.config;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration, bound from the environment: {@code SIMFLEET_DATA_DIR}, {@code SIMFLEET_DB_URL},
 * {@code SIMFLEET_DB_USER}, {@code SIMFLEET_DB_PASSWORD}, {@code SIMFLEET_JWT_SECRET},
 * {@code SIMFLEET_DEMO_DATA}, {@code SIMFLEET_ADMIN_PASSWORD}, the auth settings. See the README.
 */
@ConfigurationProperties("simfleet")
public record SimfleetProperties(Path dataDir, Db db, String jwtSecret, Boolean demoData, Auth auth, String timeZone,
                                 String adminPassword) {

    public SimfleetProperties {
        if (dataDir == null) dataDir = Path.of("data");
        if (db == null) db = new Db(null, null, null);
        if (auth == null) auth = new Auth(null, null, null, null);
        if (timeZone == null || timeZone.isBlank()) timeZone = "UTC";
    }

    public boolean embeddedDatabase() {
        return db.url() == null || db.url().isBlank();
    }

    /** Demo data defaults to on with the embedded database and off with an external one. */
    public boolean demoDataEnabled() {
        return demoData != null ? demoData : embeddedDatabase();
    }

    public record Db(String url, String user, String password) {}

    public record Auth(Duration accessTokenLifetime, Duration refreshTokenLifetime, Integer maxFailedLogins, Duration blockDuration) {
        public Auth {
            if (accessTokenLifetime == null) accessTokenLifetime = Duration.ofMinutes(60);
            if (refreshTokenLifetime == null) refreshTokenLifetime = Duration.ofHours(24);
            if (maxFailedLogins == null) maxFailedLogins = 5;
            if (blockDuration == null) blockDuration = Duration.ofMinutes(15);
        }
    }
}
