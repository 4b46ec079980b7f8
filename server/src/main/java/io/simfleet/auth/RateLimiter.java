package io.simfleet.auth;

import io.simfleet.common.RateLimitExceededException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.sql.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Fixed-window counters in PostgreSQL, so a limit holds however many instances serve the
 * traffic: one upsert per counted request, on a row per key (an account, a login name, a
 * client address). A window's count restarts when the next window begins.
 */
@Service
public class RateLimiter {
    private final JdbcClient jdbc;
    private final Clock clock;

    RateLimiter(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Counts one request against {@code key}; raises {@link RateLimitExceededException} once more than {@code limit} fall in the current window. */
    public void acquire(String key, int limit, Duration window, String what) {
        long windowMillis = window.toMillis();
        long nowMillis = clock.millis();
        long start = nowMillis - Math.floorMod(nowMillis, windowMillis);
        int hits = jdbc.sql("""
                        INSERT INTO rate_limit_counter (key, window_start, hits) VALUES (:key, :start, 1)
                        ON CONFLICT (key) DO UPDATE SET
                            hits = CASE WHEN rate_limit_counter.window_start = EXCLUDED.window_start
                                        THEN rate_limit_counter.hits + 1 ELSE 1 END,
                            window_start = EXCLUDED.window_start
                        RETURNING hits""")
                .param("key", key)
                .param("start", Timestamp.from(Instant.ofEpochMilli(start)))
                .query(Integer.class).single();
        if (hits > limit) {
            long retryAfterMillis = start + windowMillis - nowMillis;
            throw new RateLimitExceededException(what, Math.max(1, (retryAfterMillis + 999) / 1000));
        }
    }

    /** Counters of windows long past are of no use; keeps the table the size of the active keys. */
    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
    void forgetOldWindows() {
        jdbc.sql("DELETE FROM rate_limit_counter WHERE window_start < :before")
                .param("before", Timestamp.from(clock.instant().minus(Duration.ofHours(1))))
                .update();
    }
}
