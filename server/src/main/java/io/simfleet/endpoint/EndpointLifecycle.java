package io.simfleet.endpoint;

import static io.simfleet.endpoint.EndpointStatus.*;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The one transition table of endpoints. Every state change of every call asks it; a missing
 * entry is a refused transition, answered with the call's documented code by the caller.
 */
public final class EndpointLifecycle {

    /** What a call does to an endpoint's state. */
    public enum Operation {
        LINK_SIM, ACTIVATE, ACTIVATE_OEM, DELINK_SIM, SUSPEND, RESUME, TO_INVENTORY, TO_COMMERCIAL, DELETE
    }

    private static final Map<Operation, Map<EndpointStatus, EndpointStatus>> TABLE = new EnumMap<>(Operation.class);

    static {
        allow(Operation.LINK_SIM, PRE_ACTIVE, PRE_ACTIVE);
        allow(Operation.LINK_SIM, HOLD, PRE_ACTIVE);
        allow(Operation.ACTIVATE, PRE_ACTIVE, ACTIVE);
        allow(Operation.ACTIVATE_OEM, PRE_ACTIVE, ACTIVE_TEST);
        for (EndpointStatus s : new EndpointStatus[] {PRE_ACTIVE, ACTIVE, SUSPENDED, ACTIVE_TEST, ACTIVE_INVENTORY}) {
            allow(Operation.DELINK_SIM, s, HOLD);
        }
        allow(Operation.SUSPEND, ACTIVE, SUSPENDED);
        allow(Operation.RESUME, SUSPENDED, ACTIVE);
        allow(Operation.TO_INVENTORY, ACTIVE_TEST, ACTIVE_INVENTORY);
        allow(Operation.TO_COMMERCIAL, ACTIVE_TEST, ACTIVE);
        allow(Operation.TO_COMMERCIAL, ACTIVE_INVENTORY, ACTIVE);
        allow(Operation.DELETE, PRE_ACTIVE, DELETED);
        allow(Operation.DELETE, HOLD, DELETED);
    }

    private EndpointLifecycle() {}

    private static void allow(Operation op, EndpointStatus from, EndpointStatus to) {
        TABLE.computeIfAbsent(op, k -> new EnumMap<>(EndpointStatus.class)).put(from, to);
    }

    /** The state after {@code op}, or empty when {@code op} is not allowed from {@code from}. */
    public static Optional<EndpointStatus> next(EndpointStatus from, Operation op) {
        return Optional.ofNullable(TABLE.getOrDefault(op, Map.of()).get(from));
    }
}
