package io.simfleet.network;

/**
 * The numbered network states of {@code endpoint-states-private-network.txt}, shown on the endpoint
 * (our addition to GetEndPointProfile and GetEndpoints, docs/network.md).
 */
public enum NetworkState {
    /** Nothing known: no report from the network, or no SIM. */
    UNKNOWN(10, "unknown"),
    /** Not attached to any network. */
    DETACHED(20, "detached"),
    /** Attached, no data session. */
    IDLE(30, "idle"),
    /** Attached with a data session open. */
    ACTIVE(40, "active");

    private final int id;
    private final String displayName;

    NetworkState(int id, String displayName) {
        this.id = id;
        this.displayName = displayName;
    }

    public int id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }
}
