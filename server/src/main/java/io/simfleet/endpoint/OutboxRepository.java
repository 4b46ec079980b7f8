package io.simfleet.endpoint;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The consumers' positions per account, with a lease so that one instance at a time works an account for a consumer. */
@Repository
class OutboxRepository {
    private final JdbcClient jdbc;

    OutboxRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A consumer that starts at the end: its position in every account that has events is the account's last one. */
    void startAtEnd(String consumer) {
        jdbc.sql("""
                INSERT INTO outbox_cursor (account_id, consumer, position)
                SELECT account_id, :c, position FROM event_stream ON CONFLICT DO NOTHING""")
                .param("c", consumer).update();
    }

    /**
     * Accounts with events the consumer has not read and no live lease on them: one row per account
     * in {@code event_stream} (the number of accounts, never of endpoints or events).
     */
    List<Long> due(String consumer, Instant now, int limit) {
        return jdbc.sql("""
                SELECT s.account_id FROM event_stream s
                LEFT JOIN outbox_cursor c ON c.account_id = s.account_id AND c.consumer = :c
                WHERE s.position > COALESCE(c.position, 0) AND (c.leased_until IS NULL OR c.leased_until < :now)
                ORDER BY c.leased_until NULLS FIRST, s.account_id LIMIT :l""")
                .param("c", consumer).param("now", Timestamp.from(now)).param("l", limit).query(Long.class).list();
    }

    /** Takes the lease of (account, consumer) until {@code until}; answers its position, or empty when another holds it. */
    Optional<Long> lease(long account, String consumer, String worker, Instant now, Instant until) {
        return jdbc.sql("""
                INSERT INTO outbox_cursor AS c (account_id, consumer, position, leased_by, leased_until) VALUES (:a, :c, 0, :w, :u)
                ON CONFLICT (account_id, consumer) DO UPDATE SET leased_by = :w, leased_until = :u
                WHERE c.leased_until IS NULL OR c.leased_until < :now
                RETURNING position""")
                .param("a", account).param("c", consumer).param("w", worker).param("u", Timestamp.from(until))
                .param("now", Timestamp.from(now)).query(Long.class).optional();
    }

    /** Moves the position on and gives the lease back, if still ours. */
    void advance(long account, String consumer, String worker, long position) {
        jdbc.sql("""
                UPDATE outbox_cursor SET position = :p, leased_by = NULL, leased_until = NULL, attempts = 0, last_error = NULL
                WHERE account_id = :a AND consumer = :c AND leased_by = :w""")
                .param("p", position).param("a", account).param("c", consumer).param("w", worker).update();
    }

    /** Records a failure; the lease runs until {@code retryAt}, when the batch is offered again. */
    void failed(long account, String consumer, String worker, Instant retryAt, String error) {
        jdbc.sql("""
                UPDATE outbox_cursor SET leased_by = NULL, leased_until = :r, attempts = attempts + 1, last_error = :e
                WHERE account_id = :a AND consumer = :c AND leased_by = :w""")
                .param("r", Timestamp.from(retryAt)).param("e", error).param("a", account).param("c", consumer)
                .param("w", worker).update();
    }

    int attempts(long account, String consumer) {
        return jdbc.sql("SELECT attempts FROM outbox_cursor WHERE account_id = :a AND consumer = :c")
                .param("a", account).param("c", consumer).query(Integer.class).optional().orElse(0);
    }
}
