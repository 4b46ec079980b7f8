package io.simfleet.auth;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class UserRepository {
    record UserRow(long id, String username, String passwordHash, long accountId, int failedAttempts, Instant blockedUntil) {}

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<UserRow> find(String username) {
        return jdbc.sql("SELECT id, username, password_hash, account_id, failed_attempts, blocked_until FROM app_user WHERE username = :u")
                .param("u", username)
                .query((rs, n) -> {
                    Timestamp b = rs.getTimestamp(6);
                    return new UserRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getInt(5),
                            b == null ? null : b.toInstant());
                })
                .optional();
    }

    List<UserRow> ofAccount(long accountId) {
        return jdbc.sql("SELECT * FROM app_user WHERE account_id = :a ORDER BY username").param("a", accountId)
                .query((rs, n) -> new UserRow(rs.getLong("id"), rs.getString("username"), rs.getString("password_hash"),
                        rs.getLong("account_id"), rs.getInt("failed_attempts"),
                        rs.getTimestamp("blocked_until") == null ? null : rs.getTimestamp("blocked_until").toInstant())).list();
    }

    boolean exists(String username) {
        return jdbc.sql("SELECT count(*) FROM app_user WHERE username = :u").param("u", username).query(Long.class).single() > 0;
    }

    void insert(String username, String hash, long accountId, Instant at) {
        jdbc.sql("INSERT INTO app_user (username, password_hash, account_id, created_at) VALUES (:u, :h, :a, :at)")
                .param("u", username).param("h", hash).param("a", accountId).param("at", Timestamp.from(at)).update();
    }

    /**
     * Counts one more failure atomically and blocks the user when it reaches {@code max}.
     * Returns true when this failure blocked the user.
     */
    boolean recordFailure(long id, int max, Instant blockUntil) {
        Integer attempts = jdbc.sql("""
                UPDATE app_user SET failed_attempts = failed_attempts + 1 WHERE id = :id RETURNING failed_attempts""")
                .param("id", id).query(Integer.class).single();
        if (attempts >= max) {
            jdbc.sql("UPDATE app_user SET failed_attempts = 0, blocked_until = :until WHERE id = :id")
                    .param("until", Timestamp.from(blockUntil)).param("id", id).update();
            return true;
        }
        return false;
    }

    void recordSuccess(long id) {
        jdbc.sql("UPDATE app_user SET failed_attempts = 0, blocked_until = NULL WHERE id = :id AND (failed_attempts <> 0 OR blocked_until IS NOT NULL)")
                .param("id", id).update();
    }
}
