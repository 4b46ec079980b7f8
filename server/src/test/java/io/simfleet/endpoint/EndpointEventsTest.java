package io.simfleet.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.simfleet.common.Json;
import io.simfleet.endpoint.EndpointEvent.*;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Event payloads: every type reads back what was written, and a stored payload of today's version keeps reading. */
class EndpointEventsTest {
    static final List<EndpointEvent> ONE_OF_EACH = List.of(
            new EndpointCreated("tracker 01", "P1", "PDP_1", List.of(10L, 11L)),
            new EndpointProvisioned(10471, "tracker 02", "8932042000000000001", "P1", EndpointStatus.ACTIVE),
            new SimLinked("8932042000000000001", EndpointStatus.HOLD, EndpointStatus.PRE_ACTIVE),
            new SimDelinkQueued("8932042000000000001", EndpointStatus.ACTIVE),
            new SimDelinked("8932042000000000001", EndpointStatus.ACTIVE),
            new SimSwapped("8932042000000000001", "8932042000000000002", EndpointStatus.SUSPENDED),
            new EndpointActivated("8932042000000000001", EndpointStatus.PRE_ACTIVE, EndpointStatus.ACTIVE_TEST),
            new LifecycleChanged("8932042000000000001", EndpointStatus.ACTIVE, EndpointStatus.SUSPENDED, "3"),
            new EndpointDeleted(EndpointStatus.HOLD),
            new EndpointGroupJoined(EndpointStatus.ACTIVE, "8932042000000000001", 7200001, 7100001, "10.20.0.1", 7200002L, "10.20.0.9"),
            new EndpointGroupLeft(EndpointStatus.HOLD, null, 7200001, 7100001, "10.20.0.1", "DeleteEndPoint"),
            new RoamingProfilesChanged(EndpointStatus.ACTIVE, List.of(10L), List.of(11L)),
            new PlanChanged(EndpointStatus.ACTIVE, "P1", "P2", List.of(10L), List.of(10L)),
            new EndpointModified(EndpointStatus.ACTIVE, null, List.of("endPointName", "bar"),
                    Map.of("name", "a", "barredServices", List.of()), Map.of("name", "b", "barredServices", List.of("DATA")),
                    List.of("ADDON1"), List.of(7L), List.of(1L), List.of(2L), List.of("VAF1"), List.of()),
            new CounterThresholdReached(EndpointStatus.ACTIVE, "8932042000000000001", "C_Daily_1_CE_USAGE_VOLUME_4_5_108", "Daily_DATA", 7, "BAR_DATA",
                    3145728, 3145728, "BYTES", java.time.Instant.parse("2026-11-28T00:00:00Z")),
            new DataBarred(EndpointStatus.ACTIVE, "8932042000000000001", "BALANCE_EXHAUSTED"),
            new DataUnbarred(EndpointStatus.ACTIVE, "8932042000000000001", "BALANCE_CREDITED"),
            new BalanceCredited(EndpointStatus.ACTIVE, new java.math.BigDecimal("1.50"), new java.math.BigDecimal("2.25")),
            new ThresholdUpdated(EndpointStatus.ACTIVE, "560077", "C_Daily_1_CE_USAGE_VOLUME_4_5_108", 7, 3, 5),
            new AddonSubscribed(EndpointStatus.ACTIVE, "560077", 7, java.time.Instant.parse("2026-12-27T00:00:00Z"), Map.of("DATA", 100L)),
            new AddonValidityEnded(EndpointStatus.ACTIVE, "560077", 7, true, java.time.Instant.parse("2027-01-26T00:00:00Z")),
            new BlacklistChanged(EndpointStatus.ACTIVE, "8932042000000000001", List.of("DEUD1/IR1"), List.of(), List.of("DEUD1/IR1")),
            new NetworkReported(EndpointStatus.ACTIVE, "8932042000000000001", "ATTACHED", "BELTB Belgium 4G"));

    @Test
    void everyTypeReadsBackWhatWasWritten() {
        assertEquals(EndpointEvent.class.getPermittedSubclasses().length, ONE_OF_EACH.size(), "one of each type");
        for (EndpointEvent e : ONE_OF_EACH) {
            String json = Json.MAPPER.writeValueAsString(e);
            assertEquals(e, EndpointEvents.read(e.getClass().getSimpleName(), EndpointEvent.VERSION, json), json);
        }
    }

    @Test
    void aStoredPayloadOfVersionOneReads() {
        String stored = "{\"status\":\"ACTIVE\",\"before\":\"P1\",\"after\":\"P2\",\"roamingBefore\":[10],\"roamingAfter\":[12],"
                + "\"addedByANewerServer\":true}";
        PlanChanged e = (PlanChanged) EndpointEvents.read("PlanChanged", 1, stored);
        assertEquals("P2", e.after());
        assertEquals(List.of(12L), e.roamingAfter());
        assertEquals("planId P1 -> P2", e.detail());
        assertEquals("ChangePlan", e.call());
    }

    @Test
    void theBarringAfterAModify() {
        EndpointModified m = (EndpointModified) ONE_OF_EACH.stream().filter(e -> e instanceof EndpointModified).findFirst().orElseThrow();
        assertEquals(true, m.barringChanged());
        assertEquals(List.of("DATA"), m.barredAfter());
    }

    @Test
    void unknownTypesAndVersionsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> EndpointEvents.read("EndpointTeleported", 1, "{}"));
        assertThrows(IllegalArgumentException.class, () -> EndpointEvents.read("PlanChanged", 99, "{}"));
    }
}
