package io.simfleet.network;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The inbound port: what the network side reports to the platform. The platform implements it
 * ({@link NetworkEvents}); a network adapter (the simulator, or a mediation / PGW accounting
 * feed) calls it. SIMs are named by master IMSI, as the network knows them. Usage records will
 * come in through here too (the usage issue).
 */
public interface NetworkEventPort {
    /** A data session of the SIM opened at {@code at}. An IMSI the platform does not know is ignored. */
    void dataSessionStarted(String imsi, Instant at);

    /** The SIM's data session closed at {@code at}; a de-link waiting for it completes. */
    void dataSessionEnded(String imsi, Instant at);

    /**
     * The SIM's registration: attached to a network (a new one, or a location update on the same
     * one), or detached (its session, if any, ends with it). Reports older than the one kept are
     * ignored.
     */
    void registration(String imsi, NetworkReport report);

    /**
     * Many registrations at once (an adapter's resync after a restart, the simulator learning its
     * SIMs): as {@link #registration} for each, in order; the platform keeps them in one
     * transaction.
     */
    default void registrations(List<Map.Entry<String, NetworkReport>> reports) {
        for (Map.Entry<String, NetworkReport> r : reports) registration(r.getKey(), r.getValue());
    }
}
