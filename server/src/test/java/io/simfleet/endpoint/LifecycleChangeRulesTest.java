package io.simfleet.endpoint;

import static io.simfleet.endpoint.EndpointStatus.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.simfleet.common.DomainException;
import io.simfleet.common.ResultCode;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * EndPointLifeCycleChange's decision for every state × every target (docs/lifecycle.md). What it
 * needs the database for — the account's and its parent's status (1242), the endpoint lookup
 * (5018 not found), the SIM moving along — stays with LifecycleCallsTest.
 */
class LifecycleChangeRulesTest {
    /** Per current state: the answer to the targets A, S and AI — a state reached, or the refusal's code. */
    private static final Map<EndpointStatus, List<Object>> TABLE = new EnumMap<>(Map.of(
            PRE_ACTIVE, List.of(ResultCode.PRE_ACTIVE_OR_HOLD, ResultCode.PRE_ACTIVE_OR_HOLD, ResultCode.PRE_ACTIVE_OR_HOLD),
            HOLD, List.of(ResultCode.PRE_ACTIVE_OR_HOLD, ResultCode.PRE_ACTIVE_OR_HOLD, ResultCode.PRE_ACTIVE_OR_HOLD),
            ACTIVE, List.of(ResultCode.SAME_LIFECYCLE, SUSPENDED, ResultCode.LIFECYCLE_FAILURE),
            SUSPENDED, List.of(ACTIVE, ResultCode.SAME_LIFECYCLE, ResultCode.LIFECYCLE_FAILURE),
            ACTIVE_TEST, List.of(ACTIVE, ResultCode.LIFECYCLE_FAILURE, ACTIVE_INVENTORY),
            ACTIVE_INVENTORY, List.of(ACTIVE, ResultCode.LIFECYCLE_FAILURE, ResultCode.SAME_LIFECYCLE),
            DELETED, List.of(ResultCode.ENDPOINT_DEACTIVATED, ResultCode.ENDPOINT_DEACTIVATED, ResultCode.ENDPOINT_DEACTIVATED)));

    @Test
    void everyStateToEveryTarget() {
        List<EndpointStatus> targets = List.of(ACTIVE, SUSPENDED, ACTIVE_INVENTORY);
        for (EndpointStatus from : EndpointStatus.values()) {
            for (int i = 0; i < targets.size(); i++) {
                EndpointStatus target = targets.get(i);
                Object expected = TABLE.get(from).get(i);
                String cell = from.code() + " → " + target.code();
                if (expected instanceof EndpointStatus to) {
                    assertEquals(to, Endpoint.lifecycleChange(from, target), cell);
                } else {
                    DomainException e = assertThrows(DomainException.class, () -> Endpoint.lifecycleChange(from, target), cell);
                    assertEquals(expected, e.code(), cell);
                }
            }
        }
    }

    @Test
    void targetsAreReadInAnyCaseAndTrimmed() {
        assertEquals(ACTIVE, Endpoint.lifecycleTarget("a"));
        assertEquals(SUSPENDED, Endpoint.lifecycleTarget(" S "));
        assertEquals(ACTIVE_INVENTORY, Endpoint.lifecycleTarget("ai"));
    }

    @Test
    void invalidLifeCycle1008() {
        for (String bad : List.of("AT", "PA", "H", "D", "", "Active")) {
            DomainException e = assertThrows(DomainException.class, () -> Endpoint.lifecycleTarget(bad), bad);
            assertEquals(ResultCode.INVALID_LIFECYCLE, e.code());
        }
    }
}
