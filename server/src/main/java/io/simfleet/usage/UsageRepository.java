package io.simfleet.usage;

import io.simfleet.common.Json;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;

/** The usage tables (V18): raw records, daily aggregates, wallets, free units used, counters. */
@Repository
class UsageRepository {
    private final JdbcClient jdbc;
    private final DataSource dataSource;

    UsageRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /** Where an IMSI's usage goes: the SIM's account, and the endpoint it is linked to (null: none). */
    record Target(String imsi, long accountId, Long endpointId, String iccid, String status, int subscriberType, String planId,
                  List<Long> roamingProfileIds, Long dynamicBenefitId) {}

    List<Target> targets(Collection<String> imsis) {
        return jdbc.sql("""
                        SELECT i.value AS imsi, s.account_id, s.endpoint_id, s.iccid, e.status, e.subscriber_type, e.plan_id,
                               e.roaming_profile_ids, e.dynamic_benefit_id
                        FROM sim_identity i JOIN sim s ON s.account_id = i.account_id AND s.id = i.sim_id
                        LEFT JOIN endpoint e ON e.account_id = s.account_id AND e.id = s.endpoint_id AND e.deleted_at IS NULL
                        WHERE i.kind = 'imsi' AND i.value = ANY(:imsis)""")
                .param("imsis", imsis.toArray(new String[0]))
                .query((rs, n) -> new Target(rs.getString("imsi"), rs.getLong("account_id"),
                        rs.getObject("endpoint_id") == null || rs.getString("status") == null ? null : rs.getLong("endpoint_id"),
                        rs.getString("iccid"), rs.getString("status"), rs.getInt("subscriber_type"), rs.getString("plan_id"),
                        rs.getArray("roaming_profile_ids") == null ? List.of()
                                : List.of((Long[]) rs.getArray("roaming_profile_ids").getArray()),
                        (Long) rs.getObject("dynamic_benefit_id")))
                .list();
    }

    /** An endpoint of the account as a target of usage (deleted ones too, with {@code deleted}); empty if it never existed. */
    java.util.Optional<Target> endpoint(long account, long id, boolean includingDeleted) {
        return jdbc.sql("""
                        SELECT s.master_imsi AS imsi, e.account_id, e.id AS endpoint_id, s.iccid, e.status, e.subscriber_type, e.plan_id,
                               e.roaming_profile_ids, e.dynamic_benefit_id
                        FROM endpoint e LEFT JOIN sim s ON s.account_id = e.account_id AND s.endpoint_id = e.id
                        WHERE e.account_id = :a AND e.id = :id AND (CAST(:all AS boolean) OR e.deleted_at IS NULL)""")
                .param("a", account).param("id", id).param("all", includingDeleted)
                .query((rs, n) -> new Target(rs.getString("imsi"), rs.getLong("account_id"), rs.getLong("endpoint_id"),
                        rs.getString("iccid"), rs.getString("status"), rs.getInt("subscriber_type"), rs.getString("plan_id"),
                        List.of((Long[]) rs.getArray("roaming_profile_ids").getArray()), (Long) rs.getObject("dynamic_benefit_id")))
                .optional();
    }

    void setThreshold(long account, long endpoint, long uniqueId, String counterId, long mb) {
        jdbc.sql("""
                        INSERT INTO counter_threshold (account_id, endpoint_id, unique_id, counter_id, threshold_mb) VALUES (:a, :e, :u, :c, :mb)
                        ON CONFLICT (account_id, endpoint_id, unique_id, counter_id) DO UPDATE SET threshold_mb = EXCLUDED.threshold_mb""")
                .param("a", account).param("e", endpoint).param("u", uniqueId).param("c", counterId).param("mb", mb).update();
    }

    /** Creates the monthly partition of usage_record holding {@code month} (its first day) if it does not exist. */
    void ensurePartition(LocalDate month) {
        LocalDate first = month.withDayOfMonth(1);
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('usage_record partitions'))").query(Object.class).single();
        jdbc.sql("CREATE TABLE IF NOT EXISTS usage_record_p" + first.getYear() + String.format("%02d", first.getMonthValue())
                 + " PARTITION OF usage_record FOR VALUES FROM ('" + first + "') TO ('" + first.plusMonths(1) + "')").update();
    }

    /**
     * Holds the endpoints' balances until the end of the transaction: locks their endpoint rows
     * ({@code FOR NO KEY UPDATE}, in endpoint order, so two writers never wait for each other in
     * a circle; it also waits for, and makes wait, the endpoint's own changes) and reads their
     * wallets; an endpoint without a wallet row gets a fresh one at {@code initials}. With
     * {@code skipLocked}, only the endpoints no other transaction holds, without waiting.
     * Wallet rows are written only when they change ({@link #save}): a postpaid endpoint whose
     * usage bars nothing never has one.
     */
    List<Ledger> lockWallets(long account, List<Long> endpoints, List<BigDecimal> initials, boolean skipLocked) {
        List<Long> locked = jdbc.sql("""
                        SELECT id FROM endpoint WHERE account_id = :a AND id = ANY(:e)
                        ORDER BY id FOR NO KEY UPDATE""" + (skipLocked ? " SKIP LOCKED" : ""))
                .param("a", account).param("e", endpoints.toArray(new Long[0]))
                .query(Long.class).list();
        Map<Long, Ledger> stored = new HashMap<>();
        if (!locked.isEmpty()) {
            jdbc.sql("SELECT * FROM endpoint_wallet WHERE account_id = :a AND endpoint_id = ANY(:e)")
                    .param("a", account).param("e", locked.toArray(new Long[0]))
                    .query(UsageRepository::ledger).list().forEach(l -> stored.put(l.endpointId, l));
        }
        Map<Long, BigDecimal> initial = new HashMap<>();
        for (int i = 0; i < endpoints.size(); i++) initial.put(endpoints.get(i), initials.get(i));
        List<Ledger> out = new ArrayList<>(locked.size());
        for (Long e : locked) {
            Ledger l = stored.get(e);
            out.add(l != null ? l : Ledger.fresh(account, e, initial.get(e)));
        }
        return out;
    }

    /** One wallet, without a lock; empty when the endpoint has none yet. */
    java.util.Optional<Ledger> wallet(long account, long endpoint) {
        return jdbc.sql("SELECT * FROM endpoint_wallet WHERE account_id = :a AND endpoint_id = :e")
                .param("a", account).param("e", endpoint).query(UsageRepository::ledger).optional();
    }

    private static Ledger ledger(ResultSet rs, int n) throws SQLException {
        Timestamp until = rs.getTimestamp("counter_bar_until");
        return new Ledger(rs.getLong("account_id"), rs.getLong("endpoint_id"), rs.getBigDecimal("balance"),
                rs.getBigDecimal("shortfall"), rs.getBoolean("balance_barred"),
                rs.getString("counter_bar_id"), until == null ? null : until.toInstant(), true, rs.getBigDecimal("initial"));
    }

    /**
     * Loads the free units used, counters and thresholds of the ledgers' endpoints, of periods
     * from {@code since}: one statement (a round trip, not three) whose rows say which table they
     * come from.
     */
    void loadState(long account, Map<Long, Ledger> ledgers, Instant since) {
        jdbc.sql("""
                        SELECT 'b' AS kind, endpoint_id, unique_id, service AS name, period_start, actual AS n, used, NULL::timestamptz AS fired_at
                        FROM benefit_usage WHERE account_id = :a AND endpoint_id = ANY(:e) AND period_start >= :since
                        UNION ALL
                        SELECT 'c', endpoint_id, unique_id, counter_id, period_start, usage, NULL, fired_at
                        FROM counter_usage WHERE account_id = :a AND endpoint_id = ANY(:e) AND period_start >= :since
                        UNION ALL
                        SELECT 't', endpoint_id, unique_id, counter_id, NULL, threshold_mb, NULL, NULL
                        FROM counter_threshold WHERE account_id = :a AND endpoint_id = ANY(:e)""")
                .param("a", account).param("e", ledgers.keySet().toArray(new Long[0])).param("since", Timestamp.from(since))
                .query(rs -> {
                    Ledger l = ledgers.get(rs.getLong("endpoint_id"));
                    long uniqueId = rs.getLong("unique_id");
                    String name = rs.getString("name");
                    switch (rs.getString("kind")) {
                        case "b" -> l.benefits.put(new Ledger.BenefitKey(uniqueId, name, rs.getTimestamp("period_start").toInstant()),
                                new Ledger.BenefitRow(rs.getLong("n"), rs.getLong("used")));
                        case "c" -> {
                            Timestamp fired = rs.getTimestamp("fired_at");
                            l.counters.put(new Ledger.CounterKey(uniqueId, name, rs.getTimestamp("period_start").toInstant()),
                                    new Ledger.CounterRow(rs.getLong("n"), fired == null ? null : fired.toInstant()));
                        }
                        default -> l.thresholdsMb.put(new Ledger.ThresholdKey(uniqueId, name), rs.getLong("n"));
                    }
                });
    }

    void loadThresholds(long account, Ledger l) {
        jdbc.sql("SELECT * FROM counter_threshold WHERE account_id = :a AND endpoint_id = :e")
                .param("a", account).param("e", l.endpointId)
                .query(rs -> {
                    l.thresholdsMb.put(new Ledger.ThresholdKey(rs.getLong("unique_id"), rs.getString("counter_id")), rs.getLong("threshold_mb"));
                });
    }

    /** Locks the pooled benefits' periods (created at {@code actual} if new), in key order; answers them by key. */
    Map<Ledger.PoolKey, Ledger.BenefitRow> lockPools(long account, Map<Ledger.PoolKey, Long> actuals) {
        List<Map.Entry<Ledger.PoolKey, Long>> keys = new ArrayList<>(actuals.entrySet());
        Map<Ledger.PoolKey, Ledger.BenefitRow> out = new HashMap<>();
        if (keys.isEmpty()) return out;
        jdbc.sql("""
                        INSERT INTO benefit_pool_usage (account_id, benefit_id, period_start, actual, used)
                        SELECT :a, t.b, t.p, t.x, 0 FROM unnest(:b, :p, :x) AS t(b, p, x) ON CONFLICT DO NOTHING""")
                .param("a", account)
                .param("b", keys.stream().map(k -> k.getKey().benefitId()).toArray(Long[]::new))
                .param("p", keys.stream().map(k -> Timestamp.from(k.getKey().periodStart())).toArray(Timestamp[]::new))
                .param("x", keys.stream().map(Map.Entry::getValue).toArray(Long[]::new)).update();
        jdbc.sql("""
                        SELECT u.* FROM benefit_pool_usage u JOIN unnest(:b, :p) AS t(b, p) ON u.benefit_id = t.b AND u.period_start = t.p
                        WHERE u.account_id = :a ORDER BY u.benefit_id, u.period_start FOR UPDATE OF u""")
                .param("a", account)
                .param("b", keys.stream().map(k -> k.getKey().benefitId()).toArray(Long[]::new))
                .param("p", keys.stream().map(k -> Timestamp.from(k.getKey().periodStart())).toArray(Timestamp[]::new))
                .query(rs -> {
                    out.put(new Ledger.PoolKey(rs.getLong("benefit_id"), rs.getTimestamp("period_start").toInstant()),
                            new Ledger.BenefitRow(rs.getLong("actual"), rs.getLong("used")));
                });
        return out;
    }

    void savePools(long account, Map<Ledger.PoolKey, Ledger.BenefitRow> pools) {
        List<Map.Entry<Ledger.PoolKey, Ledger.BenefitRow>> dirty = pools.entrySet().stream().filter(e -> e.getValue().dirty).toList();
        if (dirty.isEmpty()) return;
        jdbc.sql("""
                        UPDATE benefit_pool_usage u SET used = t.used FROM unnest(:b, :p, :used) AS t(b, p, used)
                        WHERE u.account_id = :a AND u.benefit_id = t.b AND u.period_start = t.p""")
                .param("a", account)
                .param("b", dirty.stream().map(e -> e.getKey().benefitId()).toArray(Long[]::new))
                .param("p", dirty.stream().map(e -> Timestamp.from(e.getKey().periodStart())).toArray(Timestamp[]::new))
                .param("used", dirty.stream().map(e -> e.getValue().used).toArray(Long[]::new)).update();
    }

    /** A pooled benefit's period, without a lock; empty when nothing was used from it yet. */
    java.util.Optional<Ledger.BenefitRow> pool(long account, long benefitId, Instant periodStart) {
        return jdbc.sql("SELECT * FROM benefit_pool_usage WHERE account_id = :a AND benefit_id = :b AND period_start = :p")
                .param("a", account).param("b", benefitId).param("p", Timestamp.from(periodStart))
                .query((rs, n) -> new Ledger.BenefitRow(rs.getLong("actual"), rs.getLong("used"))).optional();
    }

    /** Writes the ledgers back: the wallets, free-unit and counter rows that changed. */
    void save(long account, Collection<Ledger> ledgers) {
        List<Ledger> ls = new ArrayList<>(ledgers);
        List<Ledger> wallets = ls.stream().filter(l -> l.changed() || l.initialChanged()).toList();
        if (!wallets.isEmpty()) saveWallets(account, wallets);
        saveRows(account, ls);
    }

    private void saveWallets(long account, List<Ledger> ls) {
        jdbc.sql("""
                        INSERT INTO endpoint_wallet AS w (account_id, endpoint_id, balance, initial, shortfall, balance_barred,
                                                          counter_bar_id, counter_bar_until)
                        SELECT :a, t.e, t.b, t.i, t.sf, t.bb, t.cid, t.cu FROM unnest(:e, :b, :i, :sf, :bb, :cid, :cu) AS t(e, b, i, sf, bb, cid, cu)
                        ON CONFLICT (account_id, endpoint_id) DO UPDATE SET balance = EXCLUDED.balance, initial = EXCLUDED.initial,
                            shortfall = EXCLUDED.shortfall, balance_barred = EXCLUDED.balance_barred,
                            counter_bar_id = EXCLUDED.counter_bar_id, counter_bar_until = EXCLUDED.counter_bar_until""")
                .param("a", account)
                .param("i", ls.stream().map(l -> l.initial).toArray(BigDecimal[]::new))
                .param("e", ls.stream().map(l -> l.endpointId).toArray(Long[]::new))
                .param("b", ls.stream().map(l -> l.balance).toArray(BigDecimal[]::new))
                .param("sf", ls.stream().map(l -> l.shortfall).toArray(BigDecimal[]::new))
                .param("bb", ls.stream().map(l -> l.balanceBarred).toArray(Boolean[]::new))
                .param("cid", ls.stream().map(l -> l.counterBarId).toArray(String[]::new))
                .param("cu", ls.stream().map(l -> l.counterBarUntil == null ? null : Timestamp.from(l.counterBarUntil)).toArray(Timestamp[]::new))
                .update();
    }

    private void saveRows(long account, List<Ledger> ls) {
        List<Object[]> benefits = new ArrayList<>();
        List<Object[]> counters = new ArrayList<>();
        for (Ledger l : ls) {
            l.benefits.forEach((k, r) -> {
                if (r.dirty) benefits.add(new Object[] {l.endpointId, k.uniqueId(), k.service(), Timestamp.from(k.periodStart()), r.actual, r.used});
            });
            l.counters.forEach((k, r) -> {
                if (r.dirty) counters.add(new Object[] {l.endpointId, k.uniqueId(), k.counterId(), Timestamp.from(k.periodStart()), r.usage,
                        r.firedAt == null ? null : Timestamp.from(r.firedAt)});
            });
        }
        if (!benefits.isEmpty()) {
            jdbc.sql("""
                            INSERT INTO benefit_usage (account_id, endpoint_id, unique_id, service, period_start, actual, used)
                            SELECT :a, t.* FROM unnest(:e, :u, :s, :p, :act, :used) AS t
                            ON CONFLICT (account_id, endpoint_id, unique_id, service, period_start) DO UPDATE SET used = EXCLUDED.used""")
                    .param("a", account)
                    .param("e", column(benefits, 0, Long[]::new)).param("u", column(benefits, 1, Long[]::new))
                    .param("s", column(benefits, 2, String[]::new)).param("p", column(benefits, 3, Timestamp[]::new))
                    .param("act", column(benefits, 4, Long[]::new)).param("used", column(benefits, 5, Long[]::new)).update();
        }
        if (!counters.isEmpty()) {
            jdbc.sql("""
                            INSERT INTO counter_usage (account_id, endpoint_id, unique_id, counter_id, period_start, usage, fired_at)
                            SELECT :a, t.* FROM unnest(:e, :u, :c, :p, :usage, :f) AS t
                            ON CONFLICT (account_id, endpoint_id, unique_id, counter_id, period_start)
                            DO UPDATE SET usage = EXCLUDED.usage, fired_at = EXCLUDED.fired_at""")
                    .param("a", account)
                    .param("e", column(counters, 0, Long[]::new)).param("u", column(counters, 1, Long[]::new))
                    .param("c", column(counters, 2, String[]::new)).param("p", column(counters, 3, Timestamp[]::new))
                    .param("usage", column(counters, 4, Long[]::new)).param("f", column(counters, 5, Timestamp[]::new)).update();
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T[] column(List<Object[]> rows, int i, java.util.function.IntFunction<T[]> array) {
        T[] out = array.apply(rows.size());
        for (int r = 0; r < rows.size(); r++) out[r] = (T) rows.get(r)[i];
        return out;
    }

    /** The plans the endpoints had since when, oldest first. */
    Map<Long, List<Object[]>> planHistory(long account, Collection<Long> endpoints) {
        Map<Long, List<Object[]>> out = new HashMap<>();
        jdbc.sql("SELECT endpoint_id, valid_from, plan_id FROM endpoint_plan_history WHERE account_id = :a AND endpoint_id = ANY(:e) ORDER BY endpoint_id, valid_from")
                .param("a", account).param("e", endpoints.toArray(new Long[0]))
                .query(rs -> {
                    out.computeIfAbsent(rs.getLong("endpoint_id"), k -> new ArrayList<>())
                            .add(new Object[] {rs.getTimestamp("valid_from").toInstant(), rs.getString("plan_id")});
                });
        return out;
    }

    /**
     * An add-on subscription row: until = the end of its holding: its removal, or its expiry
     * unless it renews (a renewing one holds period after period, whenever the renewal itself is
     * recorded).
     */
    record AddonRow(long uniqueId, long endpointId, String planId, Instant start, Instant expires, Instant until, boolean renews,
                    Map<String, Long> adjusted) {}

    List<AddonRow> addons(long account, Collection<Long> endpoints) {
        return jdbc.sql("""
                        SELECT unique_id, endpoint_id, plan_id, start_at, expires_at, renews, adjusted,
                               CASE WHEN renews AND expired_at IS NULL THEN coalesce(removed_at, 'infinity')
                                    ELSE least(expires_at, coalesce(removed_at, 'infinity'), coalesce(expired_at, 'infinity')) END AS until
                        FROM endpoint_addon WHERE account_id = :a AND endpoint_id = ANY(:e) ORDER BY unique_id""")
                .param("a", account).param("e", endpoints.toArray(new Long[0]))
                .query((rs, n) -> new AddonRow(rs.getLong("unique_id"), rs.getLong("endpoint_id"), rs.getString("plan_id"),
                        rs.getTimestamp("start_at").toInstant(), rs.getTimestamp("expires_at").toInstant(),
                        rs.getTimestamp("until").toInstant(), rs.getBoolean("renews"), adjusted(rs.getString("adjusted"))))
                .list();
    }

    private static Map<String, Long> adjusted(String json) {
        return json == null ? null : Json.MAPPER.readValue(json, new TypeReference<Map<String, Long>>() {});
    }

    /** Of these (account, record id, day) keys, those already stored. */
    List<String> existing(long account, List<String> recordIds, List<LocalDate> days) {
        // the range of the batch's days lets PostgreSQL skip the partitions of other months at run time:
        // the check costs the same however many months of history are kept. One index probe per
        // record, whatever the planner thinks of the partition: the LIMIT keeps the lateral subquery
        // from being flattened into a join, which, with the statistics of a young partition (none
        // until it is analyzed), became a hash of every row of the account's days — a cost that
        // grew with the month's records
        LocalDate first = days.stream().min(LocalDate::compareTo).orElseThrow();
        LocalDate last = days.stream().max(LocalDate::compareTo).orElseThrow();
        return jdbc.sql("""
                        SELECT x.key FROM unnest(:r, :d) AS t(r, d)
                        CROSS JOIN LATERAL (SELECT r.record_id || '|' || r.day AS key FROM usage_record r
                                            WHERE r.account_id = :a AND r.record_id = t.r AND r.day = t.d
                                              AND r.day BETWEEN :first AND :last LIMIT 1) x""")
                .param("a", account).param("r", recordIds.toArray(new String[0]))
                .param("d", days.stream().map(Date::valueOf).toArray(Date[]::new))
                .param("first", Date.valueOf(first)).param("last", Date.valueOf(last))
                .query(String.class).list();
    }

    /** Stores the rated records (they are new: the caller checked under the wallets' locks). */
    void insertRecords(long account, List<Rater.Rated> rated, Instant now) {
        // COPY: the rows as CSV text in one stream, several times cheaper for the database than a multi-row INSERT
        StringBuilder csv = new StringBuilder(rated.size() * 160);
        String ingested = now.toString();
        for (Rater.Rated r : rated) {
            UsageRecord u = r.record();
            csv.append(account).append(',');
            text(csv, u.recordId()).append(',').append(r.day()).append(',').append(r.endpointId()).append(',')
                    .append(u.imsi()).append(',').append(u.service().name()).append(',').append(u.startedAt()).append(',')
                    .append(u.durationSeconds()).append(',').append(u.uplink()).append(',').append(u.downlink()).append(',')
                    .append(u.service().volume() ? 0 : 1).append(',');
            text(csv, u.visitedMccMnc()).append(',');
            text(csv, u.rat()).append(',');
            text(csv, u.apn()).append(',');
            text(csv, r.zone()).append(',').append(r.freeUnits()).append(',').append(r.cost().toPlainString()).append(',')
                    .append(ingested).append('\n');
        }
        Connection c = DataSourceUtils.getConnection(dataSource);
        try {
            new CopyManager(c.unwrap(BaseConnection.class)).copyIn("""
                    COPY usage_record (account_id, record_id, day, endpoint_id, imsi, service, started_at, duration_s, uplink, downlink,
                                       count, mcc_mnc, rat, apn, zone, free_units, cost, ingested_at) FROM STDIN WITH (FORMAT csv)""",
                    new java.io.StringReader(csv.toString()));
        } catch (SQLException | java.io.IOException e) {
            throw new org.springframework.dao.DataAccessResourceFailureException("COPY into usage_record failed", e);
        } finally {
            DataSourceUtils.releaseConnection(c, dataSource);
        }
    }

    /** A CSV field: null as nothing (NULL), text quoted (record ids may hold commas and quotes). */
    private static StringBuilder text(StringBuilder csv, String v) {
        if (v == null) return csv;
        return csv.append('"').append(v.replace("\"", "\"\"")).append('"');
    }

    /** A day's usage of one service of one endpoint, to add to the daily aggregates. */
    record Daily(long endpointId, LocalDate day, String service, long uplink, long downlink, long count, BigDecimal cost) {}

    void addDaily(long account, Collection<Daily> days) {
        List<Daily> ds = new ArrayList<>(days);
        jdbc.sql("""
                        INSERT INTO usage_daily AS d (account_id, endpoint_id, day, service, uplink, downlink, count, cost)
                        SELECT :a, t.* FROM unnest(:e, :day, :svc, :up, :down, :cnt, :cost) AS t
                        ON CONFLICT (account_id, endpoint_id, day, service) DO UPDATE SET
                            uplink = d.uplink + EXCLUDED.uplink, downlink = d.downlink + EXCLUDED.downlink,
                            count = d.count + EXCLUDED.count, cost = d.cost + EXCLUDED.cost""")
                .param("a", account)
                .param("e", ds.stream().map(Daily::endpointId).toArray(Long[]::new))
                .param("day", ds.stream().map(d -> Date.valueOf(d.day())).toArray(Date[]::new))
                .param("svc", ds.stream().map(Daily::service).toArray(String[]::new))
                .param("up", ds.stream().map(Daily::uplink).toArray(Long[]::new))
                .param("down", ds.stream().map(Daily::downlink).toArray(Long[]::new))
                .param("cnt", ds.stream().map(Daily::count).toArray(Long[]::new))
                .param("cost", ds.stream().map(Daily::cost).toArray(BigDecimal[]::new))
                .update();
    }

    /**
     * An endpoint's daily aggregates from {@code from} to {@code to} (inclusive), by day and
     * service, in one statement (no transaction): empty when the account never had the endpoint
     * (deleted ones included), else a list, empty when the range has no usage.
     */
    java.util.Optional<List<Daily>> daily(long account, long endpoint, LocalDate from, LocalDate to) {
        List<Daily> rows = new ArrayList<>();
        boolean[] known = {false};
        jdbc.sql("""
                        SELECT e.id IS NOT NULL AS known, d.* FROM (SELECT 1) one
                        LEFT JOIN endpoint e ON e.account_id = :a AND e.id = :e
                        LEFT JOIN usage_daily d ON e.id IS NOT NULL AND d.account_id = :a AND d.endpoint_id = :e AND d.day BETWEEN :f AND :t
                        ORDER BY d.day, d.service""")
                .param("a", account).param("e", endpoint).param("f", Date.valueOf(from)).param("t", Date.valueOf(to))
                .query(rs -> {
                    known[0] = rs.getBoolean("known");
                    LocalDate day = rs.getObject("day", LocalDate.class);
                    if (day != null) {
                        rows.add(new Daily(endpoint, day, rs.getString("service"), rs.getLong("uplink"),
                                rs.getLong("downlink"), rs.getLong("count"), rs.getBigDecimal("cost")));
                    }
                });
        return known[0] ? java.util.Optional.of(rows) : java.util.Optional.empty();
    }

    // --- portal-catalog: the account's daily aggregate (V23)

    /**
     * Adds a batch's daily aggregates, summed over its endpoints per day and service in Java, to
     * the account's daily aggregate ({@code usage_account_daily}): one statement of at most
     * (days x services) rows, in the batch's transaction.
     */
    void addAccountDaily(long account, Collection<Daily> days) {
        Map<String, Daily> sums = new java.util.TreeMap<>();
        for (Daily d : days) {
            sums.merge(d.day() + "|" + d.service(), d, (a, b) -> new Daily(0, a.day(), a.service(), a.uplink() + b.uplink(),
                    a.downlink() + b.downlink(), a.count() + b.count(), a.cost().add(b.cost())));
        }
        if (sums.isEmpty()) return;
        List<Daily> ds = new ArrayList<>(sums.values());
        jdbc.sql("""
                        INSERT INTO usage_account_daily AS d (account_id, day, service, uplink, downlink, count, cost)
                        SELECT :a, t.* FROM unnest(:day, :svc, :up, :down, :cnt, :cost) AS t
                        ON CONFLICT (account_id, day, service) DO UPDATE SET
                            uplink = d.uplink + EXCLUDED.uplink, downlink = d.downlink + EXCLUDED.downlink,
                            count = d.count + EXCLUDED.count, cost = d.cost + EXCLUDED.cost""")
                .param("a", account)
                .param("day", ds.stream().map(d -> Date.valueOf(d.day())).toArray(Date[]::new))
                .param("svc", ds.stream().map(Daily::service).toArray(String[]::new))
                .param("up", ds.stream().map(Daily::uplink).toArray(Long[]::new))
                .param("down", ds.stream().map(Daily::downlink).toArray(Long[]::new))
                .param("cnt", ds.stream().map(Daily::count).toArray(Long[]::new))
                .param("cost", ds.stream().map(Daily::cost).toArray(BigDecimal[]::new))
                .update();
    }
}
