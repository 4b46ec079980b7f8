package io.simfleet.idempotency;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code idempotent_request} table. Every statement is its own short transaction (auto-commit). */
@Repository
class IdempotencyRepository {
    private final JdbcClient jdbc;

    IdempotencyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A key's row as found. {@code answer} is set once the row is DONE. */
    record Row(String requestHash, boolean done, String owner, Instant startedAt, Instant expiresAt, StoredAnswer answer) {}

    /** Reserves the key for the request {@code owner}; false when the account already has a row for it. */
    boolean reserve(long account, String key, String hash, String owner, Instant now, Instant expires) {
        return jdbc.sql("""
                INSERT INTO idempotent_request (account_id, idempotency_key, request_hash, state, owner, started_at, expires_at)
                VALUES (:a, :k, :h, 'IN_PROGRESS', :o, :now, :exp)
                ON CONFLICT (account_id, idempotency_key) DO NOTHING""")
                .param("a", account).param("k", key).param("h", hash).param("o", owner)
                .param("now", Timestamp.from(now)).param("exp", Timestamp.from(expires))
                .update() == 1;
    }

    Optional<Row> find(long account, String key) {
        return jdbc.sql("""
                SELECT request_hash, state, owner, started_at, expires_at, status, content_type, body
                FROM idempotent_request WHERE account_id = :a AND idempotency_key = :k""")
                .param("a", account).param("k", key)
                .query((rs, n) -> {
                    boolean done = "DONE".equals(rs.getString("state"));
                    return new Row(rs.getString("request_hash"), done, rs.getString("owner"),
                            rs.getTimestamp("started_at").toInstant(), rs.getTimestamp("expires_at").toInstant(),
                            done ? new StoredAnswer(rs.getInt("status"), rs.getString("content_type"), rs.getBytes("body")) : null);
                }).optional();
    }

    /** Hands an abandoned IN_PROGRESS row to a new request; false when someone else changed it first. */
    boolean takeOver(long account, String key, String oldOwner, String newOwner, Instant now, Instant expires) {
        return jdbc.sql("""
                UPDATE idempotent_request SET owner = :new, started_at = :now, expires_at = :exp
                WHERE account_id = :a AND idempotency_key = :k AND state = 'IN_PROGRESS' AND owner = :old""")
                .param("new", newOwner).param("now", Timestamp.from(now)).param("exp", Timestamp.from(expires))
                .param("a", account).param("k", key).param("old", oldOwner)
                .update() == 1;
    }

    /** Stores the answer of the request that owns the row; false when the row is no longer its own. */
    boolean complete(long account, String key, String owner, StoredAnswer answer) {
        return jdbc.sql("""
                UPDATE idempotent_request SET state = 'DONE', owner = NULL, status = :s, content_type = :ct, body = :b
                WHERE account_id = :a AND idempotency_key = :k AND state = 'IN_PROGRESS' AND owner = :o""")
                .param("s", answer.status()).param("ct", answer.contentType()).param("b", answer.body())
                .param("a", account).param("k", key).param("o", owner)
                .update() == 1;
    }

    /** Frees the key of a request whose answer is not kept. */
    void release(long account, String key, String owner) {
        jdbc.sql("DELETE FROM idempotent_request WHERE account_id = :a AND idempotency_key = :k AND state = 'IN_PROGRESS' AND owner = :o")
                .param("a", account).param("k", key).param("o", owner).update();
    }

    /** Deletes the key's row if it has expired by {@code now}. */
    void deleteExpired(long account, String key, Instant now) {
        jdbc.sql("DELETE FROM idempotent_request WHERE account_id = :a AND idempotency_key = :k AND expires_at <= :now")
                .param("a", account).param("k", key).param("now", Timestamp.from(now)).update();
    }

    int deleteAllExpired(Instant now) {
        return jdbc.sql("DELETE FROM idempotent_request WHERE expires_at <= :now").param("now", Timestamp.from(now)).update();
    }
}
