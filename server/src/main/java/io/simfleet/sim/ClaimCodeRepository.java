package io.simfleet.sim;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table {@code sim_claim_code}: one activation code per SIM, read by ICCID within one account. */
@Repository
class ClaimCodeRepository {
    private static final String SELECT = """
            SELECT c.sim_id, s.iccid, c.code, c.failed_attempts, c.blocked_until, s.status
            FROM sim_claim_code c JOIN sim s ON s.account_id = c.account_id AND s.id = c.sim_id""";

    private final JdbcClient jdbc;

    ClaimCodeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insertAll(long account, List<Long> simIds, List<String> codes) {
        for (int from = 0; from < simIds.size(); from += 5000) {
            int to = Math.min(simIds.size(), from + 5000);
            jdbc.sql("INSERT INTO sim_claim_code (account_id, sim_id, code) SELECT :a, t.id, t.code FROM unnest(:ids, :codes) AS t(id, code)")
                    .param("a", account).param("ids", simIds.subList(from, to).toArray(new Long[0]))
                    .param("codes", codes.subList(from, to).toArray(new String[0])).update();
        }
    }

    Optional<ClaimCode> find(long account, String iccid) {
        return jdbc.sql(SELECT + " WHERE s.account_id = :a AND s.iccid = :i").param("a", account).param("i", iccid)
                .query(ClaimCodeRepository::map).optional();
    }

    /** The code of the account's SIM, its row locked: the attempts on one SIM are counted one after the other. */
    Optional<ClaimCode> lock(long account, String iccid) {
        return jdbc.sql(SELECT + " WHERE s.account_id = :a AND s.iccid = :i FOR UPDATE OF c").param("a", account).param("i", iccid)
                .query(ClaimCodeRepository::map).optional();
    }

    List<ClaimCode> findAll(long account, Collection<String> iccids) {
        return jdbc.sql(SELECT + " WHERE s.account_id = :a AND s.iccid = ANY(:i) ORDER BY s.iccid").param("a", account)
                .param("i", iccids.toArray(new String[0])).query(ClaimCodeRepository::map).list();
    }

    void recordAttempt(long account, long simId, int failedAttempts, Instant blockedUntil) {
        jdbc.sql("UPDATE sim_claim_code SET failed_attempts = :f, blocked_until = :b WHERE account_id = :a AND sim_id = :s")
                .param("f", failedAttempts).param("b", blockedUntil == null ? null : Timestamp.from(blockedUntil))
                .param("a", account).param("s", simId).update();
    }

    void replace(long account, long simId, String code) {
        jdbc.sql("UPDATE sim_claim_code SET code = :c, failed_attempts = 0, blocked_until = NULL WHERE account_id = :a AND sim_id = :s")
                .param("c", code).param("a", account).param("s", simId).update();
    }

    private static ClaimCode map(ResultSet rs, int n) throws SQLException {
        Timestamp blocked = rs.getTimestamp("blocked_until");
        return new ClaimCode(rs.getLong("sim_id"), rs.getString("iccid"), rs.getString("code"), rs.getInt("failed_attempts"),
                blocked == null ? null : blocked.toInstant(), SimStatus.valueOf(rs.getString("status")));
    }
}
