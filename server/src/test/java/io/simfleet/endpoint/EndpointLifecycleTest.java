package io.simfleet.endpoint;

import static io.simfleet.endpoint.EndpointLifecycle.Operation.*;
import static io.simfleet.endpoint.EndpointStatus.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simfleet.common.DomainException;
import io.simfleet.common.ResultCode;
import io.simfleet.endpoint.EndpointLifecycle.Operation;
import io.simfleet.sim.SimStatus;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The endpoint transition table, cell by cell: every state × every operation. Plain JUnit, no server. */
class EndpointLifecycleTest {
    /** The table as docs/lifecycle.md draws it, written out independently of {@link EndpointLifecycle}. */
    private static final Map<Operation, Map<EndpointStatus, EndpointStatus>> EXPECTED = new EnumMap<>(Operation.class);

    static {
        for (Operation op : Operation.values()) EXPECTED.put(op, new EnumMap<>(EndpointStatus.class));
        EXPECTED.get(LINK_SIM).putAll(Map.of(PRE_ACTIVE, PRE_ACTIVE, HOLD, PRE_ACTIVE));
        EXPECTED.get(ACTIVATE).put(PRE_ACTIVE, ACTIVE);
        EXPECTED.get(ACTIVATE_OEM).put(PRE_ACTIVE, ACTIVE_TEST);
        EXPECTED.get(DELINK_SIM).putAll(Map.of(PRE_ACTIVE, HOLD, ACTIVE, HOLD, SUSPENDED, HOLD, ACTIVE_TEST, HOLD,
                ACTIVE_INVENTORY, HOLD));
        EXPECTED.get(SUSPEND).put(ACTIVE, SUSPENDED);
        EXPECTED.get(RESUME).put(SUSPENDED, ACTIVE);
        EXPECTED.get(TO_INVENTORY).put(ACTIVE_TEST, ACTIVE_INVENTORY);
        EXPECTED.get(TO_COMMERCIAL).putAll(Map.of(ACTIVE_TEST, ACTIVE, ACTIVE_INVENTORY, ACTIVE));
        EXPECTED.get(DELETE).putAll(Map.of(PRE_ACTIVE, DELETED, HOLD, DELETED));
    }

    @Test
    void everyStateUnderEveryOperation() {
        int allowed = 0;
        for (Operation op : Operation.values()) {
            for (EndpointStatus from : EndpointStatus.values()) {
                Optional<EndpointStatus> expected = Optional.ofNullable(EXPECTED.get(op).get(from));
                assertEquals(expected, EndpointLifecycle.next(from, op), from + " by " + op);
                if (expected.isPresent()) allowed++;
            }
        }
        assertEquals(16, allowed, "cells allowed in the table");
    }

    @Test
    void nothingLeavesDeleted() {
        for (Operation op : Operation.values()) {
            assertTrue(EndpointLifecycle.next(DELETED, op).isEmpty(), "nothing leaves " + DELETED + " by " + op);
        }
    }

    /** Each call's refusal code (the codes EndpointOperations and EndpointService pass) names the current state. */
    @Test
    void aRefusedTransitionRaisesTheCallsCodeNamingTheState() {
        Map<Operation, ResultCode> refusals = new EnumMap<>(Map.of(
                LINK_SIM, ResultCode.LINK_SIM_FAILURE,
                ACTIVATE, ResultCode.SIM_PROVISIONING_FAILURE,
                ACTIVATE_OEM, ResultCode.SIM_PROVISIONING_FAILURE,
                DELINK_SIM, ResultCode.DELINK_FAILURE,
                SUSPEND, ResultCode.LIFECYCLE_FAILURE,
                RESUME, ResultCode.LIFECYCLE_FAILURE,
                TO_INVENTORY, ResultCode.LIFECYCLE_FAILURE,
                TO_COMMERCIAL, ResultCode.LIFECYCLE_FAILURE,
                DELETE, ResultCode.DELETE_NOT_ALLOWED));
        for (Operation op : Operation.values()) {
            for (EndpointStatus from : EndpointStatus.values()) {
                EndpointStatus to = EXPECTED.get(op).get(from);
                if (to != null) {
                    assertEquals(to, EndpointRules.transition(from, op, refusals.get(op)));
                } else {
                    DomainException e = assertThrows(DomainException.class, () -> EndpointRules.transition(from, op, refusals.get(op)));
                    assertEquals(refusals.get(op), e.code(), from + " by " + op);
                    assertEquals("endpoint is " + from.displayName(), e.detail());
                }
            }
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
        assertTrue(DELETED.simStatus().isEmpty());
    }

    /** Every state an allowed transition reaches holds the SIM the SIM table lets it move to, or none. */
    @Test
    void theSimFollowsEveryAllowedTransition() {
        for (Operation op : Operation.values()) {
            EXPECTED.get(op).forEach((from, to) -> {
                if (from.simStatus().isPresent() && to.simStatus().isPresent() && from.simStatus().get() != to.simStatus().get()) {
                    assertTrue(io.simfleet.sim.SimLifecycle.allowed(from.simStatus().get(), to.simStatus().get()), from + " by " + op);
                }
            });
        }
    }

    @Test
    void codesAndNames() {
        Map<EndpointStatus, String> codes = new EnumMap<>(Map.of(PRE_ACTIVE, "PA", ACTIVE, "A", SUSPENDED, "S", HOLD, "H",
                ACTIVE_TEST, "AT", ACTIVE_INVENTORY, "AI", DELETED, "D"));
        codes.forEach((s, code) -> {
            assertEquals(code, s.code());
            assertEquals(Optional.of(s), EndpointStatus.byCode(code.toLowerCase()), "codes are read in any case");
        });
        assertEquals("Suspend", SUSPENDED.displayName(), "the reference's currentStatusName");
        assertTrue(EndpointStatus.byCode("X").isEmpty());
    }
}
