package io.simfleet.endpoint;

import static io.simfleet.endpoint.EndpointLifecycle.Operation.*;
import static io.simfleet.endpoint.EndpointStatus.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simfleet.sim.SimStatus;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EndpointLifecycleTest {
    @Test
    void documentedTransitions() {
        assertEquals(Optional.of(ACTIVE), EndpointLifecycle.next(PRE_ACTIVE, ACTIVATE));
        assertEquals(Optional.of(ACTIVE_TEST), EndpointLifecycle.next(PRE_ACTIVE, ACTIVATE_OEM));
        assertEquals(Optional.of(PRE_ACTIVE), EndpointLifecycle.next(HOLD, LINK_SIM));
        assertEquals(Optional.of(HOLD), EndpointLifecycle.next(ACTIVE, DELINK_SIM));
        assertEquals(Optional.of(SUSPENDED), EndpointLifecycle.next(ACTIVE, SUSPEND));
        assertEquals(Optional.of(ACTIVE), EndpointLifecycle.next(SUSPENDED, RESUME));
        assertEquals(Optional.of(ACTIVE_INVENTORY), EndpointLifecycle.next(ACTIVE_TEST, TO_INVENTORY));
        assertEquals(Optional.of(ACTIVE), EndpointLifecycle.next(ACTIVE_INVENTORY, TO_COMMERCIAL));
        assertEquals(Optional.of(DELETED), EndpointLifecycle.next(HOLD, DELETE));
    }

    @Test
    void refusedTransitions() {
        assertTrue(EndpointLifecycle.next(ACTIVE, ACTIVATE).isEmpty());
        assertTrue(EndpointLifecycle.next(HOLD, ACTIVATE).isEmpty());
        assertTrue(EndpointLifecycle.next(PRE_ACTIVE, SUSPEND).isEmpty());
        assertTrue(EndpointLifecycle.next(ACTIVE, DELETE).isEmpty());
        assertTrue(EndpointLifecycle.next(HOLD, DELINK_SIM).isEmpty());
        assertTrue(EndpointLifecycle.next(ACTIVE, TO_INVENTORY).isEmpty());
        for (EndpointLifecycle.Operation op : EndpointLifecycle.Operation.values()) {
            assertTrue(EndpointLifecycle.next(DELETED, op).isEmpty(), "nothing leaves " + DELETED + " by " + op);
        }
    }

    @Test
    void everyLinkedStateHasItsSimState() {
        assertEquals(Optional.of(SimStatus.PRE_ACTIVE), PRE_ACTIVE.simStatus());
        assertEquals(Optional.of(SimStatus.ACTIVE), ACTIVE.simStatus());
        assertEquals(Optional.of(SimStatus.SUSPENDED), SUSPENDED.simStatus());
        assertEquals(Optional.of(SimStatus.ACTIVE_TEST), ACTIVE_TEST.simStatus());
        assertEquals(Optional.of(SimStatus.ACTIVE_INVENTORY), ACTIVE_INVENTORY.simStatus());
        assertTrue(HOLD.simStatus().isEmpty());
    }
}
