package io.simfleet.endpoint;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import io.simfleet.sim.Sim;
import io.simfleet.sim.SimRows;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class EndpointRepository {
    private final JdbcClient jdbc;

    EndpointRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long nextId() {
        return jdbc.sql("SELECT nextval('endpoint_id_seq')").query(Long.class).single();
    }

    List<Long> nextIds(int n) {
        return jdbc.sql("SELECT nextval('endpoint_id_seq') AS id FROM generate_series(1, :n) ORDER BY id").param("n", n)
                .query(Long.class).list();
    }

    void insert(Endpoint e) {
        insertAll(e, List.of(e.id()), List.of(e.name()));
    }

    /** Inserts endpoints that share everything but id and name (one, or a bulk), in one statement. */
    void insertAll(Endpoint template, List<Long> ids, List<String> names) {
        Endpoint e = template;
        jdbc.sql("""
                INSERT INTO endpoint (account_id, id, name, status, subscriber_type, plan_id, apn_group_id, roaming_profile_ids,
                    monthly_limit, imei, imei_locked, dynamic_benefit_id, created_at, plan_effective_at, activated_at,
                    last_sim_state_change_at, version)
                SELECT :a, t.id, t.name, :st, :sub, :plan, :apn, :rp, :ml, :imei, :lock, :db, :created, :eff, :act, :simchg, 0
                FROM unnest(:ids, :names) AS t(id, name)""")
                .param("a", e.accountId()).param("ids", ids.toArray(new Long[0])).param("names", names.toArray(new String[0]))
                .param("st", e.status().name()).param("sub", e.subscriberType()).param("plan", e.planId())
                .param("apn", e.apnGroupId()).param("rp", e.roamingProfileIds().toArray(new Long[0]))
                .param("ml", e.monthlyLimit()).param("imei", e.imei()).param("lock", e.imeiLocked()).param("db", e.dynamicBenefitId())
                .param("created", ts(e.createdAt())).param("eff", ts(e.planEffectiveAt()))
                .param("act", ts(e.activatedAt())).param("simchg", ts(e.lastSimStateChangeAt()))
                .update();
    }

    /** Every (endpoint, tag) pair, in one statement; pairs already there stay as they are. */
    void insertTagsAll(long account, List<Long> endpointIds, Collection<Long> tagIds) {
        if (tagIds.isEmpty()) return;
        jdbc.sql("""
                INSERT INTO endpoint_tag (account_id, endpoint_id, tag_id)
                SELECT :a, e, t FROM unnest(:ids) AS e CROSS JOIN unnest(:tags) AS t
                ON CONFLICT DO NOTHING""")
                .param("a", account).param("ids", endpointIds.toArray(new Long[0])).param("tags", tagIds.toArray(new Long[0]))
                .update();
    }

    /** Every (endpoint, feature) pair, in one statement; pairs already there stay as they are. */
    void insertValueAddedFeaturesAll(long account, List<Long> endpointIds, Collection<String> ids) {
        if (ids.isEmpty()) return;
        jdbc.sql("""
                INSERT INTO endpoint_value_added_feature (account_id, endpoint_id, feature_id)
                SELECT :a, e, f FROM unnest(:ids) AS e CROSS JOIN unnest(:f) AS f
                ON CONFLICT DO NOTHING""")
                .param("a", account).param("ids", endpointIds.toArray(new Long[0])).param("f", ids.toArray(new String[0]))
                .update();
    }

    void insertAddonsAll(long account, List<Long> endpointIds, String planId, Instant start, Instant expires) {
        jdbc.sql("""
                INSERT INTO endpoint_addon (account_id, endpoint_id, plan_id, start_at, expires_at)
                SELECT :a, e, :p, :s, :x FROM unnest(:ids) AS e""")
                .param("a", account).param("ids", endpointIds.toArray(new Long[0])).param("p", planId)
                .param("s", ts(start)).param("x", ts(expires)).update();
    }

    /** The live endpoints of the account with these ids, in id order. */
    List<Endpoint> findAll(long account, Collection<Long> ids) {
        if (ids.isEmpty()) return List.of();
        return jdbc.sql("SELECT * FROM endpoint WHERE account_id = :a AND id = ANY(:ids) AND deleted_at IS NULL ORDER BY id")
                .param("a", account).param("ids", ids.toArray(new Long[0])).query(EndpointRepository::map).list();
    }

    Optional<Endpoint> find(long account, long id) {
        return jdbc.sql("SELECT * FROM endpoint WHERE account_id = :a AND id = :id AND deleted_at IS NULL")
                .param("a", account).param("id", id).query(EndpointRepository::map).optional();
    }

    /**
     * The endpoint named by {@code ref}, locked (FOR UPDATE) until the end of the transaction, so
     * that concurrent calls on one endpoint run one after the other. By id it finds deleted
     * endpoints too (the callers answer "deactivated"); by IMSI, MSISDN or ICCID only an endpoint
     * holding that SIM.
     */
    Optional<Endpoint> lock(long account, EndpointRef ref) {
        String column = switch (ref.kind()) {
            case ENDPOINT_ID -> null;
            case IMSI -> "master_imsi";
            case MSISDN -> "msisdn";
            case ICCID -> "iccid";
        };
        if (column == null) {
            return jdbc.sql("SELECT * FROM endpoint WHERE account_id = :a AND id = :id FOR UPDATE")
                    .param("a", account).param("id", Long.parseLong(ref.value())).query(EndpointRepository::map).optional();
        }
        Optional<Endpoint> locked = jdbc.sql("SELECT e.* FROM endpoint e JOIN sim s ON s.account_id = e.account_id AND s.endpoint_id = e.id WHERE s.account_id = :a AND s."
                        + column + " = :v AND e.deleted_at IS NULL FOR UPDATE OF e")
                .param("a", account).param("v", ref.value()).query(EndpointRepository::map).optional();
        // PostgreSQL re-checks only the locked endpoint row after waiting for it: make sure the SIM is
        // still linked to it (SIMs of an endpoint change only under the endpoint's lock, so this holds)
        return locked.filter(e -> jdbc.sql("SELECT count(*) FROM sim WHERE account_id = :a AND endpoint_id = :e AND " + column + " = :v")
                .param("a", account).param("e", e.id()).param("v", ref.value()).query(Long.class).single() == 1);
    }

    /**
     * Writes every mutable field of {@code e} if the row still has the version {@code e} was read
     * with, and answers it with the new version. Under the row's lock the check always holds; a
     * writer that did not lock (or a bug that saves a stale copy) gets an optimistic-locking
     * failure instead of overwriting a change it never saw.
     */
    Endpoint update(Endpoint e, Instant now) {
        int rows = jdbc.sql("""
                UPDATE endpoint SET name = :n, status = :st,
                    deleted_at = CASE WHEN :st = 'DELETED' THEN COALESCE(deleted_at, :now) END, subscriber_type = :sub, plan_id = :plan, apn_group_id = :apn,
                    roaming_profile_ids = :rp, imei = :imei, imei_locked = :lock, dynamic_benefit_id = :db,
                    plan_effective_at = :eff, activated_at = :act, last_sim_state_change_at = :simchg,
                    barred_services = :barred, delink_pending_since = :pending, version = version + 1
                WHERE account_id = :a AND id = :id AND version = :v""")
                .param("n", e.name()).param("st", e.status().name()).param("sub", e.subscriberType())
                .param("plan", e.planId()).param("apn", e.apnGroupId()).param("rp", e.roamingProfileIds().toArray(new Long[0]))
                .param("imei", e.imei()).param("lock", e.imeiLocked()).param("db", e.dynamicBenefitId())
                .param("eff", ts(e.planEffectiveAt())).param("act", ts(e.activatedAt()))
                .param("simchg", ts(e.lastSimStateChangeAt())).param("barred", e.barredServices().toArray(new String[0]))
                .param("pending", ts(e.delinkPendingSince())).param("a", e.accountId()).param("id", e.id())
                .param("v", e.version()).param("now", ts(now))
                .update();
        if (rows != 1) throw new OptimisticLockingFailureException("endpoint " + e.id() + " changed since version " + e.version());
        return e.withVersion(e.version() + 1);
    }

    void removeTags(long account, long endpointId, Collection<Long> tagIds) {
        jdbc.sql("DELETE FROM endpoint_tag WHERE account_id = :a AND endpoint_id = :e AND tag_id = ANY(:t)")
                .param("a", account).param("e", endpointId).param("t", tagIds.toArray(new Long[0])).update();
    }

    void removeValueAddedFeatures(long account, long endpointId, Collection<String> ids) {
        jdbc.sql("DELETE FROM endpoint_value_added_feature WHERE account_id = :a AND endpoint_id = :e AND feature_id = ANY(:f)")
                .param("a", account).param("e", endpointId).param("f", ids.toArray(new String[0])).update();
    }

    void removeAddons(long account, long endpointId, Collection<Long> uniqueIds, Instant at) {
        jdbc.sql("UPDATE endpoint_addon SET removed_at = :at WHERE account_id = :a AND endpoint_id = :e AND unique_id = ANY(:u) AND removed_at IS NULL AND expired_at IS NULL")
                .param("at", ts(at)).param("a", account).param("e", endpointId).param("u", uniqueIds.toArray(new Long[0])).update();
    }

    /**
     * The next endpoint whose de-link waits for a data session to end, last checked before then;
     * locked, and skipped by other workers. Claimed within one account at a time (an unlocked read
     * finds the accounts), so that each locking statement touches one account's rows only (what
     * Citus needs, docs/scaling.md).
     */
    Optional<Endpoint> nextPendingDelink(Instant checkedBefore) {
        List<Long> accounts = jdbc.sql("""
                SELECT account_id FROM endpoint WHERE delink_pending_since IS NOT NULL AND delink_pending_since < :before
                GROUP BY account_id ORDER BY min(delink_pending_since) LIMIT 20""").param("before", ts(checkedBefore)).query(Long.class).list();
        for (long account : accounts) {
            Optional<Endpoint> claimed = jdbc.sql("""
                    SELECT * FROM endpoint WHERE account_id = :a AND delink_pending_since IS NOT NULL AND delink_pending_since < :before
                    ORDER BY delink_pending_since LIMIT 1 FOR UPDATE SKIP LOCKED""")
                    .param("a", account).param("before", ts(checkedBefore)).query(EndpointRepository::map).optional();
            if (claimed.isPresent()) return claimed;
        }
        return Optional.empty();
    }

    /**
     * The de-link queue of every account: endpoints waiting, counted up to {@code cap}, and the
     * oldest wait's start; both from endpoint_delink_pending_idx (the waiting endpoints only, the
     * oldest its first entry).
     */
    Backlogs.DelinkQueue delinkQueue(int cap) {
        long waiting = jdbc.sql("SELECT count(*) FROM (SELECT 1 FROM endpoint WHERE delink_pending_since IS NOT NULL LIMIT :cap) q")
                .param("cap", cap).query(Long.class).single();
        Timestamp oldest = jdbc.sql("SELECT min(delink_pending_since) FROM endpoint WHERE delink_pending_since IS NOT NULL")
                .query(Timestamp.class).optional().orElse(null);
        return new Backlogs.DelinkQueue(waiting, oldest == null ? null : oldest.toInstant());
    }

    /** The endpoint, locked, if its de-link is queued. */
    Optional<Endpoint> lockPendingDelink(long account, long id) {
        return jdbc.sql("SELECT * FROM endpoint WHERE account_id = :a AND id = :id AND delink_pending_since IS NOT NULL FOR UPDATE")
                .param("a", account).param("id", id).query(EndpointRepository::map).optional();
    }

    Optional<Endpoint> findIncludingDeleted(long account, long id) {
        return jdbc.sql("SELECT * FROM endpoint WHERE account_id = :a AND id = :id")
                .param("a", account).param("id", id).query(EndpointRepository::map).optional();
    }

    /**
     * The number of live endpoints matching the filter. All of them: the trigger-kept counter (at
     * most 16 rows, whatever the account's size); untagged: that minus the tagged ones; one tag:
     * counted over that tag's endpoints.
     */
    long count(long account, TagFilter filter) {
        if (filter instanceof TagFilter.WithTag w) {
            return jdbc.sql("""
                    SELECT count(*) FROM endpoint_tag et JOIN endpoint e ON e.account_id = et.account_id AND e.id = et.endpoint_id
                    WHERE et.account_id = :a AND et.tag_id = :t AND e.deleted_at IS NULL""")
                    .param("a", account).param("t", w.tagId()).query(Long.class).single();
        }
        long all = jdbc.sql("SELECT coalesce(sum(n), 0) FROM endpoint_bucket_count WHERE account_id = :a")
                .param("a", account).query(Long.class).single();
        if (filter instanceof TagFilter.Untagged) {
            return all - jdbc.sql("""
                    SELECT count(DISTINCT et.endpoint_id) FROM endpoint_tag et JOIN endpoint e ON e.account_id = et.account_id AND e.id = et.endpoint_id
                    WHERE et.account_id = :a AND e.deleted_at IS NULL""").param("a", account).query(Long.class).single();
        }
        return all;
    }

    static final int BUCKET = 8192;

    /**
     * One page in id order. Without a tag filter, the page's first id is found from the bucket
     * counts (V14): the account's buckets summed in id order up to the page's offset (one row per
     * bucket and shard), then an index-only scan within the one bucket where the page starts, so
     * the last page costs what the first does (the bucket's first id is a scalar subquery, not a
     * join with {@code start}: only a value known before the scan bounds it). With a tag filter, the first id is found by an
     * index-only scan of (account_id, id) from the start, skipping the pages before it.
     */
    List<Endpoint> page(long account, TagFilter filter, int page, int perPage) {
        long offset = (long) (page - 1) * perPage;
        if (filter instanceof TagFilter.Any) {
            return jdbc.sql("""
                    WITH b AS (SELECT bucket, sum(n) AS n FROM endpoint_bucket_count WHERE account_id = :a GROUP BY bucket),
                         c AS (SELECT bucket, n, sum(n) OVER (ORDER BY bucket) AS upto FROM b),
                         start AS (SELECT bucket * :size AS lo, :off - (upto - n) AS skip FROM c WHERE upto > :off
                                   ORDER BY bucket LIMIT 1)
                    SELECT e.* FROM endpoint e WHERE e.account_id = :a AND e.deleted_at IS NULL
                      AND e.id >= (SELECT f.id FROM endpoint f WHERE f.account_id = :a AND f.deleted_at IS NULL
                                   AND f.id >= (SELECT lo FROM start) ORDER BY f.id OFFSET (SELECT skip FROM start) LIMIT 1)
                    ORDER BY e.id LIMIT :lim""")
                    .param("a", account).param("size", BUCKET).param("off", offset).param("lim", perPage)
                    .query(EndpointRepository::map).list();
        }
        String live = "FROM endpoint e WHERE e.account_id = :a AND e.deleted_at IS NULL" + tagCondition(filter);
        return jdbc.sql("SELECT e.* " + live + " AND e.id >= (SELECT e.id " + live + " ORDER BY e.id OFFSET :off LIMIT 1)"
                        + " ORDER BY e.id LIMIT :lim")
                .param("a", account).param("t", tagParam(filter)).param("lim", perPage).param("off", offset)
                .query(EndpointRepository::map).list();
    }

    /** (endpoint id, tag id) pairs of these endpoints. */
    List<long[]> tagLinks(long account, Collection<Long> endpointIds) {
        return jdbc.sql("SELECT endpoint_id, tag_id FROM endpoint_tag WHERE account_id = :a AND endpoint_id = ANY(:e) ORDER BY endpoint_id, tag_id")
                .param("a", account).param("e", endpointIds.toArray(new Long[0]))
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
    }

    record Addon(long uniqueId, String planId, Instant start, Instant expires) {}

    /**
     * A live endpoint with what hangs off it: its tag ids, value-added feature ids and current
     * add-ons, its account's catalog version (0 when the catalog was never changed) and its SIM
     * (null when none).
     */
    record WithParts(Endpoint endpoint, List<Long> tagIds, List<String> valueAddedFeatureIds, List<Addon> addons,
                     long catalogVersion, Sim sim, boolean blacklistedNetworks) {}

    /**
     * {@link #find} with its tags, value-added features and add-ons, in one statement (the
     * profile's read); it also reads the account's catalog version and the endpoint's SIM (reads
     * of the catalog's and the SIM's tables, docs/architecture.md says why).
     */
    Optional<WithParts> findWithParts(long account, long id) {
        return jdbc.sql("""
                        SELECT e.*,
                            ARRAY(SELECT t.tag_id FROM endpoint_tag t
                                  WHERE t.account_id = e.account_id AND t.endpoint_id = e.id ORDER BY t.tag_id) AS part_tags,
                            ARRAY(SELECT f.feature_id FROM endpoint_value_added_feature f
                                  WHERE f.account_id = e.account_id AND f.endpoint_id = e.id ORDER BY f.feature_id) AS part_features,
                            ad.ids AS part_addon_ids, ad.plans AS part_addon_plans, ad.starts AS part_addon_starts,
                            ad.expires AS part_addon_expires,
                            COALESCE((SELECT cv.version FROM catalog_version cv WHERE cv.account_id = e.account_id), 0) AS part_catalog_version,
                            EXISTS (SELECT 1 FROM endpoint_blacklist b WHERE b.account_id = e.account_id AND b.endpoint_id = e.id)
                                AS part_blacklisted,
                            %s
                        FROM endpoint e
                        LEFT JOIN sim s ON s.account_id = e.account_id AND s.endpoint_id = e.id
                        CROSS JOIN LATERAL (
                            SELECT COALESCE(array_agg(a.unique_id ORDER BY a.unique_id), '{}') AS ids,
                                   COALESCE(array_agg(a.plan_id ORDER BY a.unique_id), '{}') AS plans,
                                   COALESCE(array_agg(a.start_at ORDER BY a.unique_id), '{}') AS starts,
                                   COALESCE(array_agg(a.expires_at ORDER BY a.unique_id), '{}') AS expires
                            FROM endpoint_addon a
                            WHERE a.account_id = e.account_id AND a.endpoint_id = e.id AND a.removed_at IS NULL
                              AND a.expired_at IS NULL) ad
                        WHERE e.account_id = :a AND e.id = :id AND e.deleted_at IS NULL""".formatted(SimRows.columns("s", "sim_")))
                .param("a", account).param("id", id)
                .query((rs, n) -> {
                    Long[] addonIds = (Long[]) rs.getArray("part_addon_ids").getArray();
                    String[] addonPlans = (String[]) rs.getArray("part_addon_plans").getArray();
                    Timestamp[] starts = (Timestamp[]) rs.getArray("part_addon_starts").getArray();
                    Timestamp[] expires = (Timestamp[]) rs.getArray("part_addon_expires").getArray();
                    List<Addon> addons = new ArrayList<>();
                    for (int i = 0; i < addonIds.length; i++) {
                        addons.add(new Addon(addonIds[i], addonPlans[i], starts[i].toInstant(), expires[i].toInstant()));
                    }
                    return new WithParts(map(rs, n), List.of((Long[]) rs.getArray("part_tags").getArray()),
                            List.of((String[]) rs.getArray("part_features").getArray()), addons, rs.getLong("part_catalog_version"),
                            SimRows.map(rs, "sim_"), rs.getBoolean("part_blacklisted"));
                }).optional();
    }

    private static String tagCondition(TagFilter f) {
        if (f instanceof TagFilter.WithTag) {
            return " AND EXISTS (SELECT 1 FROM endpoint_tag et WHERE et.account_id = e.account_id AND et.tag_id = :t AND et.endpoint_id = e.id)";
        }
        if (f instanceof TagFilter.Untagged) {
            return " AND NOT EXISTS (SELECT 1 FROM endpoint_tag et WHERE et.account_id = e.account_id AND et.endpoint_id = e.id)";
        }
        return "";
    }

    private static Long tagParam(TagFilter f) {
        return f instanceof TagFilter.WithTag w ? w.tagId() : null;
    }

    private static EndpointStatus status(String s) {
        return s == null ? null : EndpointStatus.valueOf(s);
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    static Endpoint map(ResultSet rs, int n) throws SQLException {
        long db = rs.getLong("dynamic_benefit_id");
        Long dynamicBenefit = rs.wasNull() ? null : db;
        BigDecimal limit = rs.getBigDecimal("monthly_limit");
        Array rp = rs.getArray("roaming_profile_ids");
        return new Endpoint(rs.getLong("account_id"), rs.getLong("id"), rs.getString("name"),
                EndpointStatus.valueOf(rs.getString("status")), rs.getInt("subscriber_type"), rs.getString("plan_id"),
                rs.getString("apn_group_id"), Arrays.asList((Long[]) rp.getArray()), limit, rs.getString("imei"),
                rs.getBoolean("imei_locked"), dynamicBenefit, instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("plan_effective_at")), instant(rs.getTimestamp("activated_at")),
                instant(rs.getTimestamp("last_sim_state_change_at")), rs.getInt("version"),
                Arrays.asList((String[]) rs.getArray("barred_services").getArray()), instant(rs.getTimestamp("delink_pending_since")));
    }
}
