package io.simfleet.network;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The numbered network state of SIMs (docs/network.md, "Numbered states"), from what the network
 * last reported of each in {@code sim_network_state} (what {@link NetworkEvents} keeps): a data
 * session open is {@link NetworkState#ACTIVE} (40), attached without one {@link NetworkState#IDLE}
 * (30), reported but not attached {@link NetworkState#DETACHED} (20), never reported
 * {@link NetworkState#UNKNOWN} (10). The one place that maps the network's reports to the numbers.
 */
@Service
public class NetworkStates {
    private final JdbcClient jdbc;

    NetworkStates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The state of each of the account's SIMs named (by ICCID), in one statement; SIMs without a report are UNKNOWN. */
    public Map<String, NetworkState> of(long accountId, Collection<String> iccids) {
        Map<String, NetworkState> out = new HashMap<>();
        if (iccids.isEmpty()) return out;
        for (String iccid : iccids) out.put(iccid, NetworkState.UNKNOWN);
        jdbc.sql("""
                SELECT iccid, data_session_since IS NOT NULL AS in_session, attached FROM sim_network_state
                WHERE account_id = :a AND iccid = ANY(:i)""")
                .param("a", accountId).param("i", iccids.toArray(new String[0]))
                .query((rs, n) -> out.put(rs.getString("iccid"), rs.getBoolean("in_session") ? NetworkState.ACTIVE
                        : rs.getBoolean("attached") ? NetworkState.IDLE : NetworkState.DETACHED))
                .list();
        return out;
    }

    /** The state of one SIM; UNKNOWN for none (null) or one never reported. */
    public NetworkState of(long accountId, String iccid) {
        return iccid == null ? NetworkState.UNKNOWN : of(accountId, List.of(iccid)).get(iccid);
    }
}
