package io.simfleet.sim;

import io.simfleet.common.Json;
import io.simfleet.common.Page;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

@Repository
class SimRepository {
    private static final JsonMapper JSON = Json.MAPPER;
    private final JdbcClient jdbc;

    SimRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a batch of new SIMs (ids included) with one statement per 5000, Ready To Activate. */
    void insertAll(List<Sim> sims, Instant at) {
        for (int from = 0; from < sims.size(); from += 5000) {
            List<Sim> chunk = sims.subList(from, Math.min(sims.size(), from + 5000));
            jdbc.sql("""
                    INSERT INTO sim (account_id, id, iccid, master_imsi, supplier_imsis, msisdn, eid, ean, activation_code,
                                     product_id, status, endpoint_id, status_changed_at, created_at)
                    SELECT :a, t.id, t.iccid, t.imsi, t.sup::jsonb, t.msisdn, t.eid, t.ean, t.ac, t.p, 'READY_TO_ACTIVATE', NULL, :at, :at
                    FROM unnest(:ids, :iccids, :imsis, :sups, :msisdns, :eids, :eans, :acs, :ps)
                         AS t(id, iccid, imsi, sup, msisdn, eid, ean, ac, p)""")
                    .param("a", chunk.get(0).accountId()).param("at", Timestamp.from(at))
                    .param("ids", chunk.stream().map(Sim::id).toArray(Long[]::new))
                    .param("iccids", chunk.stream().map(Sim::iccid).toArray(String[]::new))
                    .param("imsis", chunk.stream().map(Sim::masterImsi).toArray(String[]::new))
                    .param("sups", chunk.stream().map(x -> JSON.writeValueAsString(x.supplierImsis())).toArray(String[]::new))
                    .param("msisdns", chunk.stream().map(Sim::msisdn).toArray(String[]::new))
                    .param("eids", chunk.stream().map(Sim::eid).toArray(String[]::new))
                    .param("eans", chunk.stream().map(Sim::ean).toArray(String[]::new))
                    .param("acs", chunk.stream().map(Sim::activationCode).toArray(String[]::new))
                    .param("ps", chunk.stream().map(Sim::productId).toArray(Long[]::new))
                    .update();
            // their numbers, platform-wide unique (V12): a number another account holds fails the whole batch
            jdbc.sql("""
                    INSERT INTO sim_identity (value, kind, account_id, sim_id)
                    SELECT x.value, x.kind, :a, t.id
                    FROM unnest(:ids, :iccids, :imsis, :msisdns, :eids) AS t(id, iccid, imsi, msisdn, eid)
                    CROSS JOIN LATERAL (VALUES (t.iccid, 'iccid'), (t.imsi, 'imsi'), (t.msisdn, 'msisdn'), (t.eid, 'eid')) AS x(value, kind)
                    WHERE x.value IS NOT NULL""")
                    .param("a", chunk.get(0).accountId())
                    .param("ids", chunk.stream().map(Sim::id).toArray(Long[]::new))
                    .param("iccids", chunk.stream().map(Sim::iccid).toArray(String[]::new))
                    .param("imsis", chunk.stream().map(Sim::masterImsi).toArray(String[]::new))
                    .param("msisdns", chunk.stream().map(Sim::msisdn).toArray(String[]::new))
                    .param("eids", chunk.stream().map(Sim::eid).toArray(String[]::new))
                    .update();
        }
    }

    /**
     * Links {@code iccids[i]} to {@code endpointIds[i]} for every i, in one statement, each only
     * if it is the account's and Ready To Activate. Answers how many were linked.
     */
    int claimAll(long account, List<String> iccids, List<Long> endpointIds, SimStatus to, Instant at) {
        // lock the rows in one order first, so that two bulks naming the same SIMs cannot deadlock
        jdbc.sql("SELECT id FROM sim WHERE account_id = :a AND iccid = ANY(:iccids) ORDER BY id FOR UPDATE")
                .param("a", account).param("iccids", iccids.toArray(new String[0])).query(Long.class).list();
        return jdbc.sql("""
                UPDATE sim SET status = :to, endpoint_id = t.e, status_changed_at = :at
                FROM unnest(:iccids, :eids) AS t(iccid, e)
                WHERE sim.iccid = t.iccid AND sim.account_id = :a AND sim.status = 'READY_TO_ACTIVATE' AND sim.endpoint_id IS NULL""")
                .param("to", to.name()).param("at", Timestamp.from(at)).param("a", account)
                .param("iccids", iccids.toArray(new String[0])).param("eids", endpointIds.toArray(new Long[0]))
                .update();
    }

    /** {@code n} fresh SIM ids in one round trip. */
    List<Long> nextIds(int n) {
        return jdbc.sql("SELECT nextval('sim_id_seq') AS id FROM generate_series(1, :n) ORDER BY id").param("n", n).query(Long.class).list();
    }

    /**
     * Which of these business keys already exist, in any account (they are unique platform-wide):
     * read from {@code sim_identity}, keyed by the number, not from the account-keyed {@code sim}.
     */
    List<String> existingKeys(Collection<String> iccids, Collection<String> imsis, Collection<String> msisdns, Collection<String> eids) {
        return jdbc.sql("""
                SELECT 'iccid ' || value FROM sim_identity WHERE kind = 'iccid' AND value = ANY(:i)
                UNION ALL SELECT 'imsi ' || value FROM sim_identity WHERE kind = 'imsi' AND value = ANY(:m)
                UNION ALL SELECT 'msisdn ' || value FROM sim_identity WHERE kind = 'msisdn' AND value = ANY(:s)
                UNION ALL SELECT 'eid ' || value FROM sim_identity WHERE kind = 'eid' AND value = ANY(:e) LIMIT 5""")
                .param("i", iccids.toArray(new String[0])).param("m", imsis.toArray(new String[0]))
                .param("s", msisdns.toArray(new String[0])).param("e", eids.toArray(new String[0]))
                .query(String.class).list();
    }

    /**
     * Links a Ready To Activate SIM of the account to an endpoint, atomically: the conditional
     * update is the check, so two concurrent links of one SIM cannot both succeed.
     */
    Optional<Sim> claim(long account, String iccid, long endpointId, SimStatus to, Instant at) {
        return jdbc.sql("""
                UPDATE sim SET status = :to, endpoint_id = :e, status_changed_at = :at
                WHERE account_id = :a AND iccid = :iccid AND status = 'READY_TO_ACTIVATE' AND endpoint_id IS NULL
                RETURNING *""")
                .param("to", to.name()).param("e", endpointId).param("at", Timestamp.from(at))
                .param("a", account).param("iccid", iccid)
                .query(SimRepository::map).optional();
    }

    /** The SIM linked to an endpoint, locked until the end of the transaction. */
    Optional<Sim> byEndpointForUpdate(long account, long endpointId) {
        return jdbc.sql("SELECT * FROM sim WHERE account_id = :a AND endpoint_id = :e FOR UPDATE")
                .param("a", account).param("e", endpointId).query(SimRepository::map).optional();
    }

    /** Moves a linked SIM; {@code endpointId} null de-links it (Ready To Activate). */
    void move(long account, long simId, SimStatus to, Long endpointId, Instant at) {
        jdbc.sql("UPDATE sim SET status = :to, endpoint_id = :e, status_changed_at = :at WHERE account_id = :a AND id = :id")
                .param("to", to.name()).param("e", endpointId).param("at", Timestamp.from(at)).param("a", account).param("id", simId)
                .update();
    }

    Optional<Sim> byIccid(long account, String iccid) {
        return jdbc.sql("SELECT * FROM sim WHERE account_id = :a AND iccid = :i").param("a", account).param("i", iccid)
                .query(SimRepository::map).optional();
    }

    List<Sim> byIccids(long account, Collection<String> iccids) {
        return jdbc.sql("SELECT * FROM sim WHERE account_id = :a AND iccid = ANY(:i)")
                .param("a", account).param("i", iccids.toArray(new String[0])).query(SimRepository::map).list();
    }

    /** Platform-wide by the unique master IMSI (the network's name for a SIM). */
    Optional<Sim> byImsi(String imsi) {
        return jdbc.sql("""
                SELECT s.* FROM sim_identity i JOIN sim s ON s.account_id = i.account_id AND s.id = i.sim_id
                WHERE i.value = :i AND i.kind = 'imsi'""").param("i", imsi).query(SimRepository::map).optional();
    }

    List<Sim> byEndpoints(long account, Collection<Long> endpointIds) {
        return jdbc.sql("SELECT * FROM sim WHERE account_id = :a AND endpoint_id = ANY(:e)")
                .param("a", account).param("e", endpointIds.toArray(new Long[0]))
                .query(SimRepository::map).list();
    }

    /** A SIM of a page with the name of its endpoint, if it has one. */
    record Listed(Sim sim, String endpointName) {}

    /** One page of the account's SIMs, in ICCID order, with the names of their endpoints. */
    Page<Listed> page(long account, String iccid, SimStatus status, Boolean attached, int page, int perPage) {
        String where = " " + """
                WHERE s.account_id = :a AND (CAST(:iccid AS text) IS NULL OR s.iccid = :iccid)
                   AND (CAST(:st AS text) IS NULL OR s.status = :st)
                   AND (CAST(:att AS boolean) IS NULL OR (s.endpoint_id IS NOT NULL) = :att)""";
        long total = jdbc.sql("SELECT count(*) FROM sim s" + where)
                .param("a", account).param("iccid", iccid).param("st", status == null ? null : status.name())
                .param("att", attached).query(Long.class).single();
        List<Listed> rows = jdbc.sql("""
                SELECT s.*, e.name AS endpoint_name
                FROM sim s LEFT JOIN endpoint e ON e.account_id = s.account_id AND e.id = s.endpoint_id""" + where + " ORDER BY s.iccid LIMIT :lim OFFSET :off")
                .param("a", account).param("iccid", iccid).param("st", status == null ? null : status.name())
                .param("att", attached).param("lim", perPage).param("off", (long) (page - 1) * perPage)
                .query((rs, n) -> new Listed(map(rs, n), rs.getString("endpoint_name"))).list();
        return new Page<>(rows, total, perPage);
    }

    /**
     * Keyset page of the account's SIMs in ICCID order (portal): after {@code afterIccid}, optionally
     * of one state and/or one ICCID, IMSI or MSISDN ({@code q}, exact). Each condition is written only
     * when given, so the plan is an index range scan (sim_account_idx, sim_account_status_idx, or the
     * msisdn / imsi indexes): a page's cost does not grow with the inventory.
     */
    List<Listed> browse(long account, String q, SimStatus status, String afterIccid, int limit) {
        StringBuilder sql = new StringBuilder("""
                SELECT s.*, e.name AS endpoint_name
                FROM sim s LEFT JOIN endpoint e ON e.account_id = s.account_id AND e.id = s.endpoint_id
                WHERE s.account_id = :a""");
        if (status != null) sql.append(" AND s.status = :st");
        if (q != null) sql.append(" AND (s.iccid = :q OR s.master_imsi = :q OR s.msisdn = :q)");
        if (afterIccid != null) sql.append(" AND s.iccid > :after");
        sql.append(" ORDER BY s.iccid LIMIT :lim");
        var spec = jdbc.sql(sql.toString()).param("a", account).param("lim", limit);
        if (status != null) spec = spec.param("st", status.name());
        if (q != null) spec = spec.param("q", q);
        if (afterIccid != null) spec = spec.param("after", afterIccid);
        return spec.query((rs, n) -> new Listed(map(rs, n), rs.getString("endpoint_name"))).list();
    }

    /** Contiguous runs of Ready To Activate ICCIDs (gaps and islands over the numeric ICCID). */
    List<IccidRange> readyRanges(long account) {
        return jdbc.sql("""
                SELECT min(iccid) AS first, max(iccid) AS last, count(*) AS quantity FROM (
                    SELECT iccid, CAST(iccid AS numeric) - row_number() OVER (PARTITION BY length(iccid) ORDER BY iccid) AS grp, length(iccid) AS len
                    FROM sim WHERE account_id = :a AND status = 'READY_TO_ACTIVATE') r
                GROUP BY len, grp ORDER BY first""")
                .param("a", account)
                .query((rs, n) -> new IccidRange(rs.getString(1), rs.getString(2), rs.getLong(3))).list();
    }

    static Sim map(ResultSet rs, int n) throws SQLException {
        return SimRows.map(rs, "");
    }

    java.util.Map<SimStatus, Long> countByStatus(long account) {
        java.util.Map<SimStatus, Long> counts = new java.util.EnumMap<>(SimStatus.class);
        // V24's kept counts: the sum of a few rows per state, whatever the number of SIMs
        jdbc.sql("SELECT status, sum(n) FROM sim_state_count WHERE account_id = :a GROUP BY status HAVING sum(n) <> 0").param("a", account)
                .query((rs, n) -> counts.put(SimStatus.valueOf(rs.getString(1)), rs.getLong(2))).list();
        return counts;
    }
}
