package io.simfleet.auth;

import io.simfleet.common.RateLimitExceededException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
    /**
     * Keys known to be over their limit, with the end of that window: until then they are refused
     * here, without a query, so a flood from one account does not queue on its counter row.
     */
    private final Map<String, Long> refusedUntil = new ConcurrentHashMap<>();

    RateLimiter(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Counts one request against {@code key}; raises {@link RateLimitExceededException} once more than {@code limit} fall in the current window. */
    public void acquire(String key, int limit, Duration window, String what) {
        long windowMillis = window.toMillis();
        long nowMillis = clock.millis();
        long start = nowMillis - Math.floorMod(nowMillis, windowMillis);
        Long until = refusedUntil.get(key);
        if (until != null) {
            if (nowMillis < until && until <= start + windowMillis) throw exceeded(what, until - nowMillis);
            refusedUntil.remove(key, until);
        }
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
            if (refusedUntil.size() > 100_000) refusedUntil.values().removeIf(u -> u <= nowMillis);
            refusedUntil.put(key, start + windowMillis);
            throw exceeded(what, start + windowMillis - nowMillis);
        }
    }

    /**
     * Raises {@link RateLimitExceededException} when {@code key} has already used its
     * {@code limit} in the current window, without counting this call: for limits on failures,
     * which are counted ({@link #acquire}) only once they have happened.
     */
    public void check(String key, int limit, Duration window, String what) {
        long windowMillis = window.toMillis();
        long nowMillis = clock.millis();
        long start = nowMillis - Math.floorMod(nowMillis, windowMillis);
        Long until = refusedUntil.get(key);
        if (until != null && nowMillis < until && until <= start + windowMillis) throw exceeded(what, until - nowMillis);
        int hits = jdbc.sql("SELECT hits FROM rate_limit_counter WHERE key = :key AND window_start = :start")
                .param("key", key).param("start", Timestamp.from(Instant.ofEpochMilli(start)))
                .query(Integer.class).optional().orElse(0);
        if (hits >= limit) throw exceeded(what, start + windowMillis - nowMillis);
    }

    private static RateLimitExceededException exceeded(String what, long retryAfterMillis) {
        return new RateLimitExceededException(what, Math.max(1, (retryAfterMillis + 999) / 1000));
    }

    /** A client address as counted: IPv4 as is, IPv6 by its /64 (a host gets a whole /64 to pick from). */
    public static String addressKey(String address) {
        if (address == null || address.indexOf(':') < 0) return String.valueOf(address);
        try {
            byte[] b = InetAddress.getByName(address).getAddress(); // a literal: no name lookup
            if (b.length != 16) return address;
            StringBuilder key = new StringBuilder();
            for (int i = 0; i < 8; i += 2) key.append(String.format("%02x%02x:", b[i], b[i + 1]));
            return key.append(":/64").toString();
        } catch (UnknownHostException e) {
            return address;
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
