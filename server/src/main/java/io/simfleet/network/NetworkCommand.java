package io.simfleet.network;

import java.util.List;

/**
 * What the platform tells the mobile network (HLR/HSS, PGW, policy) about one SIM, after the
 * change that calls for it has committed. Each names the account, the endpoint and the SIM by
 * ICCID and master IMSI, the identifiers a network adapter needs.
 */
public sealed interface NetworkCommand {
    long accountId();

    long endpointId();

    String iccid();

    String imsi();

    /** The SIM joined an endpoint: the network may know it, not serve it yet. */
    record Provision(long accountId, long endpointId, String iccid, String imsi) implements NetworkCommand {}

    /** Serve the SIM (activation, resume, the OEM states). */
    record Activate(long accountId, long endpointId, String iccid, String imsi) implements NetworkCommand {}

    /** Stop serving the SIM but keep it (suspension). */
    record Suspend(long accountId, long endpointId, String iccid, String imsi) implements NetworkCommand {}

    /** The services and RATs barred for the SIM from now on (empty: none). */
    record Bar(long accountId, long endpointId, String iccid, String imsi, List<String> barredServices) implements NetworkCommand {}

    /**
     * Data barred ({@code barred}) or served again by rating, on top of the endpoint's own
     * barring ({@link Bar}): {@code reason} BALANCE_EXHAUSTED, a counter id, BALANCE_CREDITED,
     * COUNTER_PERIOD_ENDED.
     */
    record RatingBar(long accountId, long endpointId, String iccid, String imsi, boolean barred, String reason) implements NetworkCommand {}

    /** A counter's THROTTLE_&lt;rate&gt; action: limit the SIM's data rate until {@code until}. */
    record Throttle(long accountId, long endpointId, String iccid, String imsi, String action, java.time.Instant until)
            implements NetworkCommand {}

    /** The networks (TADIG codes) the SIM must not use from now on. */
    record Blacklist(long accountId, long endpointId, String iccid, String imsi, List<String> tadigs) implements NetworkCommand {}

    /** Forget the SIM: it left its endpoint (de-link) and its sessions end. */
    record Detach(long accountId, long endpointId, String iccid, String imsi) implements NetworkCommand {}
}
