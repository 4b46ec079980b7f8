package io.simfleet.endpoint;

import io.simfleet.sim.SimStatus;
import java.util.Arrays;
import java.util.Optional;

/**
 * Endpoint states with their SFT codes and names. {@code simStatus} is the state the linked SIM
 * is in while the endpoint is in this state (Hold and Deleted endpoints hold no SIM).
 */
public enum EndpointStatus {
    PRE_ACTIVE("PA", "Pre-Active", SimStatus.PRE_ACTIVE),
    ACTIVE("A", "Active", SimStatus.ACTIVE),
    SUSPENDED("S", "Suspend", SimStatus.SUSPENDED),
    HOLD("H", "Hold", null),
    ACTIVE_TEST("AT", "Active-Test", SimStatus.ACTIVE_TEST),
    ACTIVE_INVENTORY("AI", "Active-Inventory", SimStatus.ACTIVE_INVENTORY),
    DELETED("D", "Deleted", null);

    private final String code;
    private final String displayName;
    private final SimStatus simStatus;

    EndpointStatus(String code, String displayName, SimStatus simStatus) {
        this.code = code;
        this.displayName = displayName;
        this.simStatus = simStatus;
    }

    public String code() {
        return code;
    }

    public String displayName() {
        return displayName;
    }

    /** Active, Active-Test or Active-Inventory: the network serves an endpoint in this state. */
    public boolean inService() {
        return this == ACTIVE || this == ACTIVE_TEST || this == ACTIVE_INVENTORY;
    }

    /** Active-Test or Active-Inventory: the OEM's states, before the endpoint goes commercial. */
    public boolean oem() {
        return this == ACTIVE_TEST || this == ACTIVE_INVENTORY;
    }

    /** The linked SIM's state in this endpoint state; empty where the endpoint holds no SIM. */
    public Optional<SimStatus> simStatus() {
        return Optional.ofNullable(simStatus);
    }

    public static Optional<EndpointStatus> byCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equalsIgnoreCase(code)).findFirst();
    }
}
