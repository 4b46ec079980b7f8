package io.simfleet.endpoint;

import static io.simfleet.testkit.Refusals.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.simfleet.account.Account;
import io.simfleet.catalog.CatalogModel.Plan;
import io.simfleet.catalog.CatalogModel.PlanCategory;
import io.simfleet.common.AccountType;
import io.simfleet.common.ResultCode;
import io.simfleet.endpoint.Endpoint.Change;
import io.simfleet.endpoint.EndpointEvent.*;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The aggregate's operations, without a database: the state they lead to, the events they make, the codes they refuse with. */
class EndpointAggregateTest {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final Instant T1 = Instant.parse("2026-02-01T00:00:00Z");
    static final String ICCID = "8932042000000000001";

    static Endpoint endpoint(EndpointStatus status) {
        return new Endpoint(1, 51368592, "tracker 01", status, 1, "P1", "PDP_1", List.of(10L, 11L), null, null, false, null,
                T0, T0, null, null, 3, List.of(), null);
    }

    static Account account(boolean oem, boolean lowBalance, boolean dynamicBenefitOnly) {
        return new Account(1, 2L, AccountType.ENTERPRISE, "A", 1, oem, dynamicBenefitOnly, lowBalance, true, "44", "EUR", T0, null, false);
    }

    static Plan plan(String id, int type, PlanCategory category, boolean active) {
        return new Plan(1, id, id, id, category, type, 30, "9|2", "SMS|DATA", null, T0, T0, active, List.of(10L), "SP", List.of(), List.of());
    }

    @Test
    void linkActivateSuspendResumeDelinkDelete() {
        Change linked = endpoint(EndpointStatus.HOLD).linkSim(ICCID, false, T1);
        assertEquals(EndpointStatus.PRE_ACTIVE, linked.after().status());
        assertEquals(List.of(new SimLinked(ICCID, EndpointStatus.HOLD, EndpointStatus.PRE_ACTIVE)), linked.events());
        assertEquals(T1, linked.after().lastSimStateChangeAt());
        assertEquals(3, linked.after().version(), "the version moves when saved, not before");

        Change active = linked.after().activate(account(false, false, false), ICCID, T1);
        assertEquals(EndpointStatus.ACTIVE, active.after().status());
        assertEquals(T1, active.after().activatedAt());
        assertEquals(EndpointStatus.ACTIVE_TEST, linked.after().activate(account(true, false, false), ICCID, T1).after().status(), "OEM");

        Change suspended = active.after().changeLifecycle(EndpointStatus.SUSPENDED, "3", ICCID, T1);
        assertEquals(List.of(new LifecycleChanged(ICCID, EndpointStatus.ACTIVE, EndpointStatus.SUSPENDED, "3")), suspended.events());
        Change resumed = suspended.after().changeLifecycle(EndpointStatus.ACTIVE, null, ICCID, T1);
        assertEquals(EndpointStatus.ACTIVE, resumed.after().status());

        Change queued = resumed.after().queueDelink(ICCID, T1);
        assertEquals(EndpointStatus.ACTIVE, queued.after().status());
        assertEquals(T1, queued.after().delinkPendingSince());
        Change delinked = queued.after().delinkSim(ICCID, T1);
        assertEquals(EndpointStatus.HOLD, delinked.after().status());
        assertNull(delinked.after().delinkPendingSince());
        assertEquals(new EndpointDeleted(EndpointStatus.HOLD), delinked.after().delete(false, T1).events().get(0));
    }

    @Test
    void refusals() {
        refused(ResultCode.SIM_ALREADY_PROVISIONED, null, () -> endpoint(EndpointStatus.PRE_ACTIVE).linkSim(ICCID, true, T1));
        refused(ResultCode.LINK_SIM_FAILURE, null, () -> endpoint(EndpointStatus.ACTIVE).linkSim(ICCID, false, T1));
        refused(ResultCode.SIM_ALREADY_ACTIVE, null, () -> endpoint(EndpointStatus.ACTIVE).activate(account(false, false, false), ICCID, T1));
        refused(ResultCode.SIM_NOT_ATTACHED, null, () -> endpoint(EndpointStatus.PRE_ACTIVE).activate(account(false, false, false), null, T1));
        refused(ResultCode.LOW_BALANCE, null, () -> endpoint(EndpointStatus.PRE_ACTIVE).activate(account(false, true, false), ICCID, T1));
        refused(ResultCode.DYNAMIC_BENEFIT_REQUIRED, null, () -> endpoint(EndpointStatus.PRE_ACTIVE).activate(account(false, false, true), ICCID, T1));
        refused(ResultCode.SIM_PROVISIONING_FAILURE, null, () -> endpoint(EndpointStatus.HOLD).activate(account(false, false, false), ICCID, T1));
        refused(ResultCode.DELETE_NOT_ALLOWED, null, () -> endpoint(EndpointStatus.PRE_ACTIVE).delete(true, T1));
        refused(ResultCode.DELETE_NOT_ALLOWED, null, () -> endpoint(EndpointStatus.ACTIVE).delete(false, T1));
        refused(ResultCode.DELINK_FAILURE, null, () -> endpoint(EndpointStatus.HOLD).queueDelink(ICCID, T1));
        refused(ResultCode.SUBSCRIBER_NOT_ACTIVE, null, () -> endpoint(EndpointStatus.SUSPENDED).changeRoamingProfiles(List.of(10L), ids -> ids));
    }

    @Test
    void planChangeKeepsTheRoamingProfilesTheNewPlanOffers() {
        Endpoint e = endpoint(EndpointStatus.ACTIVE);
        Change kept = e.changePlan(plan("P2", 1, PlanCategory.NORMAL, true), "P2", p -> List.of(11L, 12L), T1);
        assertEquals("P2", kept.after().planId());
        assertEquals(List.of(11L), kept.after().roamingProfileIds());
        assertEquals(T1, kept.after().planEffectiveAt());
        assertEquals(List.of(new PlanChanged(EndpointStatus.ACTIVE, "P1", "P2", List.of(10L, 11L), List.of(11L))), kept.events());
        assertEquals(List.of(20L, 21L), e.changePlan(plan("P3", 1, PlanCategory.NORMAL, true), "P3", p -> List.of(20L, 21L), T1)
                .after().roamingProfileIds(), "none offered: the new plan's own");

        refused(ResultCode.PLAN_ALREADY_EXISTS, null, () -> e.changePlan(plan("P1", 1, PlanCategory.NORMAL, true), "P1", p -> List.of(), T1));
        refused(ResultCode.PLAN_TYPE_MISMATCH, null, () -> e.changePlan(plan("P4", 0, PlanCategory.NORMAL, true), "P4", p -> List.of(), T1));
        refused(ResultCode.WRONG_INPUT_PARAMETER, "planId", () -> e.changePlan(plan("A1", 1, PlanCategory.ADDON, true), "A1", p -> List.of(), T1));
        refused(ResultCode.WRONG_INPUT_PARAMETER, "planId", () -> e.changePlan(null, "X", p -> List.of(), T1));
        refused(ResultCode.OEM_PLAN_CHANGE_NOT_ALLOWED, null,
                () -> endpoint(EndpointStatus.ACTIVE_TEST).changePlan(plan("P2", 1, PlanCategory.NORMAL, true), "P2", p -> List.of(), T1));
    }
}
