package io.simfleet.config;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration, bound from the environment: {@code SIMFLEET_DATA_DIR}, {@code SIMFLEET_DB_URL},
 * {@code SIMFLEET_DB_USER}, {@code SIMFLEET_DB_PASSWORD}, {@code SIMFLEET_JWT_SECRET},
 * {@code SIMFLEET_DEMO_DATA}, {@code SIMFLEET_ADMIN_PASSWORD}, the auth settings,
 * {@code SIMFLEET_IDEMPOTENCY_TTL}. See the README.
 */
@ConfigurationProperties("simfleet")
public record SimfleetProperties(Path dataDir, Db db, String jwtSecret, Boolean demoData, Auth auth, String timeZone,
                                 String adminPassword, RateLimit rateLimit, Idempotency idempotency) {

    public SimfleetProperties {
        if (dataDir == null) dataDir = Path.of("data");
        if (db == null) db = new Db(null, null, null);
        if (auth == null) auth = new Auth(null, null, null, null, null);
        if (rateLimit == null) rateLimit = new RateLimit(null, null, null, null, null);
        if (idempotency == null) idempotency = new Idempotency(null);
        if (timeZone == null || timeZone.isBlank()) timeZone = "UTC";
        java.time.ZoneId.of(timeZone); // a wrong SIMFLEET_TIME_ZONE stops the start with the zone named
    }

    /** The platform's time zone (an IANA name, UTC by default): timestamps of answers whose account has none of its own. */
    public java.time.ZoneId zone() {
        return java.time.ZoneId.of(timeZone);
    }

    public boolean embeddedDatabase() {
        return db.url() == null || db.url().isBlank();
    }

    /** Demo data defaults to on with the embedded database and off with an external one. */
    public boolean demoDataEnabled() {
        return demoData != null ? demoData : embeddedDatabase();
    }

    /**
     * Requests per account per second on the SFT and operator APIs, login attempts per
     * username and per client address per minute, and wrong activation codes per account per
     * minute (ClaimSim, docs/network.md); counted in the database, so they hold across
     * instances. {@code enabled} null = on unless demo data is.
     */
    public record RateLimit(Boolean enabled, Integer accountPerSecond, Integer loginPerUserPerMinute,
                            Integer loginPerAddressPerMinute, Integer claimFailuresPerAccountPerMinute) {
        public RateLimit {
            if (claimFailuresPerAccountPerMinute == null) claimFailuresPerAccountPerMinute = 10;
            if (accountPerSecond == null) accountPerSecond = 50;
            if (loginPerUserPerMinute == null) loginPerUserPerMinute = 10;
            if (loginPerAddressPerMinute == null) loginPerAddressPerMinute = 60;
        }
    }

    /** {@code ttl}: how long an {@code Idempotency-Key} is remembered after its first use (docs/idempotency.md). */
    public record Idempotency(Duration ttl) {
        public Idempotency {
            if (ttl == null) ttl = Duration.ofHours(24);
            if (ttl.isNegative() || ttl.isZero()) throw new IllegalArgumentException("simfleet.idempotency.ttl must be positive");
        }
    }

    public record Db(String url, String user, String password) {}

    /** Rate limits default to on, except with the demo data. */
    public boolean rateLimitsEnabled() {
        return rateLimit.enabled() != null ? rateLimit.enabled() : !demoDataEnabled();
    }

    /**
     * {@code accountStatusCache}: how long a node may go on trusting that an account is enabled —
     * the longest time a disabled account's existing tokens keep working on another instance.
     */
    public record Auth(Duration accessTokenLifetime, Duration refreshTokenLifetime, Integer maxFailedLogins, Duration blockDuration,
                       Duration accountStatusCache) {
        public Auth {
            if (accountStatusCache == null) accountStatusCache = Duration.ofSeconds(10);
            if (accessTokenLifetime == null) accessTokenLifetime = Duration.ofMinutes(60);
            if (refreshTokenLifetime == null) refreshTokenLifetime = Duration.ofHours(24);
            if (maxFailedLogins == null) maxFailedLogins = 5;
            if (blockDuration == null) blockDuration = Duration.ofMinutes(15);
        }
    }
}
