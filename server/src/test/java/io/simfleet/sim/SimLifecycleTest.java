package io.simfleet.sim;

import static io.simfleet.sim.SimStatus.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The SIM transition table, every state × every state. Plain JUnit, no server. */
class SimLifecycleTest {
    @Test
    void everyStateToEveryState() {
        Map<SimStatus, Set<SimStatus>> expected = new EnumMap<>(SimStatus.class);
        expected.put(READY_TO_ACTIVATE, EnumSet.of(PRE_ACTIVE, ACTIVE, ACTIVE_TEST));
        expected.put(PRE_ACTIVE, EnumSet.of(ACTIVE, ACTIVE_TEST, READY_TO_ACTIVATE));
        expected.put(ACTIVE, EnumSet.of(SUSPENDED, READY_TO_ACTIVATE));
        expected.put(SUSPENDED, EnumSet.of(ACTIVE, READY_TO_ACTIVATE));
        expected.put(ACTIVE_TEST, EnumSet.of(ACTIVE_INVENTORY, ACTIVE, READY_TO_ACTIVATE));
        expected.put(ACTIVE_INVENTORY, EnumSet.of(ACTIVE, READY_TO_ACTIVATE));
        for (SimStatus from : SimStatus.values()) {
            for (SimStatus to : SimStatus.values()) {
                assertEquals(expected.get(from).contains(to), SimLifecycle.allowed(from, to), from + " → " + to);
            }
        }
    }

    @Test
    void everyLinkedStateDelinksToReadyToActivateAndNoStateGoesToItself() {
        for (SimStatus s : SimStatus.values()) {
            assertFalse(SimLifecycle.allowed(s, s), s + " → itself");
            if (s != READY_TO_ACTIVATE) assertTrue(SimLifecycle.allowed(s, READY_TO_ACTIVATE), s + " de-links");
        }
    }

    @Test
    void idsAsDocumented() {
        Map<SimStatus, Integer> ids = Map.of(READY_TO_ACTIVATE, 5, ACTIVE, 6, SUSPENDED, 7, PRE_ACTIVE, 12, ACTIVE_TEST, 13,
                ACTIVE_INVENTORY, 14);
        ids.forEach((s, id) -> {
            assertEquals(id, s.id());
            assertEquals(Optional.of(s), SimStatus.byId(id));
        });
        assertTrue(SimStatus.byId(8).isEmpty());
        assertEquals("Ready To Activate", READY_TO_ACTIVATE.displayName());
    }
}
