package io.simfleet.network;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The network's last report per SIM. A report older than the one kept is ignored (reports may arrive out of order). */
@Repository
class NetworkStateRepository {
    private final JdbcClient jdbc;

    NetworkStateRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void sessionStarted(long account, String iccid, Instant at) {
        jdbc.sql("""
                INSERT INTO sim_network_state AS s (account_id, iccid, data_session_since, reported_at) VALUES (:a, :i, :at, :at)
                ON CONFLICT (account_id, iccid) DO UPDATE SET data_session_since = :at, reported_at = :at
                WHERE s.reported_at <= :at""")
                .param("a", account).param("i", iccid).param("at", Timestamp.from(at)).update();
    }

    /**
     * Records the end of the SIM's session at {@code at}, unless a later report is kept already;
     * true when a session was open until then. An end that arrives before its (late) start is
     * kept, so that start, older than it, is then ignored.
     */
    boolean sessionEnded(long account, String iccid, Instant at) {
        boolean wasOpen = jdbc.sql("""
                SELECT data_session_since IS NOT NULL FROM sim_network_state
                WHERE account_id = :a AND iccid = :i AND reported_at <= :at FOR UPDATE""")
                .param("a", account).param("i", iccid).param("at", Timestamp.from(at)).query(Boolean.class).optional().orElse(false);
        jdbc.sql("""
                INSERT INTO sim_network_state AS s (account_id, iccid, data_session_since, reported_at) VALUES (:a, :i, NULL, :at)
                ON CONFLICT (account_id, iccid) DO UPDATE SET data_session_since = NULL, reported_at = :at
                WHERE s.reported_at <= :at""")
                .param("a", account).param("i", iccid).param("at", Timestamp.from(at)).update();
        return wasOpen;
    }

    boolean inSession(long account, String iccid) {
        return jdbc.sql("SELECT count(*) FROM sim_network_state WHERE account_id = :a AND iccid = :i AND data_session_since IS NOT NULL")
                .param("a", account).param("i", iccid).query(Long.class).single() > 0;
    }
}
