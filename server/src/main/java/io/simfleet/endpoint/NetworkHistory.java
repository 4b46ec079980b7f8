package io.simfleet.endpoint;

import io.simfleet.common.Actor;
import io.simfleet.network.NetworkObserved;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Appends what the network reports of a SIM to its endpoint's history, in the transaction that
 * records the report (the listener runs in the publisher's transaction), so GetEndpointEvents tells
 * what the network saw. A report of a SIM without an endpoint has no history to go to.
 */
@Component
class NetworkHistory {
    private final JdbcClient jdbc;
    private final EndpointJournal journal;

    NetworkHistory(JdbcClient jdbc, EndpointJournal journal) {
        this.jdbc = jdbc;
        this.journal = journal;
    }

    @EventListener
    void on(NetworkObserved o) {
        List<Object[]> endpoint = jdbc.sql("""
                        SELECT e.id, e.status FROM sim s JOIN endpoint e ON e.account_id = s.account_id AND e.id = s.endpoint_id
                        WHERE s.account_id = :a AND s.iccid = :i""")
                .param("a", o.accountId()).param("i", o.iccid())
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)}).list();
        if (endpoint.isEmpty()) return;
        journal.record(new Actor("network", o.accountId(), o.accountId(), io.simfleet.common.AccountType.OPERATOR, null),
                (Long) endpoint.get(0)[0],
                new EndpointEvent.NetworkReported(EndpointStatus.valueOf((String) endpoint.get(0)[1]), o.iccid(), o.what(), o.detail()));
    }
}
