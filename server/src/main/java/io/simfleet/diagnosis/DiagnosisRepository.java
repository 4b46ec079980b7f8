package io.simfleet.diagnosis;

import io.simfleet.endpoint.EndpointRef;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The endpoint a diagnosis names, and its blacklist. */
@Repository
class DiagnosisRepository {
    private final JdbcClient jdbc;

    DiagnosisRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An endpoint (not deleted) with its SIM, if it holds one. */
    record Target(long accountId, long endpointId, String status, List<Long> roamingProfileIds, String iccid, String imsi) {}

    /** The endpoint named by {@code ref} in the account; with {@code lock} held until the end of the transaction. */
    Optional<Target> find(long account, EndpointRef ref, boolean lock) {
        String where;
        switch (ref.kind()) {
            case ENDPOINT_ID: where = "e.id = CAST(:v AS bigint)"; break;
            case IMSI: where = "s.master_imsi = :v"; break;
            case MSISDN: where = "s.msisdn = :v"; break;
            default: where = "s.iccid = :v";
        }
        return jdbc.sql("""
                        SELECT e.account_id, e.id, e.status, e.roaming_profile_ids, s.iccid, s.master_imsi
                        FROM endpoint e LEFT JOIN sim s ON s.account_id = e.account_id AND s.endpoint_id = e.id
                        WHERE e.account_id = :a AND e.deleted_at IS NULL AND """ + " " + where + (lock ? " FOR NO KEY UPDATE OF e" : ""))
                .param("a", account).param("v", ref.value())
                .query((rs, n) -> new Target(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        List.of((Long[]) rs.getArray(4).getArray()), rs.getString(5), rs.getString(6)))
                .optional();
    }

    /** The endpoint's blacklist as TADIG/IRn entries. */
    List<String> blacklist(long account, long endpoint) {
        return jdbc.sql("""
                        SELECT tadig_code || '/' || category_group_id FROM endpoint_blacklist WHERE account_id = :a AND endpoint_id = :e
                        ORDER BY tadig_code, category_group_id""")
                .param("a", account).param("e", endpoint).query(String.class).list();
    }

    void add(long account, long endpoint, String tadig, String group, Instant at) {
        jdbc.sql("INSERT INTO endpoint_blacklist (account_id, endpoint_id, tadig_code, category_group_id, added_at) VALUES (:a, :e, :t, :g, :at)")
                .param("a", account).param("e", endpoint).param("t", tadig).param("g", group).param("at", Timestamp.from(at)).update();
    }

    void remove(long account, long endpoint, String tadig, String group) {
        jdbc.sql("DELETE FROM endpoint_blacklist WHERE account_id = :a AND endpoint_id = :e AND tadig_code = :t AND category_group_id = :g")
                .param("a", account).param("e", endpoint).param("t", tadig).param("g", group).update();
    }
}
