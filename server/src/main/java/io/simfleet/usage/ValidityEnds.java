package io.simfleet.usage;

import io.simfleet.catalog.CatalogModel.Plan;
import io.simfleet.catalog.CatalogService;
import io.simfleet.common.Actor;
import io.simfleet.endpoint.EndpointEvent;
import io.simfleet.endpoint.EndpointJournal;
import io.simfleet.endpoint.EndpointStatus;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ends of periods, as durable scheduled work: an add-on whose validity ended renews (its
 * expiry moves on by its plan's validity, its free units start again at the plan's full value)
 * or, when its plan does not renew, expires; a data bar of a counter's BAR_DATA action ends with
 * the counter's period. Each is recorded as an event (and reaches the network through the
 * outbox).
 *
 * <p>The schedule is the rows themselves (an add-on's {@code expires_at}, a wallet's
 * {@code counter_bar_until}): every {@code simfleet.usage.sweep-interval} each instance claims
 * due rows with {@code FOR UPDATE SKIP LOCKED} in slices of 100, one transaction each, so several
 * instances share the work without doing any twice, and a crash leaves the rows due for the next
 * pass. (A job per ending would store a second copy of the same schedule.)
 */
@Component
class ValidityEnds {
    static final int SLICE = 100;

    private final JdbcClient jdbc;
    private final CatalogService catalog;
    private final EndpointJournal journal;
    private final TransactionTemplate tx;
    private final Clock clock;

    ValidityEnds(JdbcClient jdbc, CatalogService catalog, EndpointJournal journal, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.journal = journal;
        this.tx = tx;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${simfleet.usage.sweep-interval:60s}", initialDelayString = "${simfleet.usage.sweep-interval:60s}")
    void run() {
        runOnce();
    }

    /** Ends every period due now; answers how many ends were recorded. */
    int runOnce() {
        int total = 0, n;
        do {
            n = tx.execute(s -> addons());
            total += n;
        } while (n == SLICE);
        do {
            n = tx.execute(s -> counterBars());
            total += n;
        } while (n == SLICE);
        return total;
    }

    private record Due(long accountId, long uniqueId, long endpointId, String planId, Instant expires, boolean renews, String status) {}

    private int addons() {
        Instant now = clock.instant();
        List<Due> due = jdbc.sql("""
                        SELECT a.account_id, a.unique_id, a.endpoint_id, a.plan_id, a.expires_at, a.renews, e.status
                        FROM endpoint_addon a JOIN endpoint e ON e.account_id = a.account_id AND e.id = a.endpoint_id
                        WHERE a.removed_at IS NULL AND a.expired_at IS NULL AND a.expires_at <= :now
                        ORDER BY a.expires_at LIMIT :n FOR UPDATE OF a SKIP LOCKED""")
                .param("now", Timestamp.from(now)).param("n", SLICE)
                .query((rs, i) -> new Due(rs.getLong("account_id"), rs.getLong("unique_id"), rs.getLong("endpoint_id"),
                        rs.getString("plan_id"), rs.getTimestamp("expires_at").toInstant(), rs.getBoolean("renews"), rs.getString("status")))
                .list();
        for (Due d : due) {
            Plan plan = catalog.view(d.accountId()).plansById(List.of(d.planId())).get(d.planId());
            EndpointStatus status = EndpointStatus.valueOf(d.status());
            boolean renew = d.renews() && plan != null && status != EndpointStatus.DELETED;
            if (renew) {
                // a server down for several periods catches up: the next end after now
                Duration validity = Duration.ofDays(Math.max(1, plan.validityDays()));
                Instant next = d.expires();
                while (!next.isAfter(now)) next = next.plus(validity);
                jdbc.sql("UPDATE endpoint_addon SET expires_at = :x WHERE account_id = :a AND unique_id = :u")
                        .param("x", Timestamp.from(next)).param("a", d.accountId()).param("u", d.uniqueId()).update();
                journal.record(Actor.system(d.accountId()), d.endpointId(),
                        new EndpointEvent.AddonValidityEnded(status, d.planId(), d.uniqueId(), true, next));
            } else {
                jdbc.sql("UPDATE endpoint_addon SET expired_at = expires_at WHERE account_id = :a AND unique_id = :u")
                        .param("a", d.accountId()).param("u", d.uniqueId()).update();
                journal.record(Actor.system(d.accountId()), d.endpointId(),
                        new EndpointEvent.AddonValidityEnded(status, d.planId(), d.uniqueId(), false, d.expires()));
            }
        }
        return due.size();
    }

    private record Bar(long accountId, long endpointId, boolean balanceBarred, String status, String iccid) {}

    private int counterBars() {
        List<Bar> due = jdbc.sql("""
                        SELECT w.account_id, w.endpoint_id, w.balance_barred, e.status, s.iccid
                        FROM endpoint_wallet w JOIN endpoint e ON e.account_id = w.account_id AND e.id = w.endpoint_id
                        LEFT JOIN sim s ON s.account_id = e.account_id AND s.endpoint_id = e.id
                        WHERE w.counter_bar_until <= :now
                        LIMIT :n FOR UPDATE OF w SKIP LOCKED FOR NO KEY UPDATE OF e SKIP LOCKED""")
                .param("now", Timestamp.from(clock.instant())).param("n", SLICE)
                .query((rs, i) -> new Bar(rs.getLong("account_id"), rs.getLong("endpoint_id"), rs.getBoolean("balance_barred"),
                        rs.getString("status"), rs.getString("iccid")))
                .list();
        for (Bar b : due) {
            jdbc.sql("UPDATE endpoint_wallet SET counter_bar_id = NULL, counter_bar_until = NULL WHERE account_id = :a AND endpoint_id = :e")
                    .param("a", b.accountId()).param("e", b.endpointId()).update();
            if (!b.balanceBarred()) {
                journal.record(Actor.system(b.accountId()), b.endpointId(),
                        new EndpointEvent.DataUnbarred(EndpointStatus.valueOf(b.status()), b.iccid(), "COUNTER_PERIOD_ENDED"));
            }
        }
        return due.size();
    }
}
