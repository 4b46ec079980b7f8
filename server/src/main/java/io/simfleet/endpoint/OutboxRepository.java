package io.simfleet.endpoint;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
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

    /**
     * How far each of these consumers is behind, over every account: events and accounts it has not
     * read, accounts whose last batch failed (waiting for a retry), and the time of the oldest event it
     * has not read. One pass over event_stream (a row per account, never per endpoint or event) with
     * each account's cursor by its key, and for an account behind, its first unread event by
     * endpoint_event_position_idx; the same rows {@link #due} reads at every relay round.
     */
    Map<String, Backlogs.ConsumerLag> lag(List<String> consumers) {
        Map<String, Backlogs.ConsumerLag> lag = new TreeMap<>();
        for (String c : consumers) lag.put(c, new Backlogs.ConsumerLag(0, 0, 0, null));
        jdbc.sql("""
                SELECT c.consumer,
                       coalesce(sum(s.position - coalesce(k.position, 0)) FILTER (WHERE s.position > coalesce(k.position, 0)), 0),
                       count(*) FILTER (WHERE s.position > coalesce(k.position, 0)),
                       count(*) FILTER (WHERE k.attempts > 0),
                       min(e.at)
                FROM unnest(CAST(:consumers AS text[])) AS c(consumer)
                CROSS JOIN event_stream s
                LEFT JOIN outbox_cursor k ON k.account_id = s.account_id AND k.consumer = c.consumer
                LEFT JOIN endpoint_event e ON s.position > coalesce(k.position, 0)
                     AND e.account_id = s.account_id AND e.position = coalesce(k.position, 0) + 1
                GROUP BY c.consumer""")
                .param("consumers", consumers.toArray(new String[0]))
                .query(rs -> {
                    Timestamp oldest = rs.getTimestamp(5);
                    lag.put(rs.getString(1), new Backlogs.ConsumerLag(rs.getLong(2), rs.getLong(3), rs.getLong(4),
                            oldest == null ? null : oldest.toInstant()));
                });
        return lag;
    }

    int attempts(long account, String consumer) {
        return jdbc.sql("SELECT attempts FROM outbox_cursor WHERE account_id = :a AND consumer = :c")
                .param("a", account).param("c", consumer).query(Integer.class).optional().orElse(0);
    }
}
