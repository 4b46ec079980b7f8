package io.simfleet.network;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The network's last report per SIM. A report older than the one kept is ignored (reports may arrive out of order). */
@Repository
public class NetworkStateRepository {
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

    /** The state before a registration report, when the report was kept (null: older than the state kept). */
    record Kept(boolean attached, String tadigCode, boolean inSession) {}

    /**
     * Records a registration report unless a later one is kept: attached (network, RAT, IP,
     * policy) or detached (which ends a data session). Answers the state before, or null when the
     * report was older than the one kept and ignored.
     */
    Kept registration(long account, String iccid, NetworkReport r) {
        Kept before = jdbc.sql("""
                SELECT attached, tadig_code, data_session_since IS NOT NULL AS in_session, reported_at FROM sim_network_state
                WHERE account_id = :a AND iccid = :i FOR UPDATE""")
                .param("a", account).param("i", iccid)
                .query((rs, n) -> rs.getTimestamp("reported_at").toInstant().isAfter(r.at()) ? null
                        : new Kept(rs.getBoolean("attached"), rs.getString("tadig_code"), rs.getBoolean("in_session")))
                .optional().orElse(new Kept(false, null, false));
        if (before == null) return null;
        jdbc.sql("""
                INSERT INTO sim_network_state AS s (account_id, iccid, data_session_since, reported_at, attached, tadig_code, mcc_mnc,
                                                    operator_name, country_name, rat, ip_address, policy, attached_at)
                VALUES (:a, :i, NULL, :at, :att, :tadig, :mcc, :op, :c, :rat, :ip, :pol, CASE WHEN :att THEN CAST(:at AS timestamptz) END)
                ON CONFLICT (account_id, iccid) DO UPDATE SET reported_at = :at, attached = :att,
                    tadig_code = coalesce(:tadig, s.tadig_code), mcc_mnc = coalesce(:mcc, s.mcc_mnc),
                    operator_name = coalesce(:op, s.operator_name), country_name = coalesce(:c, s.country_name),
                    rat = coalesce(:rat, s.rat), ip_address = CASE WHEN :att THEN :ip END, policy = :pol,
                    data_session_since = CASE WHEN :att THEN s.data_session_since END,
                    attached_at = CASE WHEN :att AND NOT s.attached THEN CAST(:at AS timestamptz) WHEN :att THEN s.attached_at END""")
                .param("a", account).param("i", iccid).param("at", Timestamp.from(r.at())).param("att", r.attached())
                .param("tadig", r.tadigCode()).param("mcc", r.mccMnc()).param("op", r.operatorName()).param("c", r.countryName())
                .param("rat", r.rat()).param("ip", r.ipAddress()).param("pol", r.policy()).update();
        return before;
    }

    /** The network's last report of a SIM. */
    public record State(boolean attached, boolean inSession, String tadigCode, String mccMnc, String operatorName, String countryName,
                        String rat, String ipAddress, String policy, Instant reportedAt, Instant attachedAt) {}

    java.util.Optional<State> state(long account, String iccid) {
        return jdbc.sql("SELECT * FROM sim_network_state WHERE account_id = :a AND iccid = :i")
                .param("a", account).param("i", iccid)
                .query((rs, n) -> new State(rs.getBoolean("attached"), rs.getTimestamp("data_session_since") != null,
                        rs.getString("tadig_code"), rs.getString("mcc_mnc"), rs.getString("operator_name"), rs.getString("country_name"),
                        rs.getString("rat"), rs.getString("ip_address"), rs.getString("policy"), rs.getTimestamp("reported_at").toInstant(),
                        rs.getTimestamp("attached_at") == null ? null : rs.getTimestamp("attached_at").toInstant()))
                .optional();
    }

    boolean inSession(long account, String iccid) {
        return jdbc.sql("SELECT count(*) FROM sim_network_state WHERE account_id = :a AND iccid = :i AND data_session_since IS NOT NULL")
                .param("a", account).param("i", iccid).query(Long.class).single() > 0;
    }
}
