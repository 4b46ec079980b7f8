package io.simfleet.endpoint;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The reads behind {@link EndpointBrowser}: keyset pages of an account's endpoints, the state
 * counts and the newest events. Every statement is bounded by an index of the account
 * (V1 endpoint_account_idx, V22, the SIM's and the events' indexes).
 */
@Repository
class EndpointBrowsing {
    private final JdbcClient jdbc;

    EndpointBrowsing(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The endpoints the SIM with this ICCID, IMSI or MSISDN is linked to (at most one each). */
    List<Long> endpointsOfSim(long account, String value) {
        return jdbc.sql("""
                        SELECT endpoint_id FROM sim WHERE account_id = :a AND endpoint_id IS NOT NULL
                          AND (iccid = :v OR master_imsi = :v OR msisdn = :v)""")
                .param("a", account).param("v", value).query(Long.class).list();
    }

    /** Up to {@code limit} endpoints in id order from the keyset; {@code ids} the exact matches of a search (id, SIM). */
    List<Endpoint> page(long account, EndpointQuery q, List<Long> ids, int limit) {
        StringBuilder sql = new StringBuilder("SELECT e.* FROM endpoint e WHERE e.account_id = :a AND e.deleted_at IS NULL");
        if (q.state() != null) sql.append(" AND e.status = :st");
        if (q.tag() instanceof TagFilter.WithTag) {
            sql.append(" AND EXISTS (SELECT 1 FROM endpoint_tag et WHERE et.account_id = e.account_id AND et.tag_id = :t AND et.endpoint_id = e.id)");
        } else if (q.tag() instanceof TagFilter.Untagged) {
            sql.append(" AND NOT EXISTS (SELECT 1 FROM endpoint_tag et WHERE et.account_id = e.account_id AND et.endpoint_id = e.id)");
        }
        if (q.search() != null) {
            sql.append(" AND (e.id = ANY(:ids) OR (e.imei IS NOT NULL AND e.imei = :text) OR lower(e.name) LIKE :prefix ESCAPE '\\')");
        }
        if (q.after() != null) sql.append(q.newestFirst() ? " AND e.id < :after" : " AND e.id > :after");
        sql.append(" ORDER BY e.id").append(q.newestFirst() ? " DESC" : "").append(" LIMIT :lim");
        JdbcClient.StatementSpec s = jdbc.sql(sql.toString()).param("a", account).param("lim", limit);
        if (q.state() != null) s = s.param("st", q.state().name());
        if (q.tag() instanceof TagFilter.WithTag w) s = s.param("t", w.tagId());
        if (q.search() != null) {
            s = s.param("ids", ids.toArray(new Long[0])).param("text", q.search()).param("prefix", likePrefix(q.search()));
        }
        if (q.after() != null) s = s.param("after", q.after());
        return s.query(EndpointRepository::map).list();
    }

    /** The account's live endpoints per state: V24's kept counts, the sum of a few rows per state whatever the fleet's size. */
    Map<EndpointStatus, Long> countByState(long account) {
        Map<EndpointStatus, Long> counts = new EnumMap<>(EndpointStatus.class);
        jdbc.sql("SELECT status, sum(n) FROM endpoint_state_count WHERE account_id = :a GROUP BY status HAVING sum(n) <> 0")
                .param("a", account)
                .query((rs, n) -> counts.put(EndpointStatus.valueOf(rs.getString(1)), rs.getLong(2))).list();
        return counts;
    }

    /** The account's newest numbered events, newest first (endpoint_event_position_idx). */
    List<EndpointHistoryEntry> recentEvents(long account, int limit) {
        return jdbc.sql("SELECT * FROM endpoint_event WHERE account_id = :a AND position IS NOT NULL ORDER BY position DESC LIMIT :l")
                .param("a", account).param("l", limit).query((rs, n) -> EventStore.entry(rs, false)).list();
    }

    /** One endpoint's events, newest first, before the keyset {@code beforeId} (null: the newest). */
    List<EndpointHistoryEntry> eventsNewestFirst(long account, long endpointId, Long beforeId, int limit) {
        return jdbc.sql("""
                        SELECT * FROM endpoint_event WHERE account_id = :a AND endpoint_id = :e AND id < :before
                        ORDER BY id DESC LIMIT :l""")
                .param("a", account).param("e", endpointId).param("before", beforeId == null ? Long.MAX_VALUE : beforeId)
                .param("l", limit).query((rs, n) -> EventStore.entry(rs, false)).list();
    }

    /** {@code text%} for LIKE on lower(name), its own {@code % _ \} taken literally. */
    static String likePrefix(String text) {
        return text.toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
