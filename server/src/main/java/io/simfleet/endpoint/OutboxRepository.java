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

    /**
     * Registers a consumer the first time it runs anywhere; a consumer that starts at the end is
     * then placed at every account's last position, in the same transaction. Later starts change
     * nothing: an account without a cursor is one whose events it has not read yet.
     */
    void register(String consumer, boolean startAtEnd, Instant now) {
        int registered = jdbc.sql("INSERT INTO outbox_consumer (consumer, registered_at) VALUES (:c, :now) ON CONFLICT DO NOTHING")
                .param("c", consumer).param("now", Timestamp.from(now)).update();
        if (registered == 1 && startAtEnd) {
            jdbc.sql("""
                    INSERT INTO outbox_cursor (account_id, consumer, position)
                    SELECT account_id, :c, position FROM event_stream ON CONFLICT DO NOTHING""")
                    .param("c", consumer).update();
        }
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

    /**
     * Moves the position from {@code from} to {@code to} and keeps the lease until {@code until}
     * (null: gives it back); false when the lease is no longer ours (it ran out and another
     * worker took the account), and nothing changes then.
     */
    boolean advance(long account, String consumer, String worker, long from, long to, Instant until) {
        return jdbc.sql("""
                UPDATE outbox_cursor SET position = :to, leased_until = :u, leased_by = CASE WHEN CAST(:u AS timestamptz) IS NULL THEN NULL ELSE leased_by END,
                    attempts = 0, last_error = NULL
                WHERE account_id = :a AND consumer = :c AND leased_by = :w AND position = :from""")
                .param("to", to).param("u", until == null ? null : Timestamp.from(until)).param("a", account)
                .param("c", consumer).param("w", worker).param("from", from).update() == 1;
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
