package io.simfleet.endpoint;

/**
 * The numbered provisioning states of {@code endpoint-states-private-network.txt}, mapped from
 * ours (docs/lifecycle.md): Pre-Active and Hold are pending (30), the states the network serves
 * are active (50), Suspend is suspended (60), a deleted endpoint is terminated (70). An account
 * that opted into the private-network rule ({@code endpointGroupRequired}) keeps an endpoint that
 * is in no endpoint group pending (30) whatever its SFT state, except suspended and terminated:
 * it is not usable until it is in a group.
 */
public enum ProvisioningState {
    PENDING(30, "pending"),
    ACTIVE(50, "active"),
    SUSPENDED(60, "suspended"),
    TERMINATED(70, "terminated");

    private final int id;
    private final String displayName;

    ProvisioningState(int id, String displayName) {
        this.id = id;
        this.displayName = displayName;
    }

    public int id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    /** The state of an endpoint in {@code status}; {@code groupRequired} the account's opt-in, {@code grouped} whether it is in a group. */
    public static ProvisioningState of(EndpointStatus status, boolean groupRequired, boolean grouped) {
        return switch (status) {
            case DELETED -> TERMINATED;
            case SUSPENDED -> SUSPENDED;
            case PRE_ACTIVE, HOLD -> PENDING;
            case ACTIVE, ACTIVE_TEST, ACTIVE_INVENTORY -> groupRequired && !grouped ? PENDING : ACTIVE;
        };
    }

    /** Whether the network may serve an endpoint in this state. */
    public boolean usable() {
        return this == ACTIVE;
    }
}
