package io.simfleet.sim;

import static io.simfleet.sim.SimStatus.*;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The one transition table of SIMs. A SIM follows its endpoint: linked (Ready To Activate →
 * Pre-Active, or straight to Active / Active-Test when linked and activated in one call),
 * activated, suspended and resumed, moved between the OEM states, and de-linked back to
 * Ready To Activate from any linked state.
 */
public final class SimLifecycle {
    private static final Map<SimStatus, Set<SimStatus>> TABLE = new EnumMap<>(SimStatus.class);

    static {
        TABLE.put(READY_TO_ACTIVATE, EnumSet.of(PRE_ACTIVE, ACTIVE, ACTIVE_TEST));
        TABLE.put(PRE_ACTIVE, EnumSet.of(ACTIVE, ACTIVE_TEST, READY_TO_ACTIVATE));
        TABLE.put(ACTIVE, EnumSet.of(SUSPENDED, READY_TO_ACTIVATE));
        TABLE.put(SUSPENDED, EnumSet.of(ACTIVE, READY_TO_ACTIVATE));
        TABLE.put(ACTIVE_TEST, EnumSet.of(ACTIVE_INVENTORY, ACTIVE, READY_TO_ACTIVATE));
        TABLE.put(ACTIVE_INVENTORY, EnumSet.of(ACTIVE, READY_TO_ACTIVATE));
    }

    private SimLifecycle() {}

    public static boolean allowed(SimStatus from, SimStatus to) {
        return TABLE.getOrDefault(from, Set.of()).contains(to);
    }

    /**
     * Whether a SIM in {@code state} can be swapped for another: any linked state. The SIM it is
     * replaced by goes from Ready To Activate straight into {@code state} (Suspended and
     * Active-Inventory included), and it goes back to Ready To Activate; the endpoint does not move.
     */
    public static boolean swappable(SimStatus state) {
        return state != READY_TO_ACTIVATE && allowed(state, READY_TO_ACTIVATE);
    }
}
