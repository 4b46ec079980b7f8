package io.simfleet.endpoint;

import io.simfleet.common.Actor;
import io.simfleet.common.Json;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The endpoint events of every account: the history GetEndpointEvents pages, and the outbox its
 * consumers read in position order.
 *
 * <p>Positions: every account has one row in {@code event_stream} with the last position given.
 * {@link #append} writes events without one; {@link #sequence}, after they have committed,
 * numbers them from there (V17). Writers never wait for each other on the account's row; the
 * account's positions are gap-free, given in commit order across sequencer passes, and only to
 * committed events, so a consumer that has read up to position p never sees a p' &lt; p appear
 * later.
 */
@Repository
class EventStore {
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher publisher;

    EventStore(JdbcClient jdbc, ApplicationEventPublisher publisher) {
        this.jdbc = jdbc;
        this.publisher = publisher;
    }

    /** One event of one endpoint, to append. */
    record Recorded(long endpointId, EndpointEvent event) {}

    /**
     * Appends the events in this order, in one statement, without positions: the sequencer gives
     * them theirs once they have committed ({@link #sequence}); nothing here waits for another
     * writer of the account.
     */
    void append(Actor actor, Instant at, List<Recorded> events) {
        if (events.isEmpty()) return;
        jdbc.sql("""
                INSERT INTO endpoint_event (account_id, endpoint_id, at, actor_username, actor_account_id, call,
                                            from_status, to_status, reason, request_id, detail, type, payload_version, payload)
                SELECT :a, t.e, :at, :u, :ua, t.call, t.f, t.t, t.r, :rid, t.d, t.type, :v, t.p::jsonb
                FROM unnest(:endpoints, :calls, :froms, :tos, :reasons, :details, :types, :payloads)
                     WITH ORDINALITY AS t(e, call, f, t, r, d, type, p, n)
                ORDER BY t.n""")
                .param("a", actor.accountId()).param("at", Timestamp.from(at)).param("u", actor.username())
                .param("ua", actor.userAccountId()).param("rid", actor.requestId() == null ? "-" : actor.requestId())
                .param("v", EndpointEvent.VERSION)
                .param("endpoints", events.stream().map(Recorded::endpointId).toArray(Long[]::new))
                .param("calls", strings(events, e -> e.call()))
                .param("froms", strings(events, e -> e.from() == null ? null : e.from().name()))
                .param("tos", strings(events, e -> e.to() == null ? null : e.to().name()))
                .param("reasons", strings(events, EndpointEvent::reason))
                .param("details", strings(events, EndpointEvent::detail))
                .param("types", strings(events, e -> e.getClass().getSimpleName()))
                .param("payloads", strings(events, e -> Json.MAPPER.writeValueAsString(e)))
                .update();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    publisher.publishEvent(new EventStream.Appended(actor.accountId()));
                }
            });
        }
    }

    /**
     * Gives the account's committed events that have no position yet the next positions, in the
     * order of their transactions and, within one, as appended; answers how many. Runs in the
     * caller's transaction, holding the account's {@code event_stream} row until it ends, so
     * sequencers of one account take turns; only committed events are visible to it, so a
     * position is never given to an event that could still roll back, nor before an event it
     * follows.
     */
    int sequence(long account) {
        jdbc.sql("INSERT INTO event_stream (account_id, position) VALUES (:a, 0) ON CONFLICT DO NOTHING").param("a", account).update();
        long last = jdbc.sql("SELECT position FROM event_stream WHERE account_id = :a FOR UPDATE")
                .param("a", account).query(Long.class).single();
        int numbered = jdbc.sql("""
                UPDATE endpoint_event e SET position = :last + n.rn
                FROM (SELECT id, row_number() OVER (ORDER BY tx, id) AS rn FROM endpoint_event
                      WHERE account_id = :a AND position IS NULL ORDER BY tx, id LIMIT 10000) n
                WHERE e.account_id = :a AND e.id = n.id""")
                .param("a", account).param("last", last).update();
        if (numbered > 0) {
            jdbc.sql("UPDATE event_stream SET position = position + :n WHERE account_id = :a")
                    .param("n", numbered).param("a", account).update();
        }
        return numbered;
    }

    /** Accounts with committed events that have no position yet (from a partial index: the unnumbered ones only). */
    List<Long> unsequenced(int limit) {
        return jdbc.sql("SELECT DISTINCT account_id FROM endpoint_event WHERE position IS NULL LIMIT :l")
                .param("l", limit).query(Long.class).list();
    }

    /**
     * Committed events still waiting for their position, of every account, counted up to {@code cap}
     * from endpoint_event_unsequenced_idx, and the time of the oldest among those counted (the
     * oldest of all while fewer than {@code cap} wait; normally none waits longer than a relay round).
     */
    Backlogs.Unsequenced unsequencedBacklog(int cap) {
        return jdbc.sql("SELECT count(*), min(at) FROM (SELECT at FROM endpoint_event WHERE position IS NULL LIMIT :cap) u")
                .param("cap", cap)
                .query((rs, n) -> new Backlogs.Unsequenced(rs.getLong(1), instant(rs.getTimestamp(2)))).single();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static String[] strings(List<Recorded> events, Function<EndpointEvent, String> f) {
        return events.stream().map(r -> f.apply(r.event())).toArray(String[]::new);
    }

    /**
     * One page of an endpoint's events, oldest first, read from the index: those after
     * {@code afterId} (a keyset, for a reader that resumes), else the {@code offset}-th on.
     */
    List<EndpointHistoryEntry> history(long account, long endpointId, Long afterId, long offset, int limit) {
        return jdbc.sql("""
                        SELECT * FROM endpoint_event WHERE account_id = :a AND endpoint_id = :e AND id > :after
                        ORDER BY id LIMIT :limit OFFSET :offset""")
                .param("a", account).param("e", endpointId).param("after", afterId == null ? 0L : afterId)
                .param("limit", limit).param("offset", afterId == null ? offset : 0L)
                .query((rs, n) -> entry(rs, false)).list();
    }

    long count(long account, long endpointId) {
        return jdbc.sql("SELECT count(*) FROM endpoint_event WHERE account_id = :a AND endpoint_id = :e")
                .param("a", account).param("e", endpointId).query(Long.class).single();
    }

    /** The account's numbered events after {@code position}, in position order. */
    List<EndpointHistoryEntry> after(long account, long position, int limit) {
        return jdbc.sql("SELECT * FROM endpoint_event WHERE account_id = :a AND position > :p ORDER BY position LIMIT :l")
                .param("a", account).param("p", position).param("l", limit).query((rs, n) -> entry(rs, true)).list();
    }


    /**
     * A row; with {@code typed} its payload read as an {@link EndpointEvent} (the outbox's
     * consumers need it; the history's wire columns do not, and a payload this instance cannot
     * read, written by a newer one during a rolling deploy, must not break the history).
     */
    static EndpointHistoryEntry entry(ResultSet rs, boolean typed) throws SQLException {
        String payload = typed ? rs.getString("payload") : null;
        EndpointEvent event = payload == null ? null
                : EndpointEvents.read(rs.getString("type"), rs.getInt("payload_version"), payload);
        return new EndpointHistoryEntry(rs.getLong("id"), rs.getLong("endpoint_id"), rs.getLong("position"),
                rs.getTimestamp("at").toInstant(), rs.getString("actor_username"), rs.getLong("actor_account_id"),
                rs.getString("call"), status(rs.getString("from_status")), status(rs.getString("to_status")),
                rs.getString("reason"), rs.getString("request_id"), rs.getString("detail"), event);
    }

    private static EndpointStatus status(String s) {
        return s == null ? null : EndpointStatus.valueOf(s);
    }

    static Stream<Recorded> of(long endpointId, List<EndpointEvent> events) {
        return events.stream().map(e -> new Recorded(endpointId, e));
    }
}
